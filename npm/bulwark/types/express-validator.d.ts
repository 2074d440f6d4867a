// Types for `bulwark/express-validator` (npm/bulwark/lib/express-validator): express-validator
// 7's public API over Bulwark's validators and sanitizers. Chains only have the validators
// Bulwark implements, so a validator it lacks (isTaxID, isCreditCard, ...) is a compile
// error here and an INVALID_OPTIONS error at runtime when the chain is built. Structural
// request types keep this file free of a dependency on @types/express.

import type {
  HashAlgorithm,
  IsLatLongOptions,
  IsMACAddressOptions,
  IsRgbColorOptions,
  IsTimeOptions,
  IsCurrencyOptions,
  IPVersion,
  IsBase32Options,
  IsHexColorOptions,
  IsAlphaOptions,
  IsBase64Options,
  IsBooleanOptions,
  IsByteLengthOptions,
  IsDecimalOptions,
  IsEmailOptions,
  IsFQDNOptions,
  IsFloatOptions,
  IsISO8601Options,
  IsIntOptions,
  IsJSONOptions,
  IsLengthOptions,
  IsNumericOptions,
  IsStrongPasswordOptions,
  IsURLOptions,
  UUIDVersion,
  IsMobilePhoneOptions,
  IdentityCardLocale,
  LicensePlateLocale,
  MobilePhoneLocale,
  PassportCountryCode,
  PostalCodeLocale,
  TaxIdLocale,
  VatCountryCode,
  IsCreditCardOptions,
  IsIMEIOptions,
  ISBNVersion,
  IsISBNOptions,
  IsISSNOptions,
  IsIBANOptions,
  IsDateOptions,
} from './validators';
import type { NormalizationForm, NormalizeEmailOptions } from './sanitizers';
import type { IsBeforeOptions } from './dates';

/** Where a field is read from. */
export type Location = 'body' | 'cookies' | 'headers' | 'params' | 'query';

/** Any request object: the chains read `req[location]`. */
export type Request = { [key: string]: any };

/** What a message may be: any value (an object for i18n), or a function of the value. */
export type FieldMessageFactory = (value: any, meta: Meta) => any;
export type ErrorMessage = any;

/** What custom validators, sanitizers and message functions receive. */
export interface Meta {
  req: Request;
  location: Location;
  /** The instance's path, e.g. `items[0].name`. */
  path: string;
  /** The keys the wildcards (`*`, `**`) matched. */
  pathValues: readonly (string | string[])[];
}

/** An error of one field: the value is included (unless the chain used hide()). */
export interface FieldValidationError {
  type: 'field';
  /** The value that failed (an array element for standard validators); absent after hide(). */
  value?: any;
  msg: any;
  path: string;
  location: Location;
}

/** checkExact(): the fields no chain knows. */
export interface UnknownFieldsError {
  type: 'unknown_fields';
  msg: any;
  fields: { path: string; value: any; location: Location }[];
}

/** oneOf() with errorType 'flat' or 'least_errored'. */
export interface AlternativeValidationError {
  type: 'alternative';
  msg: any;
  nestedErrors: FieldValidationError[];
}

/** oneOf() with errorType 'grouped' (the default). */
export interface GroupedAlternativeValidationError {
  type: 'alternative_grouped';
  msg: any;
  nestedErrors: FieldValidationError[][];
}

export type ValidationError =
  FieldValidationError | UnknownFieldsError | AlternativeValidationError | GroupedAlternativeValidationError;

export type ErrorFormatter<T = any> = (error: ValidationError) => T;

export interface Result<T = ValidationError> {
  isEmpty(): boolean;
  array(options?: { onlyFirstError?: boolean }): T[];
  /** The first error per field path (`_<type>` for the other error types). */
  mapped(): Record<string, T>;
  formatWith<T2>(formatter: ErrorFormatter<T2>): Result<T2>;
  /** Throws an Error carrying this result's methods when there are errors. */
  throw(): void;
}

export interface ResultFactory<T> {
  (req: Request): Result<T>;
}

export declare const validationResult: ResultFactory<ValidationError> & {
  withDefaults<T = any>(options?: { formatter?: ErrorFormatter<T> }): ResultFactory<T>;
};

