/**
 * Progress moves with a file: answer in the lesson, export from the home page, clear
 * everything, import the file again (the page asks first), and find the answers back;
 * a file written elsewhere (another browser, `ticklab progress export`) shows its
 * exercise statuses on the exercises page; a bad file changes nothing and says why.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserAndSite } from './harness.ts';
import { progressFileSchema } from '../../content/schemas/progress.ts';
import { tempDir } from '../temp-dir.ts';

const e2e = useBrowserAndSite();


async function answerFirstQuestion(page: Page) {
  await page.goto(e2e.url + '/ownership/borrowing/');
  const quiz = page.locator('section.quiz[data-quiz="ownership-borrowing"]');
  await expect.poll(() => quiz.getAttribute('data-ready'), { timeout: 10_000 }).toBe('true');
  const q1 = quiz.locator('form[data-question="e0502-push-while-reading"]');
  await q1.getByLabel(/needs an exclusive borrow/).check();
  await q1.getByRole('button', { name: 'Check answer' }).click();
  await expect.poll(() => q1.locator('[data-feedback]').textContent()).toContain('Right.');
}

async function quizFeedback(page: Page) {
  await page.goto(e2e.url + '/ownership/borrowing/');
  const quiz = page.locator('section.quiz[data-quiz="ownership-borrowing"]');
  await expect.poll(() => quiz.getAttribute('data-ready'), { timeout: 10_000 }).toBe('true');
  return quiz.locator('form[data-question="e0502-push-while-reading"] [data-feedback]').textContent();
}

const result = (page: Page) => page.locator('[data-progress-tools] [data-result]').textContent();

describe('progress as a file', () => {
  it('exports, clears and imports, asking before it replaces or forgets anything', async () => {
    const dir = tempDir('ticklab-e2e-progress-');
    const context = await e2e.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await answerFirstQuestion(page);

    await page.goto(e2e.url + '/');
    await expect.poll(() => page.locator('[data-progress-summary]').textContent()).toContain('1 of ');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^ticklab-progress-\d{4}-\d\d-\d\d\.json$/);
    const file = path.join(dir, 'progress.json');
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(progressFileSchema.safeParse(exported).success, 'the file matches the shared schema').toBe(true);
    expect(exported.quizzes['ownership-borrowing']['e0502-push-while-reading']).toMatchObject({ answer: [0], right: true, attempts: 1 });

    // Clearing asks; dismissing keeps everything.
    page.once('dialog', (d) => void d.dismiss());
    await page.getByRole('button', { name: 'Clear all progress…' }).click();
    expect(await quizFeedback(page)).toContain('Right.');

    await page.goto(e2e.url + '/');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Clear all progress…' }).click();
    await expect.poll(() => result(page)).toContain('cleared');
    expect(await quizFeedback(page), 'nothing left after clearing').toBe('');

    await page.goto(e2e.url + '/');
    let asked = '';
    page.once('dialog', (d) => {
      asked = d.message();
      void d.accept();
    });
    await page.getByLabel('Import progress…').setInputFiles(file);
    await expect.poll(() => result(page)).toContain('Imported 1 entry from progress.json.');
    expect(asked).toContain('Import progress.json?');
    expect(await quizFeedback(page), 'the answer is back').toContain('Right.');
    await context.close();
  });

  it('asks before replacing saved code, shows imported statuses, and refuses a file that is not progress', async () => {
    const dir = tempDir('ticklab-e2e-progress-');
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    const from = (name: string, content: unknown) => {
      const file = path.join(dir, name);
      writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
      return file;
    };
    const progress = {
      format: 'ticklab-progress',
      version: 1,
      exportedAt: new Date().toISOString(),
      exercises: { 'borrow-tracker': { code: 'export const mine = 1;\n', status: 'pass', hintsShown: 1, runs: 3 } },
      quizzes: { 'ownership-borrowing': { 'refcell-panics': { right: true } } },
    };
    await page.goto(e2e.url + '/');
    page.once('dialog', (d) => void d.accept());
    await page.getByLabel('Import progress…').setInputFiles(from('first.json', progress));
    await expect.poll(() => result(page)).toContain('Imported 2 entries from first.json.');

    await page.goto(e2e.url + '/exercises/');
    const status = page.locator('tr[data-slug="borrow-tracker"] [data-exercise-status]');
    await expect.poll(() => status.textContent()).toBe('passed');

    // A second import would replace the code saved for borrow-tracker: the question says so; "no" keeps it.
    await page.goto(e2e.url + '/');
    let asked = '';
    page.once('dialog', (d) => {
      asked = d.message();
      void d.dismiss();
    });
    await page.getByLabel('Import progress…').setInputFiles(from('second.json', { ...progress, exercises: { 'borrow-tracker': { status: 'fail', hintsShown: 0 } } }));
    await expect.poll(() => result(page)).toContain('Import cancelled; nothing changed.');
    expect(asked).toContain('replaces what this browser has saved for borrow-tracker');

    await page.getByLabel('Import progress…').setInputFiles(from('other.json', { format: 'something-else', version: 1 }));
    await expect.poll(() => result(page)).toContain('Nothing was imported: not a TickLab progress file');
    await page.getByLabel('Import progress…').setInputFiles(from('broken.json', '{ not json'));
    await expect.poll(() => result(page)).toContain('broken.json is not a progress file');

    await page.goto(e2e.url + '/exercises/');
    await expect.poll(() => status.textContent(), { message: 'still passed' }).toBe('passed');
    // The quiz answer imported from the CLI (right, no options recorded) shows as answered in the terminal.
    await page.goto(e2e.url + '/ownership/borrowing/');
    const q2 = page.locator('form[data-question="refcell-panics"] [data-feedback]');
    await expect.poll(() => q2.textContent()).toContain('Answered right (in the terminal).');
    await context.close();
  });
});
