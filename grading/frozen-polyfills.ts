/**
 * Dependencies of the harness and the engine that "polyfill" a built-in by assigning it
 * again (`Object.hasOwn = Object.hasOwn || ...`, in AssemblyScript's loader, which
 * hdr-histogram-js bundles). After lockdown the built-in is frozen and the assignment
 * throws, even of the same value; the built-in exists on every engine we support, so the
 * assignment is dropped and the `||` kept. Applied by both bundlers to dependency code.
 */

const REASSIGNMENT = /\b((?:Object|Array|String|Number|Promise|Symbol|Math|Reflect)(?:\.prototype)?\.[A-Za-z]+)\s*=\s*\1\s*\|\|/g;

/** `source` without assignments that re-polyfill an existing built-in. */
export function withoutBuiltInReassignments(source: string): string {
  return source.replace(REASSIGNMENT, '$1 ||');
}

/** Dependency files known to re-polyfill built-ins (a path pattern for the bundlers' onLoad filter). */
export const REPOLYFILLING_FILES = /[\\/]node_modules[\\/](?:@assemblyscript[\\/]loader|hdr-histogram-js)[\\/].*\.(?:c|m)?js$/;

/** Whether a dependency file needs the rewrite (cheap pre-check before the regex pass). */
export function reassignsBuiltIns(source: string): boolean {
  REASSIGNMENT.lastIndex = 0;
  return REASSIGNMENT.test(source);
}