export interface MatchedDataOptions {
  /** Include fields that optional() skipped (undefined values). Default false. */
  includeOptionals?: boolean;
  /** Only fields without errors. Default true. */
  onlyValidData?: boolean;
  /** Only these locations. Default: all. */
  locations?: Location[];
}

export declare function matchedData<T extends object = Record<string, any>>(
  req: Request,
  options?: MatchedDataOptions,
): T;

export type CustomValidator = (value: any, meta: Meta) => any;
export type CustomSanitizer = (value: any, meta: Meta) => any;

export interface OptionalOptions {
  values?: 'undefined' | 'null' | 'falsy';
  /** Same as `values: 'null'`. */
  nullable?: boolean;
  /** Same as `values: 'falsy'`. */
  checkFalsy?: boolean;
}

export interface ExistsOptions {
  values?: 'undefined' | 'null' | 'falsy';
  checkNull?: boolean;
  checkFalsy?: boolean;
}

export interface ContainsOptions {
  ignoreCase?: boolean;
  minOccurrences?: number;
}

export interface RunOptions {
  /** Neither write sanitized values to the request nor record errors on it. */
  dryRun?: boolean;
}

/** Something with run(): a chain, oneOf(), checkExact(), checkSchema(). */
export interface ContextRunner {
  run(req: Request, options?: RunOptions): Promise<Result | Result[]>;
}

export interface Middleware {
  (req: Request, res: unknown, next: (err?: unknown) => void): void;
}

/** A validation chain: an Express middleware with express-validator's methods. */
export interface ValidationChain extends Middleware {
  run(req: Request, options?: RunOptions): Promise<Result>;

  // Validation manipulation
  not(): this;
  withMessage(message: FieldMessageFactory | ErrorMessage): this;
  bail(options?: { level?: 'chain' | 'request' }): this;
  if(condition: CustomValidator | ContextRunner): this;
  optional(options?: boolean | OptionalOptions): this;
  /** Errors leave out the value, or show `hiddenValue` instead. */
  hide(hiddenValue?: string): this;

  // Validators with express-validator's own meaning
  custom(validator: CustomValidator): this;
  exists(options?: ExistsOptions): this;
  isArray(options?: { min?: number; max?: number }): this;
  isObject(options?: { strict?: boolean }): this;
  isString(): this;
  notEmpty(options?: { ignore_whitespace?: boolean }): this;
  isEmpty(options?: { ignore_whitespace?: boolean }): this;
  equals(comparison: string): this;
  contains(elem: any, options?: ContainsOptions): this;
  isBoolean(options?: IsBooleanOptions & { strict?: boolean }): this;

