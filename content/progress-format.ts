/**
 * The head of a progress file (`format`, `version`), checked without zod so that the page
 * can refuse a wrong file before asking anything, without loading the full schema. The
 * whole file's schema is content/schemas/progress.ts, which uses these.
 */

/** The `format` field: a file without it is not a TickLab progress file. */
export const PROGRESS_FORMAT = 'ticklab-progress' as const;
/** The version this code writes and reads. */
export const PROGRESS_VERSION = 1 as const;

/** Throws, saying why, unless `input` is an object with this format and version; returns it as a record. */
export function checkProgressHead(input: unknown): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new Error('not a TickLab progress file: it is not a JSON object');
  const head = input as Record<string, unknown>;
  if (head.format !== PROGRESS_FORMAT) throw new Error(`not a TickLab progress file: "format" is ${JSON.stringify(head.format)}, not "${PROGRESS_FORMAT}"`);
  if (head.version !== PROGRESS_VERSION) throw new Error(`progress file version ${JSON.stringify(head.version)} is not supported (this TickLab reads version ${PROGRESS_VERSION})`);
  return head;
}
