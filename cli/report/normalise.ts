/**
 * Failure messages grouped by what they say, not by their values: "expected 5 to be 4" and
 * "expected 7 to be 6" are one mistake made by two students. Numbers, ids (UUIDs, hex) and
 * the student's own name are replaced by placeholders; only the first line is kept (the
 * diff below it repeats the values).
 */

const ANSI = /\u001b\[[0-9;]*m/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const HEX = /\b0x[0-9a-f]+n?\b/gi;
// A number not glued to a preceding letter, so that "Float64Array" and "int32" stay as they are.
const NUMBER = /(?<![A-Za-z_$\d.])-?(?:\d[\d_]*)(?:\.\d+)?(?:e[+-]?\d+)?n?/gi;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The message's pattern: its first line with values replaced by <n>, <id> and <student>. */
export function normaliseMessage(message: string, student?: string): string {
  let line = message.replace(ANSI, '').split('\n').find((l) => l.trim() !== '') ?? '';
  if (student) line = line.replace(new RegExp(escapeRegExp(student), 'g'), '<student>');
  return line.replace(UUID, '<id>').replace(HEX, '<n>').replace(NUMBER, '<n>').replace(/\s+/g, ' ').trim().slice(0, 300);
}
