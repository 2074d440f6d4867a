// Types for `bulwark/hpp`: hpp's HTTP parameter pollution middleware.
interface RequestLike {
  [key: string]: any;
}

declare function hpp(options?: {
  /** Default true. */
  checkQuery?: boolean;
  /** Default true. */
  checkBody?: boolean;
  /** Content types whose bodies are checked (`req.is`). Default `'urlencoded'`. */
  checkBodyOnlyForContentType?: string | string[];
  /** Names that may repeat (their arrays are kept). */
  whitelist?: string | string[] | null;
}): (req: RequestLike, res: unknown, next: (err?: unknown) => void) => void;

declare namespace hpp {
  export { hpp as default };
}
export = hpp;
