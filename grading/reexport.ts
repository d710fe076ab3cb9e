/**
 * The trusted module the tests import as `./exercise`: it re-exports, by name, what the
 * sealed student module exported. One generator for the CLI's bundle and the page's
 * worker. Browser-safe and free of SES, so the grader process can import it.
 */

/** A JavaScript identifier: a name that can be re-exported with `export const { ... }`. */
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * The lines of a trusted module that re-exports, by name, the exports of a sealed student
 * module held in `namespace` (an expression): what the tests import as `./exercise`.
 */
export function reexportLines(names: readonly string[], namespace: string): string[] {
  const named = names.filter((n) => n !== 'default' && n !== '__esModule' && IDENTIFIER.test(n));
  return [...(named.length ? [`export const { ${named.join(', ')} } = ${namespace};`] : []), ...(names.includes('default') ? [`export default ${namespace}.default;`] : [])];
}
