// Types for `bulwark/path-is-inside`: path-is-inside with both paths resolved first.
/** `true` when `thePath` (resolved) is `potentialParent` (resolved) or inside it. */
declare function pathIsInside(thePath: string, potentialParent: string): boolean;
export = pathIsInside;
