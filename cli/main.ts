/**
 * The `ticklab` command line: parses arguments with cac and hands each command to its
 * module in `cli/commands/` (loaded on demand, so `ticklab hint` does not pay for the
 * grader and `ticklab bench` does not pay for TypeScript).
 */
import os from 'node:os';
import { cac } from 'cac';
import pc from 'picocolors';
import { UsageError } from './errors.ts';
import { shutdown } from './grader/shutdown.ts';
import { VERSION } from './version.ts';

type Flags = Record<string, unknown>;

/** One grading process per core by default: each is a separate Node process. */
const JOBS = os.availableParallelism();

function number(value: unknown, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new UsageError(`${flag} takes a number, not "${String(value)}"`);
  return n;
}

/** Runs the CLI with `argv` (without node and the script) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const cli = cac('ticklab');
  let action: Promise<number> | undefined;
  const run = (f: () => Promise<number> | number) => {
    action = Promise.resolve().then(f);
  };

  cli
    .command('[exercise]', 'Watch mode: grade the current exercise on every save and move on when it passes')
    .action((exercise: string | undefined) => run(async () => (await import('./commands/watch.ts')).watchCommand(exercise ? { start: exercise } : {})));

  cli.command('list', 'List every exercise with your status').action(() => run(async () => (await import('./commands/list.ts')).listCommand()));

  cli
    .command('grade [...exercises]', 'Grade exercises (all when none is named)')
    .option('--json', 'Print one JSON report on standard output')
    .option('--junit <file>', 'Also write a JUnit XML report')
    .option('--csv <file>', 'Also write a CSV table')
    .option('--submissions <dir>', 'Grade a class laid out as DIR/<student>/<slug>/exercise.ts')
    .option('--shard <i/n>', 'With --submissions: grade only shard i of n (e.g. 2/4)')
    .option('--jobs <n>', 'How many exercises to grade at once (default: one per core)')
    .option('--solution', 'Grade the reference solutions instead (for authors)')
    .option('--gradescope <file>', 'Also write Gradescope\'s results.json (one submission)')
    .option('--classroom <file>', 'Also write GitHub Classroom\'s grading-reporter payload (base64 JSON)')
    .option('--tap [file]', 'TAP 14: to FILE, or on standard output without one')
    .action((exercises: string[], f: Flags) =>
      run(async () =>
        (await import('./commands/grade.ts')).gradeCommand(exercises, {
          json: Boolean(f.json),
          ...(f.junit ? { junit: String(f.junit) } : {}),
          ...(f.csv ? { csv: String(f.csv) } : {}),
          ...(f.submissions ? { submissions: String(f.submissions) } : {}),
          ...(f.shard ? { shard: String(f.shard) } : {}),
          jobs: number(f.jobs, '--jobs') ?? JOBS,
          solution: Boolean(f.solution),
          ...(f.gradescope ? { gradescope: String(f.gradescope) } : {}),
          ...(f.classroom ? { classroom: String(f.classroom) } : {}),
          ...(f.tap ? { tap: f.tap === true ? true : String(f.tap) } : {}),
        }),
      ),
    );

  cli
    .command('report [...inputs]', 'For instructors: what a class got wrong, from grade reports (files or folders; shards are merged) and exported progress files')
    .option('--html <file>', 'Also write one self-contained HTML page with plots')
    .option('--json', 'Print the class report as JSON instead of tables')
    .option('--anonymous', 'Replace students\' names by numbers')
    .action((inputs: string[], f: Flags) =>
      run(async () =>
        (await import('./commands/report.ts')).reportCommand(inputs, {
          ...(f.html ? { html: String(f.html) } : {}),
          json: Boolean(f.json),
          anonymous: Boolean(f.anonymous),
        }),
      ),
    );

  cli.command('hint <exercise>', 'Show one more hint (each call reveals the next)').action((slug: string) => run(async () => (await import('./commands/hint.ts')).hintCommand(slug)));

  cli.command('quiz [name]', 'Take a quiz in the terminal (lists them without a name)').action((name: string | undefined) =>
    run(async () => (await import('./commands/quiz.ts')).quizCommand(name)),
  );

  cli
    .command('reset <exercise>', 'Restore the starting file (your file is backed up first)')
    .option('--yes', 'Do not ask for confirmation')
    .action((slug: string, f: Flags) => run(async () => (await import('./commands/reset.ts')).resetCommand(slug, { yes: Boolean(f.yes) })));

  cli
    .command('progress <action> [file]', 'Move your progress and code with a file, the course site\'s format: export [FILE] (standard output without one), import FILE (backs up what it overwrites)')
    .option('--yes', 'import: do not ask for confirmation')
    .action((action: string, file: string | undefined, f: Flags) =>
      run(async () => (await import('./commands/progress.ts')).progressCommand(action, file, { yes: Boolean(f.yes) })),
    );

  cli
    .command('check [...exercises]', 'For instructors: tests fail on every starting file and pass on every solution, metadata is valid')
    .option('--jobs <n>', 'How many exercises to check at once (default: one per core)')
    .option('--quiet', 'Print only problems and the verdict')
    .option('--json', 'Print the findings as JSON')
    .option('--no-grade', 'Check the files only (schemas, quizzes, TODOs, hints): grade nothing, in a second or two')
    .option('--grades-out <file>', 'Also save every grade this check made (starting files, solutions, known-wrong solutions) as JSON to <file>')
    .option('--mutants', 'Mutation testing instead: each solution.ts mutated by StrykerJS, its mutation score and surviving mutants printed')
    .option('--min-score <percent>', 'With --mutants: the lowest score an exercise may have, equivalent mutants left out (default 100)')
    .option('--changed-since <rev>', 'With --mutants: only the exercises whose folder differs from this git revision')
    .option('--sample <n>', 'With --mutants: n exercises (besides those changed), chosen by the commit so that successive commits cover all')
    .action((exercises: string[], f: Flags) =>
      run(async () =>
        f.mutants
          ? (await import('./commands/author/mutants.ts')).mutantsCommand({
              exercises,
              jobs: number(f.jobs, '--jobs') ?? JOBS,
              ...(f.minScore !== undefined ? { minScore: number(f.minScore, '--min-score')! } : {}),
              ...(f.changedSince ? { changedSince: String(f.changedSince) } : {}),
              ...(f.sample !== undefined ? { sample: number(f.sample, '--sample')! } : {}),
            })
          : (await import('./commands/author/check.ts')).checkCommand({ exercises, jobs: number(f.jobs, '--jobs') ?? JOBS, quiet: Boolean(f.quiet), json: Boolean(f.json), grade: f.grade !== false, ...(f.gradesOut ? { gradesOut: String(f.gradesOut) } : {}) }),
      ),
    );

  cli
    .command('new <slug>', 'For authors: scaffold exercises/<slug>/, or turn wrong/<name>.ts into a known-wrong patch')
    .option('--lesson <lesson>', 'The lesson it belongs to, "<module>/<lesson>" from content/course.json')
    .option('--title <title>', 'Its title')
    .option('--wrong <name>', 'Turn the full copy exercises/<slug>/wrong/<name>.ts into wrong/<name>.patch (a diff against solution.ts)')
    .action((slug: string, f: Flags) =>
      run(async () =>
        (await import('./commands/author/new.ts')).newCommand(slug, {
          ...(f.lesson ? { lesson: String(f.lesson) } : {}),
          ...(f.title ? { title: String(f.title) } : {}),
          ...(f.wrong ? { wrong: String(f.wrong) } : {}),
        }),
      ),
    );

  // `[tape]`, not `<tape>`: the argument parser drops a bare "-", which means standard input here.
  cli.command('replay [tape]', 'Replay an order-book tape (- or nothing for standard input) and print events and the final book').action((tape: string | undefined) =>
    run(async () => (await import('./commands/replay.ts')).replayCommand(tape ?? '-')),
  );

  cli
    .command('tape <action>', 'Tape tools: `tape gen` writes a reproducible random tape')
    .option('--seed <n>', 'Random seed', { default: 1 })
    .option('--count <n>', 'Number of commands', { default: 1000 })
    .option('--bad-rate <r>', 'Share of deliberately bad lines, 0 to 1', { default: 0 })
    .option('--out <file>', 'Write to a file instead of standard output')
    .action((act: string, f: Flags) =>
      run(async () => {
        if (act !== 'gen') throw new UsageError(`unknown tape action "${act}": the one there is is "ticklab tape gen"`);
        return (await import('./commands/tape-gen.ts')).tapeGenCommand({
          seed: number(f.seed, '--seed') ?? 1,
          count: number(f.count, '--count') ?? 1000,
          badRate: number(f.badRate, '--bad-rate') ?? 0,
          ...(f.out ? { out: String(f.out) } : {}),
        });
      }),
    );

  cli
    .command('bench <name>', 'Benchmarks against a peer measured in the same run: grade, book, ring, simd, zero-cost, report or all')
    .option('--json', 'Print JSON reports on standard output')
    .option('--quick', 'Tiny sizes: check that the benchmark runs, measure nothing')
    .action((name: string, f: Flags) =>
      run(async () => {
        await (await import('./commands/bench.ts')).runBench(name, { json: Boolean(f.json), quick: Boolean(f.quick) });
        return 0;
      }),
    );

  cli
    .command('lab [name]', 'Live labs: measure the course\'s hardware claims on this machine (all labs when none is named)')
    .option('--json', 'Print one JSON result per lab on standard output')
    .option('--quick', 'Tiny sizes: check that a lab runs, measure nothing')
    .option('--record', 'Write the results to content/labs/reference.json (the figures lessons show beside the student\'s)')
    .option('--machine <note>', 'With --record: a note on the machine (e.g. "shared with other jobs")')
    .action((name: string | undefined, f: Flags) =>
      run(async () =>
        (await import('./commands/lab.ts')).labCommand(name, {
          json: Boolean(f.json),
          quick: Boolean(f.quick),
          record: Boolean(f.record),
          ...(f.machine ? { machine: String(f.machine) } : {}),
        }),
      ),
    );

  cli
    .command('schemas', 'For authors: write the JSON Schemas of meta.json, course.json and quizzes to docs/schemas/')
    .option('--check', 'Fail if the checked-in schemas differ from a fresh generation')
    .action((f: Flags) => run(async () => (await import('./commands/author/schemas.ts')).schemasCommand({ check: Boolean(f.check) })));

  cli
    .command('build-wasm', 'Assemble engine/simd/kernels.wat into engine/simd/kernels-wasm.ts')
    .option('--check', 'Fail if the checked-in module differs from a fresh build')
    .action((f: Flags) => run(async () => (await import('./commands/author/build-wasm.ts')).buildWasmCommand({ check: Boolean(f.check) })));

  cli.help();
  cli.version(VERSION);

  try {
    cli.parse(['node', 'ticklab', ...argv], { run: false });
    if (cli.options.help || cli.options.version) return 0;
    await cli.runMatchedCommand();
    return action ? await action : 0;
  } catch (error) {
    if (error instanceof UsageError || (error as Error)?.name === 'CACError') {
      process.stderr.write(`${pc.red('ticklab:')} ${(error as Error).message}\n`);
      return 2;
    }
    process.stderr.write(`${pc.red('ticklab: internal error:')} ${(error as Error)?.stack ?? String(error)}\n`);
    return 1;
  } finally {
    await shutdown(); // a browser the grader launched, for instance
  }
}
