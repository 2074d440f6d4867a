// Types for `bulwark/express` (npm/bulwark/lib/express): Express 4 and 5 middleware.
// Structural request/response types keep this file free of a dependency on @types/express;
// `req.valid` is added to Express's global `Express.Request` (which @types/express extends).

import type { BulwarkError, BulwarkErrorCode } from './errors';
import type { ValidatorName } from './validators';

/** The kinds of finding an event reports. */
export type ViolationType =
  'prototype' | 'operator' | 'depth' | 'keys' | 'limit' | 'parameterPollution' | 'malformed' | 'validation' | 'json';

/** Where in the request a finding is. */
export type RequestLocation = 'body' | 'query' | 'params' | 'headers' | 'cookies';

/**
 * What a middleware reports through `onViolation`: at most one event per request, location
 * and type. Never carries request values or the query string.
 */
export interface ViolationEvent {
  type: ViolationType;
  location: RequestLocation;
  /** How many findings of this type the request had at this location. */
  count: number;
  /** The first (at most 5) offending key paths, e.g. 'user.$where', each cut at 200 characters. */
  paths: string[];
  /** `paths[0]`, or '' when the finding has no path (a size limit). */
  path: string;
  /** A short machine-readable reason (an error code, or the first failing rule for 'validation'). */
  detail: string;
  ip?: string;
  method?: string;
  /** The request path without the query string. */
  url?: string;
}

export type OnViolation = (event: ViolationEvent) => void;

/** Minimal request/response shapes (compatible with Express 4 and 5). */
export interface Request {
  [key: string]: any;
}
export interface Response {
  [key: string]: any;
}
export type NextFunction = (err?: unknown) => void;
export type Middleware = (req: Request, res: Response, next: NextFunction) => void;
export type ErrorMiddleware = (err: unknown, req: Request, res: Response, next: NextFunction) => void;

/** A request body size: bytes, or a string such as '100kb' or '1mb'. */
export type Size = number | string;

/** What to do with a poisoning shape: refuse the request, remove the key, or keep it. */
export type PoisonAction = 'error' | 'remove' | 'ignore';

export interface JsonOptions {
  /** Largest body, after decompression. Default '100kb'. Exceeded: 413 BODY_TOO_LARGE. */
  limit?: Size;
  /** Media types parsed. Default 'application/json' (and `application/*+json`). */
  type?: string | string[];
  /** A `__proto__` key: 'error' (default, 400 PROTOTYPE_POLLUTION), 'remove' or 'ignore'. */
  protoAction?: PoisonAction;
  /** A `constructor` key whose value has an own `prototype` key: as `protoAction`. */
  constructorAction?: PoisonAction;
  /** Deepest nesting, 1 to 256. Default 32; exceeded: 400 INPUT_TOO_DEEP. */
  maxDepth?: number;
  /** Most keys in the whole body. Default 1000; exceeded: 413 TOO_MANY_KEYS. */
  maxKeys?: number;
  /** Keys starting with `$` or containing `.`: 'reject' (default, 400 OPERATOR_KEY), 'strip' or 'allow'. */
  operators?: 'reject' | 'strip' | 'allow';
  onViolation?: OnViolation;
}

/**
 * A JSON body parser to use instead of express.json(). After another parser (express.json(),
 * body-parser, express.raw()) it checks that parser's result instead of reading the stream;
 * a consumed stream with nothing parsed is 500 BODY_ALREADY_READ.
 */
export declare function json(options?: JsonOptions): Middleware;

export interface UrlencodedOptions {
  limit?: Size;
  type?: string | string[];
  /** Deepest `a[b][c]` nesting, 0 to 32. Default 5; deeper parameters are dropped and reported. */
  maxDepth?: number;
  /** Most parameters. Default 1000; exceeded: 413 TOO_MANY_PARAMETERS. */
  parameterLimit?: number;
  /** Fields whose repeats become arrays; other repeats keep their last value. */
  allowArrays?: string[];
  operators?: 'reject' | 'strip' | 'allow';
  onViolation?: OnViolation;
}

/** A form body parser with depth, parameter-count and key limits; coexists as json() does. */
export declare function urlencoded(options?: UrlencodedOptions): Middleware;

