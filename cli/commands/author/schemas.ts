/**
 * `ticklab schemas [--check]`: writes JSON Schemas of the content files to docs/schemas/,
 * generated from the zod schemas (the one source of truth), so that an author's editor
 * completes and checks meta.json, course.json and quizzes as they type. `--check` fails
 * when the checked-in files differ from a fresh generation (a test runs it).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pc from 'picocolors';
import type { ZodTypeAny } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';
import { courseOutlineSchema } from '../../../content/schemas/course.ts';
import { exerciseMetaSchema } from '../../../content/schemas/exercise.ts';
import { quizSchema } from '../../../content/schemas/quiz.ts';
import { glossaryFileSchema } from '../../../content/schemas/glossary.ts';
import { PACKAGE_ROOT } from '../../paths.ts';

const SCHEMAS: Record<string, { schema: ZodTypeAny; title: string }> = {
  exercise: { schema: exerciseMetaSchema, title: 'TickLab exercise metadata (exercises/<slug>/meta.json)' },
  course: { schema: courseOutlineSchema, title: 'TickLab course outline (content/course.json)' },
  quiz: { schema: quizSchema, title: 'TickLab quiz (content/quizzes/<name>.json)' },
  glossary: { schema: glossaryFileSchema, title: 'TickLab glossary (content/glossary/<name>.json)' },
};

export const SCHEMA_DIR = path.join(PACKAGE_ROOT, 'docs', 'schemas');

/** The JSON Schema files, by file name. */
export function generateSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, { schema, title }] of Object.entries(SCHEMAS)) {
    // `input`: what an author writes (fields with defaults are optional).
    const json = zodToJsonSchema(schema, { target: 'jsonSchema7', pipeStrategy: 'input', effectStrategy: 'input', $refStrategy: 'none' });
    out[`${name}.schema.json`] = JSON.stringify({ title, ...json }, null, 2) + '\n';
  }
  return out;
}

export function schemasCommand(opts: { check: boolean }): number {
  const files = generateSchemas();
  const stale = Object.entries(files).filter(([name, text]) => {
    const file = path.join(SCHEMA_DIR, name);
    return !existsSync(file) || readFileSync(file, 'utf8') !== text;
  });
  if (opts.check) {
    for (const [name] of stale) process.stderr.write(`${pc.red('stale')} docs/schemas/${name}: run \`ticklab schemas\`\n`);
    return stale.length === 0 ? 0 : 1;
  }
  mkdirSync(SCHEMA_DIR, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(SCHEMA_DIR, name), text);
  process.stdout.write(`wrote ${Object.keys(files).length} schemas to docs/schemas/ (${stale.length} changed)\n`);
  return 0;
}
