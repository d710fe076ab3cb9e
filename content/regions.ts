/**
 * Marked regions of source files, so that a lesson shows code by quoting a tested file
 * (an exercise's solution, an engine module) instead of pasting a copy that drifts.
 * Markers are the ones editors fold on:
 *
 *   // #region guard-life
 *   ...code...
 *   // #endregion guard-life
 *
 * Regions may nest; the markers of inner regions are left out of what is quoted.
 */

const START = /^\s*\/\/\s*#region\s+([a-z0-9-]+)\s*$/;
const END = /^\s*\/\/\s*#endregion(?:\s+([a-z0-9-]+))?\s*$/;

/** A region that is missing, duplicated or not closed; the message says which and where. */
export class RegionError extends Error {
  override name = 'RegionError';
}

/** Every region of `source` by name, as [first line, last line) of its body (0-based). */
export function listRegions(source: string, file = 'source'): Map<string, { from: number; to: number }> {
  const lines = source.split('\n');
  const open: { name: string; from: number }[] = [];
  const found = new Map<string, { from: number; to: number }>();
  lines.forEach((line, i) => {
    const start = START.exec(line);
    if (start) {
      const name = start[1]!;
      if (found.has(name) || open.some((o) => o.name === name)) throw new RegionError(`${file}:${i + 1}: region "${name}" is marked twice`);
      open.push({ name, from: i + 1 });
      return;
    }
    const end = END.exec(line);
    if (end) {
      const top = open.pop();
      if (!top) throw new RegionError(`${file}:${i + 1}: #endregion without a #region`);
      if (end[1] && end[1] !== top.name) throw new RegionError(`${file}:${i + 1}: #endregion ${end[1]} closes region "${top.name}"`);
      found.set(top.name, { from: top.from, to: i });
    }
  });
  const unclosed = open.pop();
  if (unclosed) throw new RegionError(`${file}:${unclosed.from}: region "${unclosed.name}" is never closed`);
  return found;
}

/** The body of region `name` of `source`, without nested markers and with common indentation removed. */
export function extractRegion(source: string, name: string, file = 'source'): string {
  const region = listRegions(source, file).get(name);
  if (!region) {
    const names = [...listRegions(source, file).keys()];
    throw new RegionError(`${file}: no region "${name}"${names.length ? `; regions are: ${names.join(', ')}` : ' (the file marks none)'}`);
  }
  const body = source
    .split('\n')
    .slice(region.from, region.to)
    .filter((line) => !START.test(line) && !END.test(line));
  const indent = Math.min(...body.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)![0].length));
  return body.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
}
