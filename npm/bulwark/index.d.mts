// ESM types: the same API as index.d.ts, plus the default export.
import * as bulwark from './index.js';

export * from './index.js';
export default bulwark;