export interface QueryParserOptions {
  maxDepth?: number;
  /** Most parameters; the rest are ignored and reported (a 'limit' event). Default 1000. */
  parameterLimit?: number;
  /** Fields whose repeats become arrays (hpp's whitelist). */
  allowArrays?: string[];
  /** Operator keys: 'strip' (default) or 'allow'. Use guard() to reject them. */
  operators?: 'strip' | 'allow';
}

/** For `app.set('query parser', queryParser())`: a clean req.query on Express 5 and 4. */
export declare function queryParser(options?: QueryParserOptions): (query: string) => Record<string, unknown>;

export interface GuardOptions {
  body?: boolean;
  query?: boolean;
  params?: boolean;
  operators?: 'reject' | 'allow';
  /** 'reject' (default) or 'clean': remove offending keys from req.body (and req.query on Express 4). */
  mode?: 'reject' | 'clean';
  maxDepth?: number;
  maxKeys?: number;
  onViolation?: OnViolation;
}

/** Checks req.body, req.query and req.params against the request-shape policy. */
export declare function guard(options?: GuardOptions): Middleware;

/** Where a rule runs and what it sees, for `custom` and message functions. */
export interface FieldMeta {
  req: Request;
  location: RequestLocation;
  /** The concrete path, e.g. 'items[1].name'. */
  path: string;
}

/** An error message: text, or a function of the value (for i18n). */
export type ErrorMessage = string | ((value: unknown, meta: FieldMeta) => unknown);

/** A rule's value in express-validator's schema form. */
export interface RuleWithMessage<Options = unknown> {
  options?: Options;
  errorMessage?: ErrorMessage;
}

/**
 * A validator's or sanitizer's value: `true` (no options), its options object, positional
 * arguments as an array (`isIn: [['a', 'b']]`), a single argument (`isUUID: 4`), or
 * `{ options, errorMessage }`.
 */
export type RuleValue = true | string | number | readonly unknown[] | Record<string, unknown> | RuleWithMessage;

/** The sanitizers `validate()` knows (they change the value stored in `req.valid`). */
export type SanitizerName =
  | 'trim'
  | 'ltrim'
  | 'rtrim'
  | 'stripLow'
  | 'blacklist'
  | 'whitelist'
  | 'normalizeEmail'
  | 'toInt'
  | 'toFloat'
  | 'toBoolean'
  | 'toArray'
  | 'normalizeUnicode'
  | 'escape'
  | 'unescape'
  | 'stripTags';

/** Which missing values an optional field skips (express-validator's `optional()` options). */
export interface OptionalOptions {
  /** Also skip null. */
  nullable?: boolean;
  /** Skip every falsy value ('', 0, false, null). */
  checkFalsy?: boolean;
  values?: 'undefined' | 'null' | 'falsy';
}

/** Rules run in JS (not in the core). */
export interface LocalRules {
  exists?:
    true | { checkNull?: boolean; checkFalsy?: boolean; values?: 'undefined' | 'null' | 'falsy' } | RuleWithMessage;
  notEmpty?: true | RuleWithMessage<true>;
  equals?: string | [string] | RuleWithMessage<string>;
  isString?: true | RuleWithMessage<true>;
  /** Makes an array an acceptable value; `min`/`max` bound its length. */
  isArray?: true | { min?: number; max?: number } | RuleWithMessage<{ min?: number; max?: number }>;
  /** Makes an object an acceptable value. `strict` (default true) refuses arrays. */
  isObject?: true | { strict?: boolean } | RuleWithMessage<{ strict?: boolean }>;
  /** validator.js's isDate: a format string or { format, delimiters, strictMode }. */
  isDate?:
    | true
    | string
    | { format?: string; delimiters?: string[]; strictMode?: boolean }
    | RuleWithMessage<string | { format?: string; delimiters?: string[]; strictMode?: boolean }>;
  /**
   * `(value, { req, location, path })`: sync, a truthy answer passes; async, resolving passes
   * and rejecting fails. A thrown Error's message becomes `msg` unless a message is set.
   */
  custom?:
    | ((value: any, meta: FieldMeta) => unknown)
    | { options: (value: any, meta: FieldMeta) => unknown; errorMessage?: ErrorMessage };
}

