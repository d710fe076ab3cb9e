/**
 * Runs a CLI command's function in this test process against a course folder, with what it
 * writes captured: the behaviour is the function, so a test need not pay for starting
 * `ticklab` (tsx, the CLI's imports) each time. Each file that uses it keeps at least one
 * spawned run (test/cli/helpers.ts runCli) to prove the command line's wiring.
 */
export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The run in progress: runs share process.env and the standard streams, so they take turns. */
let running: Promise<void> = Promise.resolve();

/** Calls `command` with TICKLAB_ROOT at `root` and standard output and error captured; calls run one at a time. */
export async function runInProcess(root: string, command: () => Promise<number>): Promise<InProcessRun> {
  const previous = running;
  let release!: () => void;
  running = new Promise<void>((r) => (release = r));
  await previous;
  const saved = { root: process.env.TICKLAB_ROOT, out: process.stdout.write, err: process.stderr.write };
  let stdout = '';
  let stderr = '';
  const capture = (append: (text: string) => void) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      done?.();
      return true;
    }) as typeof process.stdout.write;
  process.env.TICKLAB_ROOT = root;
  process.stdout.write = capture((t) => (stdout += t));
  process.stderr.write = capture((t) => (stderr += t));
  try {
    const code = await command();
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    if (saved.root === undefined) delete process.env.TICKLAB_ROOT;
    else process.env.TICKLAB_ROOT = saved.root;
    release();
  }
}
