/**
 * `ticklab report DIR|report.json ... [--html FILE] [--json] [--anonymous]`: what a class got
 * wrong, from its grade reports (one run, or the shards of one, merged) and the students'
 * exported progress files. Points come from the course's meta.json, as in `ticklab grade`.
 */
import { writeFileSync } from 'node:fs';
import pc from 'picocolors';
import { exerciseLabel, loadCatalog } from '../catalog.ts';
import { EXERCISE_FILES } from '../../grading/exercise-format.ts';
import { anonymise } from '../report/anonymise.ts';
import { classReport, type ClassReport } from '../report/class-report.ts';
import { toHtml } from '../report/html.ts';
import { loadClass } from '../report/load.ts';
import { rulesFromMeta, unknownWeights } from '../report/points.ts';
import { formatClassReport } from '../report/tables.ts';

export interface ReportOptions {
  html?: string;
  json?: boolean;
  anonymous?: boolean;
}

/** Reads, merges and analyses; `warn` hears about skipped files and meta.json weights that match no test. */
export function buildClassReport(inputs: readonly string[], options: { anonymous?: boolean; warn?: (line: string) => void } = {}): ClassReport {
  const warn = options.warn ?? (() => {});
  const loaded = loadClass(inputs);
  for (const w of loaded.warnings) warn(w);
  const catalog = loadCatalog();
  const rules = new Map(catalog.exercises.map((e) => [e.slug, rulesFromMeta(e.meta)]));
  for (const [slug, r] of rules) {
    for (const name of unknownWeights(r, loaded.results.filter((x) => x.exercise === slug))) warn(`${exerciseLabel(slug, EXERCISE_FILES.meta)} (testWeights): "${name}" matches no test in the results`);
  }
  const data = options.anonymous ? anonymise(loaded) : loaded;
  return classReport(data, catalog.quizzes, { rules, order: catalog.exercises.map((e) => e.slug) });
}

export function reportCommand(inputs: string[], opts: ReportOptions): number {
  const warn = (line: string) => process.stderr.write(pc.yellow(`warning: ${line}\n`));
  const report = buildClassReport(inputs, { ...(opts.anonymous ? { anonymous: true } : {}), warn });
  if (opts.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else process.stdout.write(formatClassReport(report));
  if (opts.html) {
    writeFileSync(opts.html, toHtml(report, { anonymous: Boolean(opts.anonymous) }));
    process.stderr.write(`Wrote ${opts.html}.\n`);
  }
  return 0;
}