/**
 * Rules for one field, applied in order. Fields are required (undefined, null and '' fail)
 * unless `optional`: `true` skips undefined, null and ''; `{}` undefined only; `{ nullable }`
 * null too; `{ checkFalsy }` every falsy value. A misspelt rule name is a compile error.
 */
export type FieldRules = {
  optional?: boolean | OptionalOptions;
  /** The field's message for every rule without its own. Default 'Invalid value'. */
  errorMessage?: ErrorMessage;
} & LocalRules & { [Name in ValidatorName]?: RuleValue } & { [Name in SanitizerName]?: RuleValue };

/**
 * Fields by path: 'email', 'user.email', 'items.*.name', 'items[0].name', 'tags.*'. A path
 * that cannot name request data ('a..b', '__proto__', unbalanced brackets) fails at startup.
 */
export type FieldSchema = Record<string, FieldRules>;

export interface ValidationSchema {
  body?: FieldSchema;
  query?: FieldSchema;
  params?: FieldSchema;
  /** Header names are matched in lower case. */
  headers?: FieldSchema;
  /** req.cookies (cookie-parser). */
  cookies?: FieldSchema;
}

/** One failed field, in express-validator's shape: the value itself is never included. */
export interface ValidationFailure {
  type: 'field';
  location: RequestLocation;
  /** The concrete path, e.g. 'items[1].name'. */
  path: string;
  /** The rule's or field's errorMessage, a custom validator's thrown message, or 'Invalid value'. */
  msg: unknown;
}

/** What validate() stores: the sanitized values of the declared fields, by location. */
export interface ValidData {
  body?: Record<string, any>;
  query?: Record<string, any>;
  params?: Record<string, any>;
  headers?: Record<string, any>;
  cookies?: Record<string, any>;
}

/**
 * Validates declared fields, compiled once. Failure: next() with a 400 VALIDATION_FAILED
 * BulwarkError whose `errors` lists the failures. Success: `req.valid` holds the cleaned
 * values of the declared fields (JSON types kept); several validate() calls merge.
 */
export declare function validate(schema: ValidationSchema, options?: { onViolation?: OnViolation }): Middleware;

/** What errorHandler passes to `log` besides the error and the request. */
export interface ErrorLogInfo {
  /** The request id the reply carries (an incoming safe X-Request-Id, or a new UUID). */
  requestId: string;
  status: number;
  code: string;
}

export interface ErrorHandlerOptions {
  /** Show messages of 4xx errors that have no `expose` flag. Default: NODE_ENV is not 'production'. */
  expose?: boolean;
  /** Called with every error. Default: console.error for 5xx answers only. */
  log?: (err: unknown, req: Request, info: ErrorLogInfo) => void;
}

/**
 * Answers `{ error: { code, message, errors?, requestId? } }` with the error's status (or its
 * code's, see docs/express.md); 5xx details never leak and 5xx answers carry `requestId`.
 */
export declare function errorHandler(options?: ErrorHandlerOptions): ErrorMiddleware;

/** The codes this middleware passes to next(). */
export type MiddlewareErrorCode = Extract<
  BulwarkErrorCode,
  | 'BODY_TOO_LARGE'
  | 'BODY_INVALID'
  | 'BODY_ALREADY_READ'
  | 'UNSUPPORTED_CHARSET'
  | 'UNSUPPORTED_ENCODING'
  | 'INVALID_JSON'
  | 'PROTOTYPE_POLLUTION'
  | 'OPERATOR_KEY'
  | 'INPUT_TOO_DEEP'
  | 'INPUT_TOO_LARGE'
  | 'TOO_MANY_KEYS'
  | 'TOO_MANY_PARAMETERS'
  | 'REQUEST_REJECTED'
  | 'VALIDATION_FAILED'
>;

/** The errors this middleware passes to next(): a BulwarkError with an HTTP status. */
export type HttpBulwarkError = BulwarkError & {
  status: number;
  statusCode: number;
  expose: boolean;
  errors?: ValidationFailure[];
};

declare global {
  namespace Express {
    interface Request {
      /** Set by bulwark/express's validate(): the sanitized values of the declared fields. */
      valid?: ValidData;
    }
  }
}
