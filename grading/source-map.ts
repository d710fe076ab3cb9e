/**
 * Places in the student's code, in TypeScript lines: a grading sandbox runs the
 * transpiled JavaScript, whose lines are not the TypeScript's (types and interfaces are
 * gone), so an error's "exercise.ts:12:5" is mapped back through the transpiler's source
 * map, on the trusted side, in the CLI and in the page alike. A small reader of source maps'
 * `mappings` (base64 VLQ), enough for one file mapped to one source.
 */

import type { Problem, TestResult } from './result-schema.ts';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Per generated line (0-based): segments [generated column, original line, original column], 0-based. */
export type LineMap = [number, number, number][][];

export function decodeMappings(mappings: string): LineMap {
  const lines: LineMap = [];
  let sourceLine = 0;
  let sourceColumn = 0;
  for (const line of mappings.split(';')) {
    const segments: [number, number, number][] = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = BASE64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
        } else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0] ?? 0;
      if (values.length >= 4) {
        sourceLine += values[2]!;
        sourceColumn += values[3]!;
        segments.push([column, sourceLine, sourceColumn]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

/** The original 1-based line and column of a generated 1-based line and column, if mapped. */
export function originalPosition(map: LineMap, line: number, column: number): { line: number; column: number } | undefined {
  const segments = map[line - 1];
  if (!segments?.length) return undefined;
  let best = segments[0]!;
  for (const s of segments) if (s[0] <= column - 1) best = s;
  return { line: best[1] + 1, column: best[0] <= column - 1 ? best[2] + (column - 1 - best[0]) + 1 : best[2] + 1 };
}

/** Rewrites each "exercise.ts:L:C" (or "solution.ts:L:C") in `text` to the TypeScript's line and column. */
export function mapLocations(text: string, map: LineMap): string {
  return text.replace(/\b(exercise|solution)\.ts:(\d+):(\d+)/g, (whole, file: string, l: string, c: string) => {
    const at = originalPosition(map, Number(l), Number(c));
    return at ? `${file}.ts:${at.line}:${at.column}` : whole;
  });
}

/** A run's tests and problems with every place in their messages mapped to the TypeScript's lines (unchanged without a map). */
export function mapResultLocations<T extends { tests: TestResult[]; problems: Problem[] }>(run: T, map: LineMap | undefined): T {
  if (!map?.length) return run;
  return {
    ...run,
    tests: run.tests.map((t) => (t.message ? { ...t, message: mapLocations(t.message, map) } : t)),
    problems: run.problems.map((p) => ({ ...p, message: mapLocations(p.message, map) })),
  };
}
