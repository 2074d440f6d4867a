// Types for `bulwark/express` (npm/bulwark/lib/express): Express 4 and 5 middleware.
// Structural request/response types keep this file free of a dependency on @types/express.

import type { BulwarkError } from './errors';

/** What a middleware reports through `onViolation`; never carries request values. */
export interface ViolationEvent {
  /** 'prototype', 'operator', 'depth', 'keys', 'limit', 'parameterPollution', 'validation', 'json', 'malformed'. */
  type: string;
  /** 'body', 'query' or 'params'. */
  location: string;
  /** The offending key path (e.g. 'user.$where') or field name. */
  path: string;
  /** A short machine-readable reason (an error code or rule name). */
  detail: string;
  ip?: string;
  method?: string;
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

export interface JsonOptions {
  /** Largest body, after decompression. Default '100kb'. Exceeded: 413 BODY_TOO_LARGE. */
  limit?: Size;
  /** Media types parsed. Default 'application/json' (and `application/*+json`). */
  type?: string | string[];
  /** As parseJson: 'error' (default, 400 PROTOTYPE_POLLUTION), 'remove' or 'ignore'. */
  protoAction?: 'error' | 'remove' | 'ignore';
  constructorAction?: 'error' | 'remove' | 'ignore';
  /** Deepest nesting, 1 to 256. Default 32. */
  maxDepth?: number;
  /** Most keys in the whole body. Default 1000; exceeded: 413 TOO_MANY_KEYS. */
  maxKeys?: number;
  /** Keys starting with `$` or containing `.`: 'reject' (default, 400 OPERATOR_KEY), 'strip' or 'allow'. */
  operators?: 'reject' | 'strip' | 'allow';
  onViolation?: OnViolation;
}

/** A JSON body parser to use instead of express.json(). */
export declare function json(options?: JsonOptions): Middleware;

export interface UrlencodedOptions {
  limit?: Size;
  type?: string | string[];
  /** Deepest `a[b][c]` nesting. Default 5; deeper parameters are dropped and reported. */
  maxDepth?: number;
  /** Most parameters. Default 1000; exceeded: 413 TOO_MANY_PARAMETERS. */
  parameterLimit?: number;
  /** Fields whose repeats become arrays; other repeats keep their last value. */
  allowArrays?: string[];
  operators?: 'reject' | 'strip' | 'allow';
  onViolation?: OnViolation;
}

/** A form body parser with depth, parameter-count and key limits. */
export declare function urlencoded(options?: UrlencodedOptions): Middleware;

export interface QueryParserOptions {
  maxDepth?: number;
  /** Most parameters; the rest are ignored and reported. Default 1000. */
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

/**
 * Rules for one field, applied in order: validators (`isEmail`, `isInt`, `matches`, ...)
 * with their validator.js options, sanitizers (`trim`, `escape`, `normalizeEmail`, ...).
 * An array value passes positional arguments (`isIn: [['a', 'b']]`). Fields are required
 * unless `optional: true`.
 */
export type FieldRules = { optional?: boolean } & Record<string, unknown>;

export interface ValidationSchema {
  body?: Record<string, FieldRules>;
  query?: Record<string, FieldRules>;
  params?: Record<string, FieldRules>;
}

/** One failed field: the value itself is never included. */
export interface ValidationFailure {
  location: 'body' | 'query' | 'params';
  field: string;
  /** The failing rule, or 'required' / 'type'. */
  rule: string;
}

/**
 * Validates declared fields, compiled once. Failure: next() with a 400 VALIDATION_FAILED
 * BulwarkError whose `errors` lists the failures. Success: `req.valid` holds the cleaned
 * values of the declared fields.
 */
export declare function validate(schema: ValidationSchema, options?: { onViolation?: OnViolation }): Middleware;

export interface ErrorHandlerOptions {
  /** Show messages of non-Bulwark 4xx errors. Default: NODE_ENV is not 'production'. */
  expose?: boolean;
  /** Called with every error (for logging). */
  log?: (err: unknown, req: Request) => void;
}

/** Answers `{ error: { code, message, errors? } }` with the error's status; 5xx details never leak. */
export declare function errorHandler(options?: ErrorHandlerOptions): ErrorMiddleware;

/** The errors this middleware passes to next(): a BulwarkError with an HTTP status. */
export type HttpBulwarkError = BulwarkError & { status: number; errors?: ValidationFailure[] };
