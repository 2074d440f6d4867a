// bulwark/web's types: init() first, then the same functions and option types as 'bulwark';
// the Node-only ones are not there.
import init, { initSync, sanitizeHtml, checkUrl, parseJson, hashPassword, type SanitizeHtmlOptions } from 'bulwark/web';
import * as web from 'bulwark/web';

await init();
await init(new URL('https://cdn.example/bulwark_wasm_bg.wasm'));
initSync(new Uint8Array(8));
const policy: SanitizeHtmlOptions = { allowedTags: ['b'] };
const html: string = sanitizeHtml('<b>x</b>', policy);
const port: number | null = checkUrl('https://example.com').port;
const value: unknown = parseJson('{}');
const hashed: Promise<string> = hashPassword('pw');
const backend: 'wasm' = web.backend;
// @ts-expect-error: resolveWithinReal needs a file system, so bulwark/web has none
web.resolveWithinReal('/srv', 'x');
// @ts-expect-error: safeLookup needs DNS
void web.safeLookup;
void [html, port, value, hashed, backend];
