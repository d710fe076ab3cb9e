import { z } from 'zod';
import { CONSOLE_LEVELS } from './console-capture.ts';

/**
 * One results schema for every grader: `ticklab grade --json`, JUnit and CSV
 * reports, and the browser's runner all produce and read these objects.
 */

/** Outcome of one test: `timeout` is the test that was running when the time limit struck. */
export const testStatusSchema = z.enum(['pass', 'fail', 'skip', 'timeout']);

export const testResultSchema = z
  .object({
    name: z.string().describe('The test\'s full name: its describe blocks and its own name, joined by " > ".'),
    status: testStatusSchema,
    message: z.string().optional().describe('Why it failed: the assertion\'s message, or the error thrown.'),
    durationMs: z.number().nonnegative().describe('Time the test took, in milliseconds.'),
  })
  .strict();

/** Outcome of a whole exercise. `error`: the code could not be graded (syntax, types, imports, crash, memory). */
export const exerciseStatusSchema = z.enum(['pass', 'fail', 'error', 'timeout']);

/** What went wrong before or around the tests, with the place where known. */
export const problemSchema = z
  .object({
    kind: z
      .enum(['missing', 'submission', 'syntax', 'type', 'import', 'load', 'runtime', 'timeout', 'memory', 'crash', 'no-tests', 'report'])
      .describe(
        '`submission`: the file cannot be graded as given (a symbolic link, a pipe, too large); `report`: the run\'s report broke the protocol (forged, missing, extra, repeated or early), so nothing it said is trusted.',
      ),
    message: z.string(),
    file: z.string().optional().describe('The file at fault, relative to the exercise folder or the class folder.'),
    line: z.number().int().positive().optional(),
    column: z.number().int().positive().optional(),
  })
  .strict();

/** One line the student's code or the tests printed, as grading/console-capture.ts keeps it. */
export const consoleEntrySchema = z
  .object({
    level: z.enum(CONSOLE_LEVELS),
    text: z.string().describe('The console call\'s arguments, formatted as Node prints them (grading/console-format.ts).'),
    test: z.string().optional().describe('The test that was running ("suite > test"), when one was.'),
    truncated: z.literal(true).optional().describe('Set on the one entry that says the output was cut here.'),
  })
  .strict();

export const exerciseResultSchema = z
  .object({
    exercise: z.string().describe('The exercise\'s slug.'),
    student: z.string().optional().describe('The student\'s folder name, when grading a class.'),
    status: exerciseStatusSchema,
    durationMs: z.number().nonnegative(),
    tests: z.array(testResultSchema),
    problems: z.array(problemSchema).describe('Errors that stopped or cut short the grading; empty on a clean run.'),
    output: z.string().optional().describe('What the code printed while it was graded (console), cut to its last 4 KiB.'),
    console: z
      .array(consoleEntrySchema)
      .optional()
      .describe('The console, line by line, each tagged with its test and capped as the page\'s console pane caps it (500 lines, 20,000 characters); the Node sandbox only.'),
    containment: z
      .enum(['bubblewrap', 'node-permissions', 'browser-worker'])
      .optional()
      .describe('How the run was contained on the machine: `bubblewrap` (namespaces, no network, kernel limits) or, where bwrap is absent, `node-permissions` (Node\'s permission model only).'),
  })
  .strict();

/**
 * The version of this results format. Raised whenever a field changes meaning or is
 * removed (adding an optional field does not), so that a class's old reports stay
 * readable: a reader checks it before trusting the rest.
 */
export const RESULTS_SCHEMA_VERSION = 1;

/** `ticklab grade --json`: one report object on standard output. */
export const gradeReportSchema = z
  .object({
    schemaVersion: z.literal(RESULTS_SCHEMA_VERSION).describe('The version of this results format (see RESULTS_SCHEMA_VERSION).'),
    tool: z.literal('ticklab'),
    version: z.string(),
    createdAt: z.string().describe('ISO 8601 time the report was made.'),
    results: z.array(exerciseResultSchema),
    summary: z
      .object({ total: z.number().int(), pass: z.number().int(), fail: z.number().int(), error: z.number().int(), timeout: z.number().int() })
      .strict(),
  })
  .strict();

export type TestStatus = z.infer<typeof testStatusSchema>;
export type TestResult = z.infer<typeof testResultSchema>;
export type ExerciseStatus = z.infer<typeof exerciseStatusSchema>;
export type Problem = z.infer<typeof problemSchema>;
export type ConsoleLine = z.infer<typeof consoleEntrySchema>;
export type ExerciseResult = z.infer<typeof exerciseResultSchema>;
export type GradeReport = z.infer<typeof gradeReportSchema>;

/** A grade report over `results`, made by the given version of the grader. */
export function makeReport(results: ExerciseResult[], version: string): GradeReport {
  return { schemaVersion: RESULTS_SCHEMA_VERSION, tool: 'ticklab', version, createdAt: new Date().toISOString(), results, summary: summarize(results) };
}

/** Counts results by status, for a report's summary line. */
export function summarize(results: readonly ExerciseResult[]): GradeReport['summary'] {
  const summary = { total: results.length, pass: 0, fail: 0, error: 0, timeout: 0 };
  for (const r of results) summary[r.status] += 1;
  return summary;
}
