// Types for `bulwark/secure-json-parse`: secure-json-parse's API over parseJson.
import type { ParseJsonOptions } from '../json';

type Reviver = (this: any, key: string, value: any) => any;
type Text = string | Uint8Array | ArrayBufferView | ArrayBuffer;
type ScanOptions = Pick<ParseJsonOptions, 'protoAction' | 'constructorAction' | 'safe'>;

declare function parse(text: Text, options?: ParseJsonOptions | null): any;
declare function parse(text: Text, reviver?: Reviver | null, options?: ParseJsonOptions | null): any;

declare namespace parse {
  /** `parse` in safe mode: `null` for a poisoned text, `undefined` when it cannot be parsed. */
  export function safeParse(text: Text, reviver?: Reviver | null): any;
  /** Applies the poisoning rules to an already parsed value (own keys; cycles walked once). */
  export function scan<T>(value: T, options?: ScanOptions): T | null;
  export { parse, parse as default };
}
export = parse;
