/**
 * The glossary: every `content/glossary/*.json` (one file a module or author), validated
 * by `content/schemas/glossary.ts` and merged. A bad file, or an id used twice across
 * files, fails with the file and the field. Read at build time (the glossary collection,
 * `<Term>`) and by the content tests.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { glossaryFileSchema, type GlossaryTerm } from '../../content/schemas/glossary.ts';

/** A term and the file it is defined in (from the repository root: "content/glossary/seed.json"). */
export type GlossaryEntry = GlossaryTerm & { file: string };

/** Every term of every glossary file in `dir`, in file then term order. */
export async function loadGlossary(dir: URL | string): Promise<GlossaryEntry[]> {
  const folder = typeof dir === 'string' ? dir : fileURLToPath(dir);
  const names = (await readdir(folder).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort();
  const terms: GlossaryEntry[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = `content/glossary/${name}`;
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path.join(folder, name), 'utf8'));
    } catch (error) {
      throw new Error(`${file}: not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    const parsed = glossaryFileSchema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${file} (${i.path.join('.') || 'file'}): ${i.message}`);
      throw new Error(issues.join('\n'));
    }
    parsed.data.terms.forEach((t, i) => {
      const other = seen.get(t.id);
      if (other) throw new Error(`${file} (terms.${i}.id): the term id "${t.id}" is also defined in ${other}; ids are unique across glossary files`);
      seen.set(t.id, file);
      terms.push({ ...t, file });
    });
  }
  return terms;
}
