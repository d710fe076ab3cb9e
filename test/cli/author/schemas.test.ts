/** The editors' JSON Schemas in docs/schemas/ are generated from the zod schemas and kept in step. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { generateSchemas, SCHEMA_DIR } from '../../../cli/commands/author/schemas.ts';

it('docs/schemas/ matches a fresh generation from content/schemas/ (run `ticklab schemas` after changing a schema)', () => {
  for (const [name, text] of Object.entries(generateSchemas())) {
    expect(readFileSync(path.join(SCHEMA_DIR, name), 'utf8'), name).toBe(text);
  }
});

it('describes every field an author writes, and rejects unknown ones', () => {
  const exercise = JSON.parse(generateSchemas()['exercise.schema.json']!) as { properties: Record<string, { description?: string }>; additionalProperties: boolean; required: string[] };
  expect(exercise.additionalProperties).toBe(false);
  for (const [field, spec] of Object.entries(exercise.properties)) expect(spec.description, field).toBeTruthy();
  // Fields with defaults are optional to write.
  expect(exercise.required).not.toContain('timeLimitMs');
  expect(exercise.required).toContain('hints');
});
