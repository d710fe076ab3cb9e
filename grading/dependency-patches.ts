/**
 * Two source patches to dependencies, applied by both bundlers (the CLI's sandbox bundle
 * and the site's runner build) when they load these files. Each exists because of the
 * sealed realm; each fails the bundle loudly if the dependency changed under it.
 *
 * 1. Re-polyfills of built-ins (`Object.hasOwn = Object.hasOwn || ...`, in
 *    AssemblyScript's loader, which hdr-histogram-js bundles): after lockdown the built-in
 *    is frozen and assigning it throws, even the same value. Every engine we support has
 *    the built-in, so the assignment is dropped and the `||` expression kept.
 * 2. @vitest/expect treats any object with an `asymmetricMatch` method as a matcher, on
 *    either side of `toEqual`: a student's function could return
 *    `{ asymmetricMatch: () => true }` and equal anything. Only the library's own matchers
 *    (instances of its AsymmetricMatcher class: `expect.any`, `expect.objectContaining`,
 *    custom ones from `expect.extend`) are honoured; a student's realm cannot reach that class.
 */

const REASSIGNMENT = /\b((?:Object|Array|String|Number|Promise|Symbol|Math|Reflect)(?:\.prototype)?\.[A-Za-z]+)\s*=\s*\1\s*\|\|/g;

const ASYMMETRIC_CHECK = 'return !!obj && typeof obj === "object" && "asymmetricMatch" in obj && isA("Function", obj.asymmetricMatch);';
const GENUINE_ASYMMETRIC_CHECK = 'return obj instanceof AsymmetricMatcher;';

/** The dependency files patched (a path pattern for the bundlers' onLoad filter). */
export const PATCHED_FILES = /[\\/]node_modules[\\/](?:@assemblyscript[\\/]loader[\\/].*\.(?:c|m)?js|hdr-histogram-js[\\/].*\.(?:c|m)?js|@vitest[\\/]expect[\\/]dist[\\/]index\.js)$/;

/** `source` without assignments that re-polyfill an existing built-in. */
export function withoutBuiltInReassignments(source: string): string {
  return source.replace(REASSIGNMENT, '$1 ||');
}

/** The patched text of a file matched by {@link PATCHED_FILES}. Throws if an expected patch site is gone. */
export function patchDependency(file: string, source: string): string {
  if (/@vitest[\\/]expect[\\/]/.test(file)) {
    if (!source.includes(ASYMMETRIC_CHECK)) throw new Error(`${file}: isAsymmetric() changed; review grading/dependency-patches.ts before upgrading @vitest/expect`);
    return source.replace(ASYMMETRIC_CHECK, GENUINE_ASYMMETRIC_CHECK);
  }
  return withoutBuiltInReassignments(source);
}
