/**
 * A student doing the exercise of the lesson the course's end-to-end tests walk
 * (ownership/borrowing embeds borrow-tracker): the page first shows the starting code
 * highlighted and loads neither the editor nor the runner; the student types the solution
 * into Monaco, presses Ctrl+Enter and sees every test pass; types an endless loop and sees
 * "timed out after 10 s in <test>" while the page keeps answering; types a syntax error
 * and sees it at its line, marked in the editor; reloads and finds the code and the hints
 * revealed; resets (with a confirmation) and takes it back; after a first run, opens the
 * solution beside the code in a diff editor. And an exercise that needs SharedArrayBuffer, on a host that
 * sends no isolation headers: the service worker (coi-serviceworker) isolates the page,
 * and without service workers the page says why the exercise cannot run there.
 */
import { createReadStream, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type * as Monaco from 'monaco-editor';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DIST, REPO, useBrowserAndSite } from './harness.ts';

const LESSON = '/ownership/borrowing/';
const SLUG = 'borrow-tracker';
const solution = readFileSync(path.join(REPO, 'exercises', SLUG, 'solution.ts'), 'utf8');
const starter = readFileSync(path.join(REPO, 'exercises', SLUG, 'exercise.ts'), 'utf8');
const timeLimitMs = (JSON.parse(readFileSync(path.join(REPO, 'exercises', SLUG, 'meta.json'), 'utf8')) as { timeLimitMs: number }).timeLimitMs;

const e2e = useBrowserAndSite();


/** A fresh student (empty storage), optionally preferring the plain editor. */
async function student(editor: 'monaco' | 'plain' = 'monaco', viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page; exercise: Locator }> {
  const context = await e2e.browser.newContext({ viewport });
  await context.addInitScript((kind) => {
    if (!localStorage.getItem('ticklab-editor')) localStorage.setItem('ticklab-editor', kind);
    // Monaco's own switch for a global `monaco` (off by default in its ESM build), read once
    // when it loads: the tests read the student's editor through Monaco's API.
    (self as { MonacoEnvironment?: Monaco.Environment }).MonacoEnvironment = { globalAPI: true };
  }, editor);
  const page = await context.newPage();
  await page.goto(e2e.url + LESSON);
  return { context, page, exercise: page.locator(`[data-exercise="${SLUG}"]`) };
}

const runStatus = (exercise: Locator) => exercise.locator('[data-run-status]');

/** Presses Run (or Ctrl+Enter) and waits for the verdict. */
async function runAndWait(exercise: Locator, how: 'button' | 'keys', timeout = 120_000): Promise<string> {
  const status = runStatus(exercise);
  if (how === 'button') await exercise.getByRole('button', { name: 'Run tests' }).click();
  else await exercise.page().keyboard.press('Control+Enter');
  await expect.poll(() => exercise.getByRole('button', { name: 'Stop' }).count(), { timeout: 10_000 }).toBe(1);
  await expect.poll(() => exercise.getByRole('button', { name: 'Run tests' }).count(), { timeout }).toBe(1);
  return (await status.textContent()) ?? '';
}

/** What the student's editor holds: the text area's value, or the value of the Monaco editor in the exercise that is not part of the solution's diff. */
const editorValue = (exercise: Locator) =>
  exercise.evaluate((el) => {
    if ((el as HTMLElement).dataset.editor === 'plain') return el.querySelector<HTMLTextAreaElement>('[data-code] textarea')?.value;
    const monaco = (globalThis as { monaco?: typeof Monaco }).monaco;
    const mine = monaco?.editor.getEditors().find((e) => el.contains(e.getContainerDomNode()) && !e.getContainerDomNode().closest('.monaco-diff-editor'));
    return mine?.getValue();
  });

async function typeInMonaco(page: Page, exercise: Locator, code: string): Promise<void> {
  await exercise.getByRole('button', { name: 'Edit code' }).click();
  // Monaco takes keys through an EditContext (or, in older browsers, a hidden textarea): click into its text.
  const lines = exercise.locator('.monaco-editor .view-lines').first();
  await lines.waitFor({ timeout: 60_000 });
  await lines.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // Pasted, as a student brings in code: typed keys would get Monaco's comment continuation and auto-indent.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.url });
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.keyboard.press('Control+V');
  await expect.poll(() => editorValue(exercise), { timeout: 10_000 }).toBe(code);
}

