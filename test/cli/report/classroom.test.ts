/**
 * The workflows in docs/ that instructors copy: each is valid YAML, runs only commands and
 * flags ticklab has, and (for GitHub Classroom) hands the grading step's `result` output to
 * the reporter under the variable its `runners` input names (<RUNNER>_RESULTS).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers.ts';
import { loadYaml } from './yaml.ts';

type Step = { id?: string; uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, unknown> };
type Workflow = { on: unknown; permissions?: Record<string, string>; jobs: Record<string, { steps: Step[] }> };

const workflow = (file: string) => loadYaml(readFileSync(path.join(REPO, file), 'utf8')) as Workflow;

/** Every `ticklab.mjs <command> ...` line of a workflow, as its words (GitHub's ${{ }} expressions made concrete). */
function ticklabCalls(w: Workflow): string[][] {
  return Object.values(w.jobs)
    .flatMap((j) => j.steps)
    .flatMap((s) => (s.run ?? '').split(/&&|\|\||\n/))
    .filter((line) => line.includes('cli/bin/ticklab.mjs'))
    .map((line) =>
      line
        .replace(/\$\{\{\s*matrix\.shard\s*\}\}/g, '1')
        .replace(/"[^"]*"/g, 'FILE')
        .replace(/>.*$/, '')
        .replace(/\$EXERCISES/g, '')
        .trim()
        .split(/\s+/)
        .slice(2),
    );
}

/** The flags `ticklab <command> --help` lists. */
async function flagsOf(command: string): Promise<Set<string>> {
  const run = await runCli([command, '--help'], { root: REPO });
  return new Set(run.stdout.match(/--[a-z][a-z-]*/g) ?? []);
}

describe('docs/github-classroom/classroom.yml', () => {
  const w = workflow('docs/github-classroom/classroom.yml');
  const steps = Object.values(w.jobs)[0]!.steps;

  it('passes the grading step\'s output to the reporter under the runner\'s name', () => {
    const reporter = steps.find((s) => s.uses?.includes('autograding-grading-reporter'))!;
    expect(reporter).toBeDefined();
    const runners = String(reporter.with!.runners).split(',').map((r) => r.trim());
    for (const runner of runners) {
      const step = steps.find((s) => s.id === runner)!;
      expect(step.run).toContain('>> "$GITHUB_OUTPUT"');
      expect(step.run).toMatch(/echo "result=/);
      expect(reporter.env![`${runner.toUpperCase()}_RESULTS`]).toBe(`\${{ steps.${runner}.outputs.result }}`);
    }
    expect(w.permissions).toMatchObject({ checks: 'write' });
  });

  it('calls ticklab grade with flags it has', async () => {
    const calls = ticklabCalls(w);
    expect(calls.map((c) => c[0])).toEqual(['grade']);
    const flags = await flagsOf('grade');
    for (const flag of calls.flat().filter((x) => x.startsWith('--'))) expect(flags, flag).toContain(flag);
    expect(calls[0]).toContain('--classroom');
  });
});

describe('docs/ci/grade-class.yml', () => {
  const w = workflow('docs/ci/grade-class.yml');

  it('grades four shards and merges them with ticklab report, with flags ticklab has', async () => {
    expect((w.jobs.grade as unknown as { strategy: { matrix: { shard: number[] } } }).strategy.matrix.shard).toEqual([1, 2, 3, 4]);
    const calls = ticklabCalls(w);
    expect(calls.map((c) => c[0])).toEqual(['grade', 'report', 'report']);
    expect(calls[0]).toEqual(expect.arrayContaining(['--submissions', '--shard', '1/4', '--json']));
    const flags = { grade: await flagsOf('grade'), report: await flagsOf('report') };
    for (const call of calls) for (const flag of call.filter((x) => x.startsWith('--'))) expect(flags[call[0] as 'grade' | 'report'], flag).toContain(flag);
  });
});
