/**
 * Reading a typed numeric answer: the number ("80", "-1.5", "1,000" with thousands, "0,5"
 * with a decimal comma, "1e3"), optionally followed by the unit the question names, as
 * students write it: "70%" or "70 percent" for "%", "65x" or "65×" for "x", "1.5 µs" or
 * "1.5us" for "µs", "64 bytes" or "64 byte" for "bytes". Any other unit is refused with
 * a sentence that says which one the question asks for.
 */

/** A typed answer read: its value, or why it is not one (shown to the student). */
export type NumericAnswer = { value: number } | { error: string };

/** Parses a bare number: "80", "-1.5", "1,000" (thousands), "0,5" (a decimal comma), "1e3", "1_000". */
export function parseNumber(text: string): number | undefined {
  let t = text.trim().replace(/[\s_]/g, '');
  if (t === '') return undefined;
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  else if (/^[-+]?\d+,\d+$/.test(t)) t = t.replace(',', '.');
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

const fold = (unit: string) => unit.trim().toLowerCase().replace(/[μµ]/g, 'u');

/** The spellings of a unit a student may type after the number, folded (lower case, µ as u). */
export function unitSpellings(unit: string): string[] {
  const u = fold(unit);
  const spellings = new Set([u]);
  if (u === '%') ['percent', 'per cent', 'pct'].forEach((s) => spellings.add(s));
  if (u === 'x') ['×', 'times'].forEach((s) => spellings.add(s));
  // Plural units accept the singular ("1 round trip"), singular ones the plural.
  if (/[a-z]s$/.test(u)) spellings.add(u.slice(0, -1));
  else if (/[a-z]{2,}$/.test(u)) spellings.add(`${u}s`);
  return [...spellings];
}

/** Splits "1.5 µs" into its number and what follows it ("µs"); the tail is '' when there is none. */
function splitTail(text: string): { number: string; tail: string } {
  const m = /^\s*([-+]?[\d.,_\s]*\d(?:[eE][-+]?\d+)?)\s*(.*?)\s*$/.exec(text);
  return m ? { number: m[1]!, tail: m[2]! } : { number: text, tail: '' };
}

/** Reads what a student typed for a question whose answer is in `unit` (null: a plain number). */
export function readNumericAnswer(text: string, unit: string | null): NumericAnswer {
  if (text.trim() === '') return { error: 'Type a number first.' };
  const bare = parseNumber(text);
  if (bare !== undefined) return { value: bare };
  const { number, tail } = splitTail(text);
  const value = parseNumber(number);
  if (value === undefined) return { error: `"${text.trim()}" is not a number: type digits, such as 42 or 1.5${unit ? ` (${unit} may follow)` : ''}.` };
  if (unit && unitSpellings(unit).includes(fold(tail))) return { value };
  return unit
    ? { error: `This answer is in ${unit}: type the number of ${unit}, such as ${number.trim()} or ${number.trim()}${unit === '%' || unit === 'x' ? '' : ' '}${unit}, not "${tail}".` }
    : { error: `Type just the number, without "${tail}".` };
}
