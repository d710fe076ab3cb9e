/**
 * The guides say what the code does: every `ticklab` command and flag that
 * docs/authoring.md, docs/lesson-format.md and README.md name exists (read from
 * `ticklab <command> --help`, run in-process), `ticklab new` writes as many files as the
 * guide says, the known-wrong repeats are the test's, every meta.json field is described,
 * and the README's counts are the course's.
 */
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main.ts';
import { loadCatalog } from '../../content/catalog/catalog.ts';
import { lessonIds } from '../../content/schemas/course.ts';
import { exerciseMetaSchema } from '../../content/schemas/exercise.ts';
import { LAB_NAMES } from '../../engine/labs/result.ts';
import { REPO } from '../cli/helpers.ts';
import { tempDir } from '../temp-dir.ts';

const GUIDES = ['docs/authoring.md', 'docs/lesson-format.md', 'README.md'];
const read = (file: string) => readFileSync(path.join(REPO, file), 'utf8');
const NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** What `ticklab <argv>` prints on standard output (console.info for help, process.stdout otherwise), run in this process. */
async function ticklab(argv: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const log = vi.spyOn(console, 'info').mockImplementation((...parts: unknown[]) => void out.push(`${parts.join(' ')}\n`));
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
  try {
    const code = await main(argv);
    return { code, out: out.join('') };
  } finally {
    log.mockRestore();
    write.mockRestore();
  }
}

