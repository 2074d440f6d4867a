// Types for `bulwark/tsscmp`: tsscmp's constant-time string comparison.
/** `true` when `a` and `b` are equal; time depends only on the lengths. */
declare function timeSafeCompare(a: unknown, b: unknown): boolean;
export = timeSafeCompare;
