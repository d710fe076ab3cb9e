/**
 * A student on the lesson the course's end-to-end tests walk (ownership/borrowing):
 * answers its quiz wrong, reads why, retries, gets it right, reloads and finds the
 * answers (and the same option order) again; the theme follows the system until chosen,
 * then stays chosen; the page reads on a 360-px phone; the skip link works.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { quizSchema, type QuizQuestion } from '../../content/schemas/quiz.ts';
import { DIST, REPO, useBrowserAndSite } from './harness.ts';

const LESSON = '/ownership/borrowing/';
const e2e = useBrowserAndSite();


async function openLesson(page: Page) {
  await page.goto(e2e.url + LESSON);
  const quiz = page.locator('section.quiz[data-quiz="ownership-borrowing"]');
  await expect.poll(() => quiz.getAttribute('data-ready'), { timeout: 10_000 }).toBe('true');
  return quiz;
}

const optionOrder = (page: Page, question: string) =>
  page.locator(`form[data-question="${question}"] li[data-option]`).evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.option));

describe('the borrowing lesson', () => {
  it('has its title from the outline, its outcomes, a table of contents and the exercise', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(e2e.url + LESSON);
    expect(await page.locator('h1').textContent()).toBe('Shared and exclusive borrows');
    expect(await page.title()).toBe('Shared and exclusive borrows · TickLab');
    expect(await page.locator('.outcomes li').count()).toBeGreaterThanOrEqual(2);
    const toc = page.getByRole('navigation', { name: 'On this page' });
    await toc.getByRole('link', { name: 'What rustc says: E0502 and E0499' }).click();
    await page.waitForURL(/#what-rustc-says-e0502-and-e0499$/);
    expect(await page.locator('pre[data-language="text"]').first().textContent()).toContain('error[E0502]: cannot borrow `bids` as mutable because it is also borrowed as immutable');
    expect(await page.locator('[id="exercise-borrow-tracker"], [data-exercise="borrow-tracker"]').count(), 'the embedded exercise').toBeGreaterThan(0);
    // Previous and next lead to written lessons only (a lesson not yet written has no page).
    for (const href of await page.getByRole('navigation', { name: 'Lessons' }).getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
      expect((await page.request.get(e2e.url + href)).status(), `previous/next ${href}`).toBe(200);
    }
    await page.close();
  });

  it('takes the quiz: wrong, why, retry, right; a reload restores answers, score and option order', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    const quiz = await openLesson(page);
    const q1 = quiz.locator('form[data-question="e0502-push-while-reading"]');
    const feedback = q1.locator('[data-feedback]');

    await q1.getByLabel(/Two threads could touch/).check();
    await q1.getByRole('button', { name: 'Check answer' }).click();
    await expect.poll(() => feedback.textContent()).toContain('Not right yet');
    expect(await feedback.textContent()).toContain('Misconception: the rule holds in every function');
    const see = feedback.getByRole('link', { name: 'Read: Shared and exclusive borrows' });
    expect(await see.getAttribute('href')).toBe('/ownership/borrowing/#the-rule-many-readers-or-one-writer');
    expect(await feedback.textContent(), 'the answer is not given away after one wrong try').not.toContain('The full answer');

    await q1.getByLabel(/needs an exclusive borrow/).check();
    await q1.getByRole('button', { name: 'Check answer' }).click();
    await expect.poll(() => feedback.textContent()).toContain('Right.');
    expect(await feedback.textContent()).toContain('The full answer');
    expect(await quiz.locator('[data-quiz-score]').textContent()).toBe('Score: 1 of 3 right (1 answered).');

    const q2 = quiz.locator('form[data-question="refcell-panics"]');
    // Options by their index in the quiz file: 0 is `cell.borrow_mut()`, 1 is `bump(&cell)`, both right.
    await q2.locator('li[data-option="0"] input').check();
    await q2.locator('li[data-option="1"] input').check();
    await q2.getByRole('button', { name: 'Check answer' }).click();
    await expect.poll(() => q2.locator('[data-feedback]').textContent()).toContain('Right.');
    expect(await quiz.locator('[data-quiz-score]').textContent()).toBe('Score: 2 of 3 right (2 answered).');

    const order = await optionOrder(page, 'e0502-push-while-reading');
    const quiz2 = await openLesson(page);
    expect(await optionOrder(page, 'e0502-push-while-reading'), 'the same shuffled order after a reload').toEqual(order);
    expect(await quiz2.locator('[data-quiz-score]').textContent()).toBe('Score: 2 of 3 right (2 answered).');
    expect(await quiz2.locator('form[data-question="e0502-push-while-reading"] [data-feedback]').textContent()).toContain('Right.');
    expect(await quiz2.locator('form[data-question="e0502-push-while-reading"]').getByLabel(/needs an exclusive borrow/).isChecked()).toBe(true);
    expect(await quiz2.locator('form[data-question="released-guard-in-rust"] [data-feedback]').textContent()).toBe('');
    await context.close();
  });

  it('shuffles options per student: another browser profile may see another order, the same profile always the same', async () => {
    const orders = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const context = await e2e.browser.newContext();
      const page = await context.newPage();
      await openLesson(page);
      orders.add(JSON.stringify(await optionOrder(page, 'e0502-push-while-reading')));
      await context.close();
    }
    // 4 students, 24 possible orders of 4 options: all four alike has probability 1/24^3.
    expect(orders.size).toBeGreaterThan(1);
  });
});

/** Numeric questions of quizzes whose lesson page is built, wherever the content issues put them. */
function numericQuestions(): { quiz: string; lesson: string; question: QuizQuestion }[] {
  const dir = path.join(REPO, 'content/quizzes');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => {
      const parsed = quizSchema.safeParse(JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
      if (!parsed.success || !existsSync(path.join(DIST, parsed.data.lesson, 'index.html'))) return [];
      return parsed.data.questions.filter((q) => q.kind === 'numeric').map((question) => ({ quiz: f.replace(/\.json$/, ''), lesson: parsed.data.lesson, question }));
    });
}