  // Bulwark's standard validators (validator.js names and options)
  isEmail(options?: IsEmailOptions): this;
  isURL(options?: IsURLOptions): this;
  isFQDN(options?: IsFQDNOptions): this;
  isIP(version?: IPVersion): this;
  isIPRange(version?: IPVersion): this;
  isUUID(version?: UUIDVersion | null): this;
  isInt(options?: IsIntOptions): this;
  isFloat(options?: IsFloatOptions): this;
  isNumeric(options?: IsNumericOptions): this;
  isDecimal(options?: IsDecimalOptions): this;
  isAlpha(locale?: string, options?: Omit<IsAlphaOptions, 'ignore'> & { ignore?: string | string[] | RegExp }): this;
  isAlphanumeric(locale?: string, options?: IsAlphaOptions): this;
  isHexadecimal(): this;
  isBase64(options?: IsBase64Options): this;
  isJWT(): this;
  isISO8601(options?: IsISO8601Options): this;
  isPort(): this;
  isSlug(): this;
  isMongoId(): this;
  isLength(options?: IsLengthOptions): this;
  isByteLength(options?: IsByteLengthOptions): this;
  /** A boolean check: `returnScore` is refused (INVALID_OPTIONS). */
  isStrongPassword(options?: Omit<IsStrongPasswordOptions, 'returnScore'>): this;
  isJSON(options?: IsJSONOptions): this;
  isMimeType(): this;
  isSemVer(): this;
  isIn(values: readonly unknown[]): this;
  matches(pattern: RegExp | string, modifiers?: string): this;
  isISO6391(): this;
  isISO31661Numeric(): this;
  isISO31661Alpha2(): this;
  isISO31661Alpha3(): this;
  isISO4217(): this;
  isISO15924(): this;
  isLicensePlate(locale: LicensePlateLocale | 'any'): this;
  isMobilePhone(locale: MobilePhoneLocale | 'any' | readonly MobilePhoneLocale[], options?: IsMobilePhoneOptions): this;
  isPassportNumber(countryCode: PassportCountryCode): this;
  isPostalCode(locale: PostalCodeLocale | 'any'): this;
  isVAT(countryCode: VatCountryCode): this;
  isTaxID(locale?: TaxIdLocale): this;
  isAscii(): this;
  isLowercase(): this;
  isUppercase(): this;
  isFullWidth(): this;
  isHalfWidth(): this;
  isVariableWidth(): this;
  isMultibyte(): this;
  isSurrogatePair(): this;
  isWhitelisted(chars: string | readonly string[]): this;
  isOctal(): this;
  isMD5(): this;
  isHash(algorithm: HashAlgorithm): this;
  isBase32(options?: IsBase32Options): this;
  isBase58(): this;
  isULID(): this;
  isDivisibleBy(number: number): this;
  isHexColor(options?: IsHexColorOptions): this;
  isRgbColor(includePercentValues?: boolean): this;
  isHSL(): this;
  isLatLong(options?: IsLatLongOptions): this;
  isMACAddress(options?: IsMACAddressOptions): this;
  isDataURI(): this;
  isMagnetURI(): this;
  isMailtoURI(options?: IsEmailOptions): this;
  isRFC3339(): this;
  isTime(options?: IsTimeOptions): this;
  isLocale(): this;
  isLuhnNumber(): this;
  isCreditCard(options?: IsCreditCardOptions): this;
  isIMEI(options?: IsIMEIOptions): this;
  isEAN(): this;
  isISBN(versionOrOptions?: ISBNVersion | IsISBNOptions): this;
  isISSN(options?: IsISSNOptions): this;
  isISIN(): this;
  isIBAN(options?: IsIBANOptions): this;
  isAbaRouting(): this;
  isISRC(): this;
  isISO6346(): this;
  isFreightContainerID(): this;
  isBtcAddress(): this;
  isEthereumAddress(): this;
  isBIC(): this;
  isDate(options?: IsDateOptions | string): this;
  /** Bulwark's isBefore (JS-only, the platform's Date.parse); the legacy date string or `{ comparisonDate }`. */
  isBefore(date?: string | IsBeforeOptions): this;
  isAfter(dateOrOptions?: string | IsBeforeOptions): this;
  isIdentityCard(locale?: IdentityCardLocale | 'any'): this;
  isCurrency(options?: IsCurrencyOptions): this;

  // Sanitizers
  customSanitizer(sanitizer: CustomSanitizer): this;
  default(defaultValue: any): this;
  replace(valuesToReplace: any, newValue: any): this;
  toArray(): this;
  toLowerCase(): this;
  toUpperCase(): this;
  trim(chars?: string): this;
  ltrim(chars?: string): this;
  rtrim(chars?: string): this;
  stripLow(keepNewLines?: boolean): this;
  blacklist(chars: string): this;
  whitelist(chars: string): this;
  escape(): this;
  unescape(): this;
  normalizeEmail(options?: NormalizeEmailOptions): this;
  toInt(radix?: number): this;
  toFloat(): this;
  toBoolean(strict?: boolean): this;
  toDate(): this;
  /** Bulwark's addition (not in express-validator): Unicode normalization, NFC by default. */
  normalizeUnicode(form?: NormalizationForm): this;
}

export type ValidationChainBuilder = (
  fields?: string | string[],
  message?: FieldMessageFactory | ErrorMessage,
) => ValidationChain;