/** The commands `ticklab --help` lists, each with the flags its own --help lists. */
async function commands(): Promise<Map<string, Set<string>>> {
  const { out } = await ticklab(['--help']);
  const names = [...out.split(/\nCommands:\n/)[1]!.split(/\n\n/)[0]!.matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((m) => m[1]!);
  const found = new Map<string, Set<string>>();
  for (const name of names) {
    const help = (await ticklab([name, '--help'])).out;
    found.set(name, new Set([...help.matchAll(/(?:^|[ ,])(--[a-z][a-z-]*)/gm)].map((m) => m[1]!)));
  }
  return found;
}

interface Mention {
  where: string;
  command: string;
  flags: string[];
}

/**
 * Every `ticklab ...` in the guides' code (inline spans and fenced blocks), with the flags
 * written in it; a table row or fenced line that names one command gives it the flags of
 * its other code spans too (`ticklab grade` ... `--json`, `--csv FILE`).
 */
function mentions(file: string): Mention[] {
  const found: Mention[] = [];
  let fenced = false;
  read(file).split('\n').forEach((line, i) => {
    if (line.startsWith('```')) {
      fenced = !fenced;
      return;
    }
    // In a fenced block, a command line (`ticklab ...`, `npx ticklab ...`), its comment cut off; elsewhere each code span.
    const spans = (fenced ? (/^\s*(npx\s+)?ticklab\b/.test(line) ? [line.replace(/#.*$/, '')] : []) : [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1]!))
      // `npm run ticklab -- grade ...` is `ticklab grade ...`.
      .map((span) => span.replace(/\bnpm run ticklab --/, 'ticklab'));
    let last: Mention | undefined;
    const loose: string[] = [];
    for (const span of spans) {
      const flags = [...span.matchAll(/(?:^|\s|\[)(--[a-z][a-z-]*)/g)].map((m) => m[1]!);
      const call = /(?:^|\s)ticklab(?:\s+([^\s|[\]]+))?/.exec(span);
      if (call) {
        last = { where: `${file}:${i + 1}`, command: call[1] ?? '', flags };
        found.push(last);
      } else loose.push(...flags);
    }
    // Flags in spans of their own, on a line that names exactly one command, are that command's.
    const onLine = found.filter((m) => m.where === `${file}:${i + 1}`);
    if (last && onLine.length === 1 && !fenced) last.flags.push(...loose);
  });
  return found;
}

describe('the guides', () => {
  afterEach(() => {
    delete process.env.TICKLAB_ROOT;
  });

  it('name only commands and flags that ticklab has', async () => {
    const known = await commands();
    expect(known.size, 'commands in ticklab --help').toBeGreaterThan(10);
    const slugs = new Set(loadCatalog(REPO).exercises.map((e) => e.slug));
    const wrong: string[] = [];
    let checked = 0;
    for (const m of GUIDES.flatMap(mentions)) {
      // `ticklab`, `ticklab <slug>`, `ticklab ring-sizing`: watch mode, which takes no flag.
      const watch = m.command === '' || /^<.*>$/.test(m.command) || slugs.has(m.command) || m.command === '...';
      if (!watch && !known.has(m.command)) {
        wrong.push(`${m.where}: "ticklab ${m.command}" is not a command`);
        continue;
      }
      for (const flag of m.flags) {
        checked++;
        const flags = watch ? new Set(['--help']) : known.get(m.command)!;
        if (!flags.has(flag) && flag !== '--help') wrong.push(`${m.where}: ticklab ${m.command} has no ${flag}`);
      }
    }
    expect(checked, 'flags the guides name').toBeGreaterThan(20);
    expect(wrong).toEqual([]);
  });

  it('list the benchmarks `ticklab bench` runs', async () => {
    const { out } = await ticklab(['--help']);
    const names = /bench <name> +.*: (.*)$/m.exec(out)![1]!.replace(' or ', ', ').split(', ');
    const row = /`ticklab bench ([a-z|\\-]+)/.exec(read('README.md'))![1]!.split('\\|');
    expect(row.sort(), "README's bench row against ticklab --help").toEqual(names.sort());
  });

  it('count the files `ticklab new` writes as it writes them', async () => {
    const root = tempDir('ticklab-guide-');
    cpSync(path.join(REPO, 'test/fixtures/course'), root, { recursive: true });
    process.env.TICKLAB_ROOT = root;
    const lesson = lessonIds(loadCatalog(root).outline!)[0]!;
    const { code, out } = await ticklab(['new', 'guide-check', '--lesson', lesson]);
    expect(code, out).toBe(0);
    const dir = path.join(root, 'exercises', 'guide-check');
    const files = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(d, e.name)) : [e.name]));
    const said = /This writes (\w+) files into `exercises\//.exec(read('docs/authoring.md'));
    expect(said, 'the guide says how many files `ticklab new` writes').not.toBeNull();
    expect(NUMBERS.indexOf(said![1]!), `files written: ${files(dir).join(', ')}`).toBe(files(dir).length);
  });

  it('say how often the known-wrong test grades each known-wrong solution', () => {
    const repeats = Number(/const REPEATS = (\d+);/.exec(read('test/exercises/known-wrong.test.ts'))![1]);
    const said = /known-wrong\.test\.ts` grades the pilots'\s+known-wrong solutions (\w+) times each/.exec(read('docs/authoring.md'));
    expect(said, 'the sentence in docs/authoring.md').not.toBeNull();
    expect(NUMBERS.indexOf(said![1]!)).toBe(repeats);
  });

  it('describe every field of meta.json', () => {
    const guide = read('docs/authoring.md');
    const missing = Object.keys(exerciseMetaSchema.shape).filter((field) => field !== '$schema' && !guide.includes(`| \`${field}\` |`));
    expect(missing, "meta.json fields without a row in docs/authoring.md's table").toEqual([]);
  });

  it("give the course's real counts in the README", () => {
    const catalog = loadCatalog(REPO);
    const outline = catalog.outline!;
    const terms = readdirSync(path.join(REPO, 'content/glossary'))
      .filter((f) => f.endsWith('.json'))
      .reduce((n, f) => n + (JSON.parse(read(`content/glossary/${f}`)) as { terms: unknown[] }).terms.length, 0);
    const counts = {
      modules: outline.modules.length,
      lessons: lessonIds(outline).length,
      exercises: catalog.exercises.length,
      'quiz questions': [...catalog.quizzes.values()].reduce((n, q) => n + q.questions.length, 0),
      terms,
      labs: LAB_NAMES.length,
    };
    const readme = read('README.md');
    const said = /(\w+) modules, (\d+) lessons, (\d+) exercises graded[\s\S]*?(\d+) quiz questions, a glossary of (\d+) terms and\s+(\w+) live labs/.exec(readme);
    expect(said, "the README's sentence of counts").not.toBeNull();
    const number = (s: string) => (/^\d+$/.test(s) ? Number(s) : NUMBERS.indexOf(s.toLowerCase()));
    expect({
      modules: number(said![1]!),
      lessons: number(said![2]!),
      exercises: number(said![3]!),
      'quiz questions': number(said![4]!),
      terms: number(said![5]!),
      labs: number(said![6]!),
    }).toEqual(counts);
    expect(existsSync(path.join(REPO, 'content/lessons')), 'lessons folder').toBe(true);
  });
});
