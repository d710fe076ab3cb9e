/**
 * `ticklab lab [name] [--json] [--quick] [--record]`: runs the course's labs (engine/labs/)
 * in Node, the same measuring code the lessons' `<Lab>` runs in the browser, and prints
 * each chart as a table (median and interquartile spread of the rounds per point), the
 * one-line reading, and a warning when the rounds disagree (a busy machine).
 *
 * - no name: every lab in turn;
 * - `--json`: one JSON result per line on standard output (progress on standard error);
 * - `--quick`: tiny sizes, to check that a lab runs;
 * - `--record`: writes the results as the reference figures `<Lab>` shows beside the
 *   student's, to `content/labs/reference.json` (schema content/schemas/lab-reference.ts);
 *   with a name, only that lab's entry is replaced. `--machine "..."` adds a note on the
 *   machine (a shared, loaded machine, for instance).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pc from 'picocolors';
import { LAB_NAMES, isLabName, loadLab, type LabChart, type LabName, type LabResult } from '../../engine/labs/index.ts';
import { labReferenceSchema, type LabReference } from '../../content/schemas/lab-reference.ts';
import { labResultSchema } from '../../content/schemas/lab.ts';
import { UsageError } from '../errors.ts';
import { courseRoot } from '../paths.ts';

export interface LabCommandOptions {
  json?: boolean;
  quick?: boolean;
  record?: boolean;
  /** A note on the machine for `--record`. */
  machine?: string;
  /** Where lines go (default: standard output). */
  out?: (line: string) => void;
  /** Where progress goes (default: standard error, rewritten in place on a terminal). */
  progress?: (line: string) => void;
}

/** `content/labs/reference.json` of the course. */
export function referenceFile(root = courseRoot()): string {
  return path.join(root, 'content', 'labs', 'reference.json');
}

function num(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  const a = Math.abs(x);
  if (a >= 1e6) return x.toExponential(2);
  if (a >= 100) return Math.round(x).toLocaleString('en-US');
  if (a >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

/** One chart as a text table: a row per x, a column per series, "median ±spread%". */
export function formatChart(chart: LabChart): string[] {
  const xs = [...new Set(chart.series.flatMap((s) => s.points.map((p) => p.x)))];
  const xLabel = (x: number) => chart.x.ticks?.find((t) => t.value === x)?.label ?? num(x);
  const head = [chart.x.label, ...chart.series.map((s) => s.label)];
  const rows = xs.map((x) => [
    xLabel(x),
    ...chart.series.map((s) => {
      const p = s.points.find((q) => q.x === x);
      return p ? `${num(p.median)} ±${Math.round(p.spread * 50)}%` : '';
    }),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => '  ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [
    `${chart.title} (${chart.y.label}, ${chart.y.unit}; ${chart.y.better} is better)`,
    line(head),
    ...rows.map(line),
  ];
}

/** A result as the terminal shows it. */
export function formatLabResult(r: LabResult): string[] {
  const lines = [pc.bold(`lab ${r.lab}: ${r.title}`) + (r.quick ? pc.dim(' (quick: sizes too small to read anything into)') : '')];
  for (const chart of r.charts) lines.push('', ...formatChart(chart));
  lines.push('', `${pc.bold('Reading:')} ${r.reading}`);
  if (r.busy) lines.push(pc.yellow(`Warning: ${r.busy}`));
  lines.push(pc.dim(`Medians of ${r.rounds} interleaved rounds; ± is half the interquartile range of the rounds, in % of the median.`));
  for (const note of r.notes.filter(Boolean)) lines.push(pc.dim(`- ${note}`));
  lines.push(pc.dim(`Measured on ${r.environment.agent}, ${r.environment.cores ?? '?'} cores.`));
  return lines;
}

/** The machine note of a recording: the CPU, cores, memory, Node, and the caller's note. */
export function machineNote(note: string | undefined): string {
  const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown CPU';
  const base = `${cpu}, ${os.availableParallelism()} logical cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
  // A note that already describes the hardware (a re-recording that passes the old description on) is not prefixed twice.
  if (!note) return base;
  return note.includes(cpu) ? note : `${base}. ${note}`;
}

function writeReference(results: LabResult[], opts: LabCommandOptions, command: string): string {
  const file = referenceFile();
  let labs: LabReference['labs'] = {};
  if (existsSync(file)) {
    const parsed = labReferenceSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) labs = parsed.data.labs;
  }
  for (const r of results) labs[r.lab] = r;
  const ordered = Object.fromEntries(LAB_NAMES.filter((n) => labs[n]).map((n) => [n, labs[n]]));
  const data = labReferenceSchema.parse({ recordedAt: new Date().toISOString(), machine: machineNote(opts.machine), command, labs: ordered });
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(data, null, 2) + '\n');
  renameSync(tmp, file);
  return file;
}

/** Runs the command; returns the exit code. */
export async function labCommand(name: string | undefined, opts: LabCommandOptions = {}): Promise<number> {
  if (name !== undefined && !isLabName(name)) throw new UsageError(`unknown lab "${name}": choose one of ${LAB_NAMES.join(', ')} (or none for all)`);
  if (opts.record && opts.quick) throw new UsageError('--record writes reference figures, which a --quick run does not measure: drop --quick');
  const names: LabName[] = name ? [name] : [...LAB_NAMES];
  const out = opts.out ?? ((line: string) => process.stdout.write(line + '\n'));
  const tty = !opts.progress && process.stderr.isTTY;
  const progress =
    opts.progress ??
    ((line: string) => (tty ? process.stderr.write(`\r\x1b[2K${line}`) : process.stderr.write(line + '\n')));
  const results: LabResult[] = [];
  for (const n of names) {
    const lab = await loadLab(n);
    progress(`lab ${n}: starting`);
    const result = await lab.run({
      quick: opts.quick ?? false,
      onProgress: (fraction, note) => progress(`lab ${n}: ${Math.round(fraction * 100)}% ${note}`),
    });
    if (tty) process.stderr.write('\r\x1b[2K');
    labResultSchema.parse(result);
    results.push(result);
    if (opts.json) out(JSON.stringify(result));
    else {
      for (const line of formatLabResult(result)) out(line);
      out('');
    }
  }
  if (opts.record) {
    const command = `ticklab lab${name ? ` ${name}` : ''} --record`;
    const file = writeReference(results, opts, command);
    (opts.json ? progress : out)(`recorded ${results.length} lab${results.length === 1 ? '' : 's'} in ${path.relative(process.cwd(), file) || file}`);
  }
  return 0;
}