export declare const check: ValidationChainBuilder;
export declare const body: ValidationChainBuilder;
export declare const cookie: ValidationChainBuilder;
export declare const header: ValidationChainBuilder;
export declare const param: ValidationChainBuilder;
export declare const query: ValidationChainBuilder;
export declare function buildCheckFunction(locations: Location[]): ValidationChainBuilder;

/** The config of one validator in a schema: `true`, or its options and modifiers. */
export interface ValidatorSchemaOptions {
  options?: any;
  errorMessage?: FieldMessageFactory | ErrorMessage;
  negated?: boolean;
  bail?: boolean | { level?: 'chain' | 'request' };
  if?: CustomValidator | ContextRunner;
}

type ChainMethodNames = {
  [K in keyof ValidationChain]: ValidationChain[K] extends (...args: any[]) => ValidationChain ? K : never;
}[keyof ValidationChain];

type SchemaMethodNames = Exclude<ChainMethodNames, 'not' | 'withMessage' | 'bail' | 'if' | 'optional' | 'hide' | 'run'>;

/**
 * A field's schema: validators and sanitizers by name (unknown names are an error when the
 * schema is built), `in`, `errorMessage`, `optional`; any other key is a named custom
 * validator (`{ custom }`) or sanitizer (`{ customSanitizer }`).
 */
export type ParamSchema = {
  in?: Location | Location[];
  errorMessage?: FieldMessageFactory | ErrorMessage;
  optional?: true | { options?: OptionalOptions };
} & {
  [K in SchemaMethodNames]?: true | false | ValidatorSchemaOptions;
} & {
  [name: string]: unknown;
};

export type Schema = Record<string, ParamSchema>;

export type RunnableValidationChains = ValidationChain[] & {
  run(req: Request): Promise<Result[]>;
};

export declare function checkSchema(schema: Schema, defaultLocations?: Location[]): RunnableValidationChains;

export interface OneOfOptions {
  message?: any | ((nestedErrors: any, options: { req: Request }) => any);
  errorType?: 'grouped' | 'least_errored' | 'flat';
}

export declare function oneOf(
  chains: (ValidationChain | ValidationChain[])[],
  options?: OneOfOptions,
): Middleware & { run(req: Request, options?: RunOptions): Promise<Result> };

export interface CheckExactOptions {
  /** Default: body, params and query. */
  locations?: Location[];
  message?: any | ((fields: UnknownFieldsError['fields'], options: { req: Request }) => any);
}

export declare function checkExact(
  chains?: ValidationChain | RunnableValidationChains | (ValidationChain | ValidationChain[])[],
  options?: CheckExactOptions,
): Middleware & { run(req: Request): Promise<Result> };

/** An ExpressValidator's chain: the chain methods plus the custom ones. */
export type CustomValidationChain<V, S> = ValidationChain & {
  [K in keyof V | keyof S]: () => CustomValidationChain<V, S>;
};

export declare class ExpressValidator<
  V extends Record<string, CustomValidator> = {},
  S extends Record<string, CustomSanitizer> = {},
  E = ValidationError,
> {
  constructor(validators?: V, sanitizers?: S, options?: { errorFormatter?: ErrorFormatter<E> });
  check: (fields?: string | string[], message?: any) => CustomValidationChain<V, S>;
  body: (fields?: string | string[], message?: any) => CustomValidationChain<V, S>;
  cookie: (fields?: string | string[], message?: any) => CustomValidationChain<V, S>;
  header: (fields?: string | string[], message?: any) => CustomValidationChain<V, S>;
  param: (fields?: string | string[], message?: any) => CustomValidationChain<V, S>;
  query: (fields?: string | string[], message?: any) => CustomValidationChain<V, S>;
  buildCheckFunction(locations: Location[]): (fields?: string | string[], message?: any) => CustomValidationChain<V, S>;
  checkSchema(schema: Record<string, ParamSchema>, defaultLocations?: Location[]): RunnableValidationChains;
  checkExact: typeof checkExact;
  oneOf(chains: (ValidationChain | ValidationChain[])[], options?: OneOfOptions): ReturnType<typeof oneOf>;
  validationResult(req: Request): Result<E>;
  matchedData<T extends object = Record<string, any>>(req: Request, options?: MatchedDataOptions): T;
}
