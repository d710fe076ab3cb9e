/** Element ids unique within a build (so within every page): `term-cache-line-3`. */
let next = 0;
export function uniqueId(prefix: string): string {
  next += 1;
  return `${prefix}-${next}`;
}
