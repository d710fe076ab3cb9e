import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clamp, max, min } from './exercise.ts';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** Values where int32 arithmetic goes wrong if it is going to. */
const EDGES = [INT32_MIN, INT32_MIN + 1, -(2 ** 30), -2, -1, 0, 1, 2, 2 ** 30, INT32_MAX - 1, INT32_MAX];

// ---------------------------------------------------------------------------------
// The "no branch" rule, checked on the source of each function.
// ---------------------------------------------------------------------------------

/** The source with comments and the contents of string literals removed. */
function code(fn: (...args: number[]) => number): string {
  return fn
    .toString()
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/[^\n]*/g, ' ')
    .replace(/(['"`])(?:\\.|(?!\1)[^\\])*\1/g, '""');
}

/** The body only: what follows the parameter list (`{ ... }` or an arrow's expression). */
function body(fn: (...args: number[]) => number): string {
  const src = code(fn);
  const arrow = src.indexOf('=>');
  const brace = src.indexOf('{');
  if (arrow >= 0 && (brace < 0 || arrow < brace)) return src.slice(arrow + 2);
  return src.slice(brace);
}

const FORBIDDEN: [RegExp, string][] = [
  [/\bif\b/, 'an if statement'],
  [/\belse\b/, 'an else'],
  [/\bswitch\b/, 'a switch'],
  [/\b(for|while|do)\b/, 'a loop'],
  [/\?/, 'a conditional (?:, ?? or ?.)'],
  [/&&/, 'a short-circuit &&'],
  [/\|\|/, 'a short-circuit ||'],
  [/\bMath\s*\.\s*(min|max)\b/, 'Math.min or Math.max'],
];

/** What in `fn`'s body breaks the rule, or undefined. */
function branchIn(fn: (...args: number[]) => number): string | undefined {
  const b = body(fn);
  for (const [pattern, what] of FORBIDDEN) if (pattern.test(b)) return `${fn.name} contains ${what}: ${b.trim().slice(0, 160)}`;
  const allowed = new Set([min.name, max.name, clamp.name]);
  // Keywords followed by "(" are not calls: `return (a ^ b)` keeps its parentheses under
  // some transpilers (the page's) and loses them under others (the CLI's).
  const keywords = new Set(['return', 'typeof', 'void', 'new', 'in', 'of', 'instanceof', 'function', 'await', 'yield', 'throw', 'delete', 'case']);
  for (const call of b.matchAll(/([A-Za-z_$][\w$]*)\s*\(/g)) {
    const name = call[1]!;
    if (keywords.has(name)) continue;
    const before = b.slice(0, call.index).trimEnd();
    if (before.endsWith('.') && /\bMath\s*\.$/.test(before)) continue; // Math.imul, Math.sign, ...
    if (allowed.has(name)) continue;
    return `${fn.name} calls ${name}(), whose body the check cannot see: write it inline`;
  }
  return undefined;
}

describe('no branches', () => {
  it('min has no if, ?:, &&, ||, loop or Math.min/max, and calls nothing hidden', () => {
    expect(branchIn(min), 'what breaks the rule in min').toBeUndefined();
  });
  it('max has no if, ?:, &&, ||, loop or Math.min/max, and calls nothing hidden', () => {
    expect(branchIn(max), 'what breaks the rule in max').toBeUndefined();
  });
  it('clamp has no if, ?:, &&, ||, loop or Math.min/max, and calls nothing hidden', () => {
    expect(branchIn(clamp), 'what breaks the rule in clamp').toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------
// The values.
// ---------------------------------------------------------------------------------

const expectedMin = (a: number, b: number) => (a < b ? a : b);
const expectedMax = (a: number, b: number) => (a > b ? a : b);
const expectedClamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);

describe('every pair of edge values', () => {
  it('min is right for every pair of -2^31, -2^31 + 1, -2^30, -2, -1, 0, 1, 2, 2^30, 2^31 - 2, 2^31 - 1', () => {
    for (const a of EDGES) for (const b of EDGES) expect(min(a, b), `min(${a}, ${b})`).toBe(expectedMin(a, b));
  });

  it('max is right for every pair of edge values', () => {
    for (const a of EDGES) for (const b of EDGES) expect(max(a, b), `max(${a}, ${b})`).toBe(expectedMax(a, b));
  });

  it('equal inputs give that input back, including -2^31 and 2^31 - 1', () => {
    for (const a of EDGES) {
      expect(min(a, a), `min(${a}, ${a})`).toBe(a);
      expect(max(a, a), `max(${a}, ${a})`).toBe(a);
    }
  });

  it('the pairs that overflow a 32-bit a - b: min(-2^31, 1) is -2^31 and max(2^31 - 1, -1) is 2^31 - 1', () => {
    expect(min(INT32_MIN, 1), 'min(-2^31, 1): the 32-bit difference -2^31 - 1 wraps to 2^31 - 1').toBe(INT32_MIN);
    expect(min(INT32_MAX, -1), 'min(2^31 - 1, -1): the 32-bit difference 2^31 wraps to -2^31').toBe(-1);
    expect(max(INT32_MAX, -1), 'max(2^31 - 1, -1)').toBe(INT32_MAX);
    expect(max(INT32_MIN, 0), 'max(-2^31, 0)').toBe(0);
  });

  it('clamp is right for every triple of edge values with lo <= hi', () => {
    for (const x of EDGES) {
      for (const lo of EDGES) {
        for (const hi of EDGES) {
          if (lo <= hi) expect(clamp(x, lo, hi), `clamp(${x}, ${lo}, ${hi})`).toBe(expectedClamp(x, lo, hi));
        }
      }
    }
  });
});

describe('random int32 values (seeded)', () => {
  const int32 = fc.integer({ min: INT32_MIN, max: INT32_MAX });
  // Half the draws near the edges, where overflow happens.
  const edgy = fc.oneof(int32, fc.integer({ min: INT32_MIN, max: INT32_MIN + 1000 }), fc.integer({ min: INT32_MAX - 1000, max: INT32_MAX }));

  it('min and max agree with a comparison on 5,000 pairs', () => {
    fc.assert(
      fc.property(edgy, edgy, (a, b) => {
        expect(min(a, b), `min(${a}, ${b})`).toBe(expectedMin(a, b));
        expect(max(a, b), `max(${a}, ${b})`).toBe(expectedMax(a, b));
      }),
      { seed: 31_2026, numRuns: 5000 },
    );
  });

  it('clamp agrees with a comparison on 5,000 triples', () => {
    fc.assert(
      fc.property(edgy, edgy, edgy, (x, p, q) => {
        const lo = p < q ? p : q;
        const hi = p < q ? q : p;
        expect(clamp(x, lo, hi), `clamp(${x}, ${lo}, ${hi})`).toBe(expectedClamp(x, lo, hi));
      }),
      { seed: 31_2027, numRuns: 5000 },
    );
  });
});