describe('a numeric question', () => {
  it('names the misconception behind a known wrong value, then accepts an answer within the tolerance', async (context) => {
    const page = await e2e.browser.newPage();
    for (const { quiz, lesson, question } of numericQuestions()) {
      await page.goto(`${e2e.url}/${lesson}/`);
      const form = page.locator(`section.quiz[data-quiz="${quiz}"] form[data-question="${question.id}"]`);
      if ((await form.count()) === 0) continue; // this lesson embeds other questions
      await expect.poll(() => page.locator(`section.quiz[data-quiz="${quiz}"]`).first().getAttribute('data-ready')).toBe('true');
      const input = form.first().getByRole('textbox');
      const feedback = form.first().locator('[data-feedback]');
      const mistake = question.mistakes[0];
      const wrong = mistake ? (mistake.min + mistake.max) / 2 : question.value! + question.tolerance! * 2 + 1;
      await input.fill(String(wrong));
      await form.first().getByRole('button', { name: 'Check answer' }).click();
      await expect.poll(() => feedback.textContent()).toContain('Not right yet');
      if (mistake) expect(await feedback.textContent()).toContain(mistake.why.slice(0, 40).replace(/`/g, ''));
      await input.fill(String(question.value));
      await form.first().getByRole('button', { name: 'Check answer' }).click();
      await expect.poll(() => feedback.textContent()).toContain('Right.');
      await page.close();
      return;
    }
    await page.close();
    context.skip('no numeric question is embedded in a built lesson yet');
  });
});

describe('themes and layout', () => {
  const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  it('follows the system until the student chooses, then remembers the choice across pages and visits', async () => {
    const dark = await e2e.browser.newContext({ colorScheme: 'dark' });
    const p0 = await dark.newPage();
    await p0.goto(e2e.url + '/');
    expect(await background(p0), 'dark system, no choice: dark').toBe('rgb(13, 17, 23)');
    expect(await p0.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe('true');
    await dark.close();

    const context = await e2e.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(e2e.url + LESSON);
    expect(await background(page)).toBe('rgb(255, 255, 255)');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await background(page)).toBe('rgb(13, 17, 23)');
    // Code follows the theme too (shiki's dark colours).
    expect(await page.locator('pre.astro-code').first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(13, 17, 23)');

    await page.goto(e2e.url + '/glossary/');
    expect(await background(page), 'another page').toBe('rgb(13, 17, 23)');
    const later = await context.newPage();
    await later.goto(e2e.url + '/');
    expect(await background(later), 'another visit').toBe('rgb(13, 17, 23)');
    await later.getByRole('button', { name: 'Dark theme' }).click();
    await later.reload();
    expect(await background(later), 'back to light, remembered').toBe('rgb(255, 255, 255)');
    await context.close();
  });

  it('reads on a 360-px phone without sideways scrolling', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    for (const path of ['/', LESSON, '/exercises/', '/glossary/', '/ownership/', '/search/?q=RefCell']) {
      await page.goto(e2e.url + path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `page width of ${path}`).toBeLessThanOrEqual(360);
    }
    await context.close();
  });

  it('lets a keyboard user skip to the content', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(e2e.url + LESSON);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });
});

describe('<CodeRegion> on a built lesson', () => {
  it('quotes the marked region of a tested file, highlighted, without its markers', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(e2e.url + '/concurrency/spsc-rings/');
    const figure = page.locator('figure.code-region', { hasText: "exercises/spsc-push-pop/exercise.ts: views of the engine's ring" });
    await expect.poll(() => figure.count()).toBe(1);
    const code = (await figure.locator('pre').textContent()) ?? '';
    const source = readFileSync(path.join(REPO, 'exercises/spsc-push-pop/exercise.ts'), 'utf8');
    const region = source.slice(source.indexOf('// #region ring-view\n') + '// #region ring-view\n'.length, source.indexOf('// #endregion ring-view')).trimEnd();
    expect(code.trim()).toBe(region.trim());
    expect(code).not.toContain('#region');
    expect(await figure.locator('pre span[style]').count(), 'highlighted by shiki').toBeGreaterThan(5);
    await page.close();
  });
});
