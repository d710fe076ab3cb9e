/**
 * What a lab chart's legend says: whose series each is ("you" or "reference", first, so
 * a reader never guesses which line is theirs) and a value even when the pointer is not
 * over the plot (uPlot then asks for the value at no index, which read "– µs"): the
 * series' last measured point, with its x. Pure, so it is tested without a canvas.
 */

export type Whose = 'you' | 'reference';

/** "you: Array of structs", "reference: Array of structs". */
export function legendLabel(whose: Whose, series: string): string {
  return `${whose}: ${series}`;
}

/**
 * The legend's value for a series: the value under the pointer when there is one, else
 * the last measured point ("12.5 µs at 4096"), else "no figure".
 */
export function legendValue(
  value: number | null | undefined,
  pointerIndex: number | null | undefined,
  column: readonly (number | null)[],
  xLabels: readonly string[],
  unit: string,
  fmt: (v: number) => string,
): string {
  if (pointerIndex !== null && pointerIndex !== undefined) return value === null || value === undefined || !Number.isFinite(value) ? 'no figure here' : `${fmt(value)} ${unit}`;
  for (let i = column.length - 1; i >= 0; i--) {
    const v = column[i];
    if (v !== null && v !== undefined && Number.isFinite(v)) return `${fmt(v)} ${unit} at ${xLabels[i] ?? i}`;
  }
  return 'no figure';
}

/** A machine note with each sentence once (a recording may repeat the probed description). */
export function machineDescription(note: string): string {
  const seen = new Set<string>();
  return note
    .split(/(?<=[.!?])\s+/)
    .filter((sentence) => {
      const key = sentence.trim();
      if (!key || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .join(' ');
}
