/**
 * The Rust a lesson shows is compiled, as the Rust Book and Comprehensive Rust test theirs
 * (mdbook-style info strings):
 *
 *   ```rust                       a whole program or a set of items: must compile
 *   ```rust,compile_fail,E0499    must fail, first error E0499
 *   ```rust,wrapper=book          compiled inside content/rust-wrappers/book.rs (hidden context)
 *   ```rust,ignore needs the pyo3 crate, which rustc alone cannot link
 *                                 not compiled; the words after the space are the reason, required
 *   ```rust,edition2021           compiled as edition 2021 (default: 2024, what `cargo new` makes)
 *
 * A ```text block that follows (before the next rust block) and starts with `error[...]:` or
 * `warning:` is what the lesson says rustc prints: its code and first line must be rustc's.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A malformed info string or wrapper; the message names the file and line. */
export class RustBlockError extends Error {
  override name = 'RustBlockError';
}

export type Edition = '2015' | '2018' | '2021' | '2024';

/** What a fence's info string asks of its block. */
export interface RustInfo {
  compileFail: boolean;
  /** compile_fail: the error code rustc must give first ("E0499"). */
  code?: string;
  /** ignore: why the block is not compiled. */
  ignore?: string;
  /** The wrapper's name: content/rust-wrappers/<name>.rs. */
  wrapper?: string;
  edition: Edition;
}

/** The first line of a diagnostic, as a lesson shows it or rustc prints it. */
export interface Diagnostic {
  level: 'error' | 'warning';
  /** "E0373", when rustc gives one. */
  code?: string;
  /** The whole first line: "error[E0373]: closure may outlive ...". */
  line: string;
}

export interface RustBlock {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  code: string;
  info: RustInfo;
  /** The diagnostic the lesson shows after the block, if any, with its line. */
  shown?: Diagnostic & { at: number };
}

export const DEFAULT_EDITION: Edition = '2024';
const EDITIONS: readonly Edition[] = ['2015', '2018', '2021', '2024'];
const DIAGNOSTIC = /^(error|warning)(?:\[(E\d{4})\])?: \S/;

/** Parses what follows "```" on a rust fence; throws naming `where` when it is malformed. */
export function parseRustInfo(info: string, where: string): RustInfo {
  const space = info.search(/\s/);
  const head = space < 0 ? info : info.slice(0, space);
  const rest = space < 0 ? '' : info.slice(space).trim();
  const [lang, ...attrs] = head.split(',');
  if (lang !== 'rust') throw new RustBlockError(`${where}: not a rust fence ("${head}")`);
  const out: RustInfo = { compileFail: false, edition: DEFAULT_EDITION };
  for (const attr of attrs) {
    if (attr === 'compile_fail') out.compileFail = true;
    else if (/^E\d{4}$/.test(attr)) out.code = attr;
    else if (attr === 'ignore') out.ignore = rest;
    else if (attr.startsWith('wrapper=') && /^wrapper=[a-z0-9-]+$/.test(attr)) out.wrapper = attr.slice('wrapper='.length);
    else if (attr.startsWith('edition') && EDITIONS.includes(attr.slice('edition'.length) as Edition)) out.edition = attr.slice('edition'.length) as Edition;
    else throw new RustBlockError(`${where}: unknown attribute "${attr}" in "${head}" (known: compile_fail, E0000, ignore <reason>, wrapper=<name>, edition2021)`);
  }
  if (out.ignore !== undefined && out.ignore.length < 10) throw new RustBlockError(`${where}: "ignore" needs its reason after a space ("rust,ignore needs the pyo3 crate"), at least 10 characters`);
  if (out.ignore === undefined && rest) throw new RustBlockError(`${where}: text after the info string ("${rest}") is only allowed as the reason of "ignore"`);
  if (out.code && !out.compileFail) throw new RustBlockError(`${where}: an error code (${out.code}) only goes with compile_fail`);
  if (out.ignore !== undefined && (out.compileFail || out.wrapper)) throw new RustBlockError(`${where}: "ignore" takes no other attribute`);
  return out;
}

/** Parses one line of output or of a lesson's text block as a diagnostic's first line. */
export function parseDiagnostic(line: string): Diagnostic | undefined {
  const m = DIAGNOSTIC.exec(line);
  return m ? { level: m[1] as Diagnostic['level'], ...(m[2] ? { code: m[2] } : {}), line: line.trimEnd() } : undefined;
}

