/**
 * Build time: the reference machine's lab figures, from `content/labs/reference.json`
 * (written by `ticklab lab --record`, validated by content/schemas/lab-reference.ts). A
 * missing file means no reference yet (the box says so); an invalid one fails the build
 * naming the file and the field.
 */
import { existsSync, readFileSync } from 'node:fs';
import { labReferenceSchema, type LabReference } from '../../../content/schemas/lab-reference.ts';
import type { LabName, LabResult } from '../../../engine/labs/result.ts';
import { ROOT } from '../root.ts';

export const REFERENCE_FILE = 'content/labs/reference.json';

let cached: { reference: LabReference | null } | undefined;

/** The whole reference file, or null when there is none. */
export function labReference(): LabReference | null {
  if (cached) return cached.reference;
  const file = `${ROOT}/${REFERENCE_FILE}`;
  if (!existsSync(file)) {
    cached = { reference: null };
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${REFERENCE_FILE}: not JSON (${error instanceof Error ? error.message : String(error)}); re-run "ticklab lab --record"`);
  }
  const parsed = labReferenceSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ');
    throw new Error(`${REFERENCE_FILE}: ${issues}; re-run "ticklab lab --record"`);
  }
  cached = { reference: parsed.data };
  return parsed.data;
}

/** What a lab's box shows of the reference: the result, the machine and when. */
export interface LabReferenceView {
  result: LabResult;
  machine: string;
  recordedAt: string;
  command: string;
}

/** The reference figures of one lab, or null when none were recorded. */
export function referenceFor(name: LabName): LabReferenceView | null {
  const reference = labReference();
  const result = reference?.labs[name];
  if (!reference || !result) return null;
  return { result: result as LabResult, machine: reference.machine, recordedAt: reference.recordedAt, command: reference.command };
}