describe(`the ${SLUG} exercise in its lesson`, () => {
  it('shows the starting code highlighted, loads no editor before any interaction, and warms the runner only once the exercise is in view', async () => {
    // A phone: one column, the exercise far below the top of the lesson.
    const { context, page, exercise } = await student('monaco', { width: 390, height: 844 });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(await exercise.locator('[data-starter-view] pre.astro-code').count(), 'the highlighted starting code').toBe(1);
    expect(await exercise.locator('[data-starter-view]').textContent(), 'the starting code shown').toContain('export class BorrowCell<T>');
    expect(await exercise.locator('.exercise-instructions li').count(), 'the instructions\' rules').toBeGreaterThanOrEqual(3);
    expect(requests.filter((u) => /\/runner\/|monaco/.test(u)), 'editor or runner files fetched on load').toEqual([]);
    expect(await exercise.locator('.monaco-editor, textarea').count(), 'an editor before any interaction').toBe(0);
    // In view: the compiler and a grading worker load in idle time, before any Run; still no editor, no code run.
    await exercise.scrollIntoViewIfNeeded();
    await expect.poll(() => requests.filter((u) => /\/runner\/(check-)?worker\.js/.test(u)).length, { timeout: 20_000 }).toBe(2);
    expect(requests.filter((u) => /monaco/.test(u)), 'editor files once in view').toEqual([]);
    expect(await exercise.locator('[data-results] ol.tests').count(), 'test results without a Run').toBe(0);
    await context.close();
  });

  it('grades the typed solution: Ctrl+Enter, every test passes', async () => {
    const { context, page, exercise } = await student('monaco');
    await typeInMonaco(page, exercise, solution);
    const verdict = await runAndWait(exercise, 'keys');
    expect(verdict, 'the verdict').toMatch(/^All \d+ tests pass\.$/);
    const tests = exercise.locator('[data-results] ol.tests > li');
    expect(await tests.count(), 'tests shown').toBeGreaterThan(5);
    expect(await exercise.locator('[data-results] ol.tests > li:not([data-status="pass"])').count(), 'tests not passing').toBe(0);
    await context.close();
  });

  it('shows each failing test with the assertion\'s expected and received values', async () => {
    const { context, exercise } = await student('plain');
    const verdict = await runAndWait(exercise, 'button');
    expect(verdict, 'the starting file\'s verdict').toMatch(/^\d+ of \d+ tests failed\.$/);
    const failed = exercise.locator('[data-results] li[data-status="fail"]').first();
    expect(await failed.locator('.test-name').textContent(), 'a failing test\'s name').toMatch(/ > /);
    expect(await failed.locator('pre').textContent(), 'its message').toMatch(/expected .+ to (be|equal)/i);
    await context.close();
  });

  it('stops an endless loop at the time limit, names the test, and the page answers clicks meanwhile', async () => {
    const { context, page, exercise } = await student('plain');
    await exercise.getByRole('button', { name: 'Edit code' }).click();
    const looping = solution.replace(/get readers\(\): number \{/, 'get readers(): number {\n    for (;;) {}');
    expect(looping, 'the loop was put in').not.toBe(solution);
    await exercise.locator('textarea').fill(looping);
    await exercise.getByRole('button', { name: 'Run tests' }).click();
    await expect.poll(() => runStatus(exercise).textContent(), { timeout: 60_000 }).toMatch(/^Running: /);
    // While the worker spins, the page still does what the student asks.
    const started = Date.now();
    await exercise.getByRole('button', { name: /Show a hint/ }).click();
    expect(await exercise.locator('[data-hint-list] li:not([hidden])').count(), 'hints shown after the click').toBe(1);
    expect(Date.now() - started, 'ms to answer a click during the run').toBeLessThan(2_000);
    await expect.poll(() => exercise.getByRole('button', { name: 'Run tests' }).count(), { timeout: timeLimitMs + 60_000 }).toBe(1);
    const verdict = (await runStatus(exercise).textContent()) ?? '';
    expect(verdict, 'the time-out').toMatch(new RegExp(`^Timed out after ${timeLimitMs / 1000} s in "[^"]+"`));
    expect(await exercise.locator('[data-results] li[data-status="timeout"]').count(), 'the test that was running').toBe(1);
    expect(await page.evaluate(() => 6 * 7), 'the page evaluates').toBe(42);
    await context.close();
  });

  it('shows a syntax error at its line, in the results and as a marker in the editor', async () => {
    const { context, page, exercise } = await student('monaco');
    const lines = solution.split('\n');
    const at = lines.findIndex((l) => l.includes('get readers()'));
    lines.splice(at + 1, 0, '    return (1 + ;');
    await typeInMonaco(page, exercise, lines.join('\n'));
    const verdict = await runAndWait(exercise, 'button');
    expect(verdict, 'the verdict').toMatch(/does not parse/);
    const problem = exercise.locator('[data-results] li[data-kind="syntax"]').first();
    expect(await problem.textContent(), 'the syntax error\'s place').toContain(`exercise.ts, line ${at + 2}`);
    // "Go to line" brings the line into view, where Monaco draws the marker under it.
    await problem.getByRole('button', { name: `Go to line ${at + 2}` }).click();
    await expect.poll(() => exercise.locator('.monaco-editor .squiggly-error').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await context.close();
  });

  it('keeps the code and the revealed hints across a reload, and says when the last run never finished', async () => {
    const { context, page, exercise } = await student('plain');
    await exercise.getByRole('button', { name: 'Edit code' }).click();
    const mine = `${starter}\n// my notes: readers count up, the writer is a flag\n`;
    await exercise.locator('textarea').fill(mine);
    await exercise.getByRole('button', { name: /Show a hint \(1 of/ }).click();
    await exercise.getByRole('button', { name: /Show a hint \(2 of/ }).click();
    await page.waitForTimeout(800); // the code is saved a moment after the last keystroke
    await page.reload();
    await expect.poll(() => exercise.locator('pre.saved-code').textContent(), { timeout: 10_000 }).toBe(mine);
    expect(await exercise.locator('[data-hint-list] li:not([hidden])').count(), 'hints shown after the reload').toBe(2);
    await exercise.getByRole('button', { name: 'Edit code' }).click();
    expect(await exercise.locator('textarea').inputValue(), 'the code in the editor after the reload').toBe(mine);

    // A run that takes the tab down leaves `running` set: the next load explains it.
    await exercise.locator('textarea').fill(solution.replace(/get readers\(\): number \{/, 'get readers(): number {\n    for (;;) {}'));
    await exercise.getByRole('button', { name: 'Run tests' }).click();
    await expect.poll(() => runStatus(exercise).textContent(), { timeout: 60_000 }).toMatch(/^Running: /);
    await page.reload();
    await expect.poll(() => exercise.locator('[data-notice]').textContent(), { timeout: 10_000 }).toMatch(/did not finish.*Your code is kept/);
    await context.close();
  });

  it('resets to the starting file only after asking, and takes the reset back', async () => {
    const { context, exercise } = await student('plain');
    await exercise.getByRole('button', { name: 'Edit code' }).click();
    const mine = `${starter}\n// mine\n`;
    await exercise.locator('textarea').fill(mine);
    await exercise.getByRole('button', { name: 'Reset…' }).click();
    const dialog = exercise.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Keep my code' }).click();
    expect(await exercise.locator('textarea').inputValue(), 'the code after "keep"').toBe(mine);
    await exercise.getByRole('button', { name: 'Reset…' }).click();
    await dialog.getByRole('button', { name: 'Reset my code' }).click();
    await expect.poll(() => exercise.locator('textarea').inputValue()).toBe(starter);
    await exercise.getByRole('button', { name: 'Undo reset' }).click();
    await expect.poll(() => exercise.locator('textarea').inputValue()).toBe(mine);
    await context.close();
  });

  it('shows the solution only after a first run and when asked, beside the student\'s code, without changing it', async () => {
    const { context, page, exercise } = await student('monaco');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const locked = exercise.getByRole('button', { name: 'Show solution (after your first run)' });
    expect(await locked.getAttribute('aria-disabled'), 'the solution before a first run').toBe('true');
    // Focusable (aria-disabled, not disabled), so a keyboard or screen reader user finds it and hears why.
    await locked.focus();
    await page.keyboard.press('Enter');
    expect(await exercise.locator('[data-solution]').isHidden(), 'the solution panel after clicking the locked button').toBe(true);
    expect(await runStatus(exercise).textContent(), 'why it stays shut').toMatch(/opens after your first run/);
    await runAndWait(exercise, 'button');
    expect(await exercise.locator('.monaco-diff-editor').count(), 'a diff editor before asking').toBe(0);
    await exercise.getByRole('button', { name: 'Show solution', exact: true }).click();
    await exercise.locator('.monaco-diff-editor').waitFor({ timeout: 60_000 });
    expect(await exercise.getByRole('button', { name: 'Hide solution' }).getAttribute('aria-expanded'), 'the toggle\'s state').toBe('true');
    expect(await editorValue(exercise), 'the student\'s code while the solution shows').toBe(starter);
    await exercise.getByRole('button', { name: 'Hide solution' }).click();
    expect(await exercise.locator('.monaco-diff-editor').count(), 'the diff editor after hiding').toBe(0);
    // Show, hide, show again at once: once threw "no diff result available" (models disposed mid-diff).
    await exercise.getByRole('button', { name: 'Show solution', exact: true }).click();
    await exercise.getByRole('button', { name: 'Hide solution' }).click();
    await exercise.getByRole('button', { name: 'Show solution', exact: true }).click();
    await exercise.locator('.monaco-diff-editor').waitFor({ timeout: 30_000 });
    await expect.poll(() => exercise.locator('.monaco-diff-editor .line-insert, .monaco-diff-editor .char-insert').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(errors, 'uncaught errors in the page').toEqual([]);
    await context.close();
  });
});

/** The built site from a host that sends no headers (a plain static host): not cross-origin isolated by itself. */
async function serveWithoutHeaders(): Promise<{ url: string; close(): Promise<void> }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    let file = path.join(DIST, path.normalize(pathname));
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!file.startsWith(DIST) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/** A built page embedding an exercise that needs SharedArrayBuffer: its URL path and the exercise's slug. */
function pageNeedingIsolation(): { url: string; slug: string } | undefined {
  const pages = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? pages(path.join(dir, e.name)) : e.name === 'index.html' ? [path.join(dir, e.name)] : []));
  for (const file of pages(DIST)) {
    const m = /data-exercise="([a-z0-9-]+)"[^>]*data-needs-isolation="true"/.exec(readFileSync(file, 'utf8'));
    if (m) return { url: `/${path.relative(DIST, path.dirname(file))}/`, slug: m[1]! };
  }
  return undefined;
}

describe('an exercise that needs SharedArrayBuffer, on a host that sends no isolation headers', () => {
  const found = pageNeedingIsolation();
  const LAB = found?.url ?? '/';
  const NEEDS_SAB = found?.slug ?? '';

  it.skipIf(!found)('is made cross-origin isolated by the service worker; without service workers, the page says why it cannot run', async () => {
    const plain = await serveWithoutHeaders();
    try {
      const withWorker = await e2e.browser.newContext({ serviceWorkers: 'allow' });
      const page = await withWorker.newPage();
      await page.goto(plain.url + LAB);
      await expect.poll(() => page.evaluate(() => crossOriginIsolated).catch(() => false), { timeout: 20_000 }).toBe(true);
      expect(await page.locator(`[data-exercise="${NEEDS_SAB}"] [data-action="run"]`).isDisabled(), 'Run with the service worker').toBe(false);
      await withWorker.close();

      const without = await e2e.browser.newContext({ serviceWorkers: 'block' });
      const blocked = await without.newPage();
      await blocked.goto(plain.url + LAB);
      const exercise = blocked.locator(`[data-exercise="${NEEDS_SAB}"]`);
      await expect.poll(() => exercise.locator('[data-notice]').textContent(), { timeout: 10_000 }).toMatch(/SharedArrayBuffer.*cross-origin-isolated.*ticklab/);
      expect(await exercise.locator('[data-action="run"]').isDisabled(), 'Run without isolation').toBe(true);
      await without.close();
    } finally {
      await plain.close();
    }
  });
});