/** Every ```rust block of a lesson (MDX or Markdown), with the diagnostic shown after it. */
export function rustBlocks(file: string, source: string): RustBlock[] {
  const lines = source.split('\n');
  const blocks: RustBlock[] = [];
  let last: RustBlock | undefined;
  for (let i = 0; i < lines.length; i++) {
    const open = /^(```+|~~~+)\s*(\S.*)?$/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    const info = (open[2] ?? '').trim();
    let end = i + 1;
    while (end < lines.length && !lines[end]!.startsWith(fence)) end++;
    if (end >= lines.length) throw new RustBlockError(`${file}:${i + 1}: code fence is never closed`);
    const body = lines.slice(i + 1, end);
    if (/^rust\b/.test(info)) {
      last = { file, line: i + 1, code: body.join('\n') + '\n', info: parseRustInfo(info, `${file}:${i + 1}`) };
      blocks.push(last);
    } else if (last && !last.shown && /^text\b/.test(info)) {
      const first = body.find((l) => l.trim() !== '');
      const d = first === undefined ? undefined : parseDiagnostic(first);
      if (d) last.shown = { ...d, at: i + 2 + body.indexOf(first!) };
    }
    i = end;
  }
  return blocks;
}

const HOLE = /^([ \t]*)\/\/ \{\{block\}\}[ \t]*$/m;

/** The program rustc compiles for a block: the block itself, or set into its wrapper. */
export function programOf(block: RustBlock, wrappersDir: string): string {
  if (!block.info.wrapper) return block.code;
  const file = path.join(wrappersDir, `${block.info.wrapper}.rs`);
  if (!existsSync(file)) throw new RustBlockError(`${block.file}:${block.line}: wrapper "${block.info.wrapper}" does not exist (${path.relative(process.cwd(), file)})`);
  const wrapper = readFileSync(file, 'utf8');
  if (!HOLE.test(wrapper)) throw new RustBlockError(`${file}: has no "// {{block}}" line where the block goes`);
  // Indented as the hole is, so a Playground reader sees tidy code.
  return wrapper.replace(HOLE, (_, indent: string) => block.code.trimEnd().split('\n').map((l) => (l ? indent + l : l)).join('\n'));
}

/** Whether rustc can run here, and which one. */
export type RustcStatus = { ok: true; rustc: string; version: string } | { ok: false; reason: string };

function run(cmd: string, args: string[], cwd?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, timeout: 60_000, maxBuffer: 8 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : -1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) || (err && code === -1 ? err.message : '') });
    });
  });
}

/** Finds rustc ($RUSTC, else on PATH) and its version; says why not when it cannot run. */
export async function findRustc(rustc = process.env.RUSTC || 'rustc'): Promise<RustcStatus> {
  const r = await run(rustc, ['--version']);
  if (r.code !== 0) return { ok: false, reason: `"${rustc} --version" failed (${(r.stderr || r.stdout).trim().split('\n')[0] || `exit ${r.code}`}); install Rust with rustup to compile the lessons' Rust` };
  return { ok: true, rustc, version: r.stdout.trim() };
}

/** What rustc printed: its diagnostics' first lines, in order, and whether it succeeded. */
export interface Compiled {
  ok: boolean;
  diagnostics: Diagnostic[];
  output: string;
}

/** Compiles one program (a binary when it has `fn main`, else a library), checking only (no code generated). */
export async function compile(program: string, edition: Edition, rustc: string): Promise<Compiled> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ticklab-rust-'));
  try {
    const bin = /\bfn\s+main\s*\(/.test(program);
    const src = bin ? 'src/main.rs' : 'src/lib.rs';
    mkdirSync(path.join(dir, 'src'));
    writeFileSync(path.join(dir, src), program);
    const r = await run(rustc, ['--edition', edition, '--crate-type', bin ? 'bin' : 'lib', '--crate-name', 'lesson', '--emit=metadata', '--color=never', '-o', 'out.rmeta', src], dir);
    // The summary lines ("aborting due to ...", "1 warning emitted") are not diagnostics.
    const diagnostics = r.stderr
      .split('\n')
      .filter((l) => !/^error: aborting due to|^(warning|error): \d+ (warning|error)s? emitted/.test(l))
      .map(parseDiagnostic)
      .filter((d): d is Diagnostic => d !== undefined);
    return { ok: r.code === 0, diagnostics, output: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What is wrong with a block given what rustc said, or undefined when the lesson and rustc agree. */
export function judge(block: RustBlock, compiled: Compiled): string | undefined {
  const where = `${block.file}:${block.line}`;
  const firstError = compiled.diagnostics.find((d) => d.level === 'error');
  const shown = block.shown;
  if (shown?.level === 'error' && !block.info.compileFail) return `${where}: the lesson shows an error (${block.file}:${shown.at}) but the fence is not marked compile_fail`;
  if (block.info.compileFail) {
    if (compiled.ok || !firstError) return `${where}: marked compile_fail but rustc compiles it`;
    if (block.info.code && firstError.code !== block.info.code) return `${where}: marked ${block.info.code} but rustc's first error is ${firstError.code ?? 'without a code'}: ${firstError.line}`;
    if (shown?.level === 'error' && shown.line !== firstError.line) return `${where}: the lesson shows (line ${shown.at})\n    ${shown.line}\n  rustc says\n    ${firstError.line}`;
    return undefined;
  }
  if (!compiled.ok) return `${where}: does not compile: ${firstError?.line ?? compiled.output.trim().split('\n')[0]}`;
  if (shown?.level === 'warning') {
    const warning = compiled.diagnostics.find((d) => d.level === 'warning');
    if (!warning) return `${where}: the lesson shows a warning (line ${shown.at}) but rustc gives none`;
    if (warning.line !== shown.line) return `${where}: the lesson shows (line ${shown.at})\n    ${shown.line}\n  rustc's first warning is\n    ${warning.line}`;
  }
  return undefined;
}

/** One block's outcome. */
export interface BlockResult {
  block: RustBlock;
  /** Why it was not compiled. */
  skipped?: string;
  problem?: string;
}

/** Compiles every block, two at a time (the machine is shared), and judges each. */
export async function checkBlocks(blocks: readonly RustBlock[], wrappersDir: string, rustc: string, jobs = 2): Promise<BlockResult[]> {
  const results: BlockResult[] = new Array(blocks.length);
  let next = 0;
  const worker = async () => {
    while (next < blocks.length) {
      const i = next++;
      const block = blocks[i]!;
      if (block.info.ignore !== undefined) {
        results[i] = { block, skipped: block.info.ignore };
        continue;
      }
      const compiled = await compile(programOf(block, wrappersDir), block.info.edition, rustc);
      const problem = judge(block, compiled);
      results[i] = problem ? { block, problem } : { block };
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
  return results;
}

/** The Rust Playground's address that opens `program` (edition as compiled here). */
export function playgroundUrl(program: string, edition: Edition = DEFAULT_EDITION): string {
  return `https://play.rust-lang.org/?version=stable&mode=debug&edition=${edition}&code=${encodeURIComponent(program)}`;
}
