/**
 * The lesson page as a workbench, on a 1366x900 laptop and a 390x844 phone:
 * the exercise beside the lesson and sticky on the laptop, in the flow on the phone; after
 * Run the verdict is in the viewport; the console pane shows what the student's code
 * printed, formatted, and says when it cut the output; the phases show while a run goes
 * and the last run's results are gone at Run; Tab leaves both editors after Escape and
 * whenever "Tab moves focus" is on (remembered); the module outline and, after a pass,
 * the next lesson; axe finds nothing serious in either theme.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REPO, useBrowserAndSite } from './harness.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const LESSON = '/ownership/borrowing/';
const SLUG = 'borrow-tracker';
const solution = readFileSync(path.join(REPO, 'exercises', SLUG, 'solution.ts'), 'utf8');
const starter = readFileSync(path.join(REPO, 'exercises', SLUG, 'exercise.ts'), 'utf8');
const LAPTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

const e2e = useBrowserAndSite();

async function student(viewport: { width: number; height: number }, editor: 'monaco' | 'plain' = 'plain', url = LESSON): Promise<{ context: BrowserContext; page: Page; exercise: Locator }> {
  const context = await e2e.browser.newContext({ viewport });
  await context.addInitScript((kind) => {
    if (!localStorage.getItem('ticklab-editor')) localStorage.setItem('ticklab-editor', kind);
  }, editor);
  const page = await context.newPage();
  await page.goto(e2e.url + url);
  return { context, page, exercise: page.locator('[data-exercise]').first() };
}

const status = (exercise: Locator) => exercise.locator('[data-run-status]');

async function runAndWait(exercise: Locator, timeout = 120_000): Promise<string> {
  // A warm run can start and end between two polls, so the run button's turn to "Stop" is
  // recorded as it happens rather than polled for (in a property: an attribute would be a
  // change of the page that the tests' own observers see).
  type Watched = Element & { sawStop?: boolean };
  await exercise.evaluate((root: Watched) => {
    const button = root.querySelector('[data-action="run"]')!;
    root.sawStop = false;
    new MutationObserver((_, observer) => {
      if (button.textContent !== 'Stop') return;
      root.sawStop = true;
      observer.disconnect();
    }).observe(button, { childList: true, characterData: true, subtree: true });
  });
  await exercise.getByRole('button', { name: 'Run tests' }).click();
  await expect.poll(() => exercise.evaluate((root: Watched) => root.sawStop), { timeout: 10_000 }).toBe(true);
  await expect.poll(() => exercise.getByRole('button', { name: 'Run tests' }).count(), { timeout }).toBe(1);
  return (await status(exercise).textContent()) ?? '';
}

async function typePlain(exercise: Locator, code: string): Promise<void> {
  await exercise.getByRole('button', { name: 'Edit code' }).click();
  await exercise.locator('textarea').fill(code);
}

/** Whether the element's box lies inside the viewport (scrolled into view, in the sticky pane too). */
async function inViewport(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  const size = page.viewportSize()!;
  return box !== null && box.y >= 0 && box.y + Math.min(box.height, 40) <= size.height && box.x >= 0 && box.x < size.width;
}

/** Who has the focus: inside the editor, or the element with its data-action / role. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return 'none';
    if (el.closest('.monaco-host') || el.matches('textarea.plain-editor')) return 'editor';
    return el.dataset.action ?? el.getAttribute('role') ?? el.tagName.toLowerCase();
  });

for (const [name, viewport] of [
  ['laptop 1366x900', LAPTOP],
  ['phone 390x844', PHONE],
] as const) {
  describe(`the workbench on a ${name}`, () => {
    it(viewport === LAPTOP ? 'puts the exercise beside the lesson, sticky while the lesson scrolls' : 'keeps one column, the exercise in the lesson\'s flow', async () => {
      const { context, page, exercise } = await student(viewport);
      const title = await page.locator('h1').boundingBox();
      const box = await exercise.boundingBox();
      if (viewport === LAPTOP) {
        expect(box!.x, 'the exercise right of the lesson').toBeGreaterThan(title!.x + title!.width);
        expect(box!.width, 'as wide as the lesson column').toBeGreaterThan(title!.width * 0.8);
        await page.mouse.wheel(0, 4000);
        await expect.poll(() => inViewport(page, exercise.locator('.exercise-title')), { timeout: 5_000 }).toBe(true);
      } else {
        expect(Math.round(box!.x), 'the exercise under the lesson, not beside it').toBe(Math.round(title!.x));
        expect(box!.width, 'no wider than the phone').toBeLessThanOrEqual(viewport.width);
        expect(await inViewport(page, exercise.locator('.exercise-title')), 'the exercise at the top of the page').toBe(false);
      }
      await context.close();
    });

    it('brings the verdict into view after Run', async () => {
      const { context, page, exercise } = await student(viewport);
      await exercise.scrollIntoViewIfNeeded();
      const verdict = await runAndWait(exercise);
      expect(verdict).toMatch(/^\d+ of \d+ tests failed\./);
      await expect.poll(() => inViewport(page, status(exercise)), { timeout: 5_000 }).toBe(true);
      await context.close();
    });

    it('shows the student\'s console.log in the console pane, reached with Alt+Shift+P', async () => {
      const { context, page, exercise } = await student(viewport);
      await typePlain(exercise, `${solution}\nconsole.log('probe', { readers: 1, nested: { a: { b: { c: 1 } } } });\nconsole.warn('careful');\n`);
      const verdict = await runAndWait(exercise);
      expect(verdict).toMatch(/^All \d+ tests pass\./);
      const tab = exercise.getByRole('tab', { name: /Console/ });
      expect(await tab.textContent(), 'the count on the tab').toMatch(/Console \(2\)/);
      await exercise.locator('textarea').focus();
      await page.keyboard.press('Alt+Shift+P');
      expect(await tab.getAttribute('aria-selected'), 'the console tab after the shortcut').toBe('true');
      expect(await focused(page), 'focus after the shortcut').toBe('tab');
      const pane = exercise.getByRole('tabpanel', { name: /Console/ });
      expect(await pane.isVisible(), 'the console pane').toBe(true);
      const lines = pane.locator('li');
      expect(await lines.nth(0).locator('pre').textContent(), 'an object, depth-limited as util.inspect does').toBe('probe { readers: 1, nested: { a: { b: [Object] } } }');
      expect(await lines.nth(1).textContent(), 'the level in words').toMatch(/^warn.*careful$/);
      await page.keyboard.press('Alt+Shift+P');
      expect(await exercise.getByRole('tab', { name: 'Results' }).getAttribute('aria-selected'), 'back to the results').toBe('true');
      await context.close();
    });
  });
}

describe('a run on the laptop', () => {
  it('caps a flood of console output with a visible "output truncated"', async () => {
    const { context, exercise } = await student(LAPTOP);
    await typePlain(exercise, `${solution}\nfor (let i = 0; i < 5000; i++) console.log('line', i);\n`);
    await runAndWait(exercise);
    await exercise.getByRole('tab', { name: /Console/ }).click();
    const pane = exercise.getByRole('tabpanel', { name: /Console/ });
    expect(await pane.locator('[data-truncated]').textContent(), 'the cut').toMatch(/^output truncated/);
    expect(await pane.locator('li').count(), 'lines kept').toBeLessThanOrEqual(501);
    expect(await exercise.getByRole('tab', { name: /Console/ }).textContent()).toMatch(/\(\d+\+\)/);
    await context.close();
  });

  it('shows the phases as they happen and clears the last results at Run', async () => {
    const { context, page, exercise } = await student(LAPTOP);
    await runAndWait(exercise);
    expect(await exercise.locator('[data-results] ol.tests > li').count(), 'the first run\'s tests').toBeGreaterThan(5);
    // Record every state the panes and the phases go through during the second run.
    await exercise.evaluate((root) => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      const results = root.querySelector('[data-results]')!;
      const phases = root.querySelector('[data-phases]')!;
      const button = root.querySelector('[data-action="run"]')!;
      let started = false;
      new MutationObserver(() => {
        // From Run on: a late change of the first run (its type-check, the editor loading) is not this run's.
        started ||= button.textContent === 'Stop';
        if (!started) return;
        seen.push(`results:${results.querySelectorAll('ol.tests > li').length}:${results.textContent?.slice(0, 40)}`);
        if (!(phases as HTMLElement).hidden) seen.push(`phases:${phases.textContent}`);
      }).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await runAndWait(exercise);
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen[0], 'the first change at Run: the old results are gone').toMatch(/^results:0:Running the tests/);
    expect(seen.some((s) => /^phases:Bundling \(now\)/.test(s)), 'bundling shown').toBe(true);
    expect(seen.some((s) => /^phases:.*Type-checking \(now\)/.test(s)), 'type-checking shown').toBe(true);
    expect(seen.some((s) => /^phases:.*Running \d+ tests: \d+ of \d+ done/.test(s)), 'the tests, with their count').toBe(true);
    expect(await exercise.locator('[data-phases]').isHidden(), 'the phases after the run').toBe(true);
    await context.close();
  });
});

describe('a cold first Run', () => {
  it('shows every test\'s result before the type-check is in, says the verdict waits for it, and a type error still makes it an error', async () => {
    // A fresh profile, Run pressed at once: the tests run on Sucrase's output while TypeScript loads.
    const { context, page, exercise } = await student(LAPTOP);
    await typePlain(exercise, `${solution}\nexport const wrong: number = 'not a number';\n`);
    await exercise.evaluate((root) => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      const statusLine = root.querySelector('[data-run-status]')!;
      const results = root.querySelector('[data-results]')!;
      new MutationObserver(() => seen.push(`${results.querySelectorAll('ol.tests > li[data-status="pass"]').length}|${statusLine.textContent}`)).observe(root, { subtree: true, childList: true, characterData: true });
    });
    const verdict = await runAndWait(exercise);
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    const waiting = seen.find((s) => /\|The tests are over: all \d+ passed\. Type-checking for the verdict…$/.test(s));
    expect(waiting, `the tests' results shown while the type-check goes on (states: ${seen.slice(-6).join(' / ')})`).toBeDefined();
    expect(Number(waiting!.split('|')[0]), 'every passed test on screen then').toBeGreaterThan(5);
    expect(seen.some((s) => /\|All \d+ tests pass/.test(s)), 'never a pass before the type-check').toBe(false);
    expect(verdict, 'the verdict, with the type error in it').toMatch(/The tests pass, but the code has 1 type error/);
    await context.close();
  });
});

describe('a first Run of the untouched starting file', () => {
  it('gives its verdict without waiting for the compiler, and any edit is type-checked', async () => {
    const { context, page, exercise } = await student(LAPTOP);
    // The type-check's own steps are measured in the page (grade.ts) only when one ran.
    const checks = () => page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name === 'ticklab typecheck: check').length);
    const first = await runAndWait(exercise);
    expect(first).toMatch(/^\d+ of \d+ tests failed\.$/);
    expect(await checks(), 'no type-check of the file ticklab check proves type-checks').toBe(0);
    await typePlain(exercise, `${starter}\n// a note of mine\n`);
    expect(await runAndWait(exercise), 'the same failures, once checked').toBe(first);
    expect(await checks(), 'an edited file is type-checked').toBe(1);
    await exercise.locator('textarea').fill(`${starter}\nexport const wrong: number = 'not a number';\n`);
    expect(await runAndWait(exercise)).toMatch(/1 type error/);
    await context.close();
  });
});

describe('the editor after Run', () => {
  it('opens after the verdict (not during the first compile), and leaves the verdict standing', async () => {
    const { context, exercise } = await student(LAPTOP, 'monaco');
    const verdict = await runAndWait(exercise);
    expect(verdict).toMatch(/^\d+ of \d+ tests failed\.$/);
    await exercise.locator('.monaco-editor').waitFor({ timeout: 60_000 });
    expect(await status(exercise).textContent(), 'the verdict once Monaco is up').toBe(verdict);
    await context.close();
  });
});

describe('the keyboard in both editors', () => {
  it('Monaco: Escape then Tab leaves; "Tab moves focus" is announced, makes Tab leave, and is remembered', async () => {
    const { context, page, exercise } = await student(LAPTOP, 'monaco');
    await exercise.getByRole('button', { name: 'Edit code' }).click();
    await exercise.locator('.monaco-editor .view-lines').first().click();
    expect(await focused(page)).toBe('editor');
    await page.keyboard.press('Tab');
    expect(await focused(page), 'Tab alone indents').toBe('editor');
    expect(await exercise.locator('.editor-help').textContent(), 'the announced key').toMatch(/Escape, then Tab/);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await focused(page), 'after Escape, Tab').toBe('run');

    const toggle = exercise.getByRole('button', { name: /^Tab moves focus/ });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await status(exercise).textContent(), 'announced').toMatch(/Tab now moves focus/);
    await exercise.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Tab');
    expect(await focused(page), 'Tab with "Tab moves focus" on').not.toBe('editor');

    await page.reload();
    expect(await exercise.getByRole('button', { name: /^Tab moves focus/ }).getAttribute('aria-pressed'), 'remembered').toBe('true');
    await exercise.getByRole('button', { name: 'Edit code' }).click();
    await exercise.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Tab');
    expect(await focused(page), 'Tab after the reload').not.toBe('editor');
    await context.close();
  });

  it('the plain editor: Escape then Tab leaves, and Tab leaves when "Tab moves focus" is on', async () => {
    const { context, page, exercise } = await student(PHONE, 'plain');
    await exercise.getByRole('button', { name: 'Edit code' }).click();
    await expect.poll(() => focused(page), { timeout: 10_000 }).toBe('editor'); // the editor loads, then takes the focus
    await page.keyboard.press('Tab');
    expect(await focused(page), 'Tab alone indents').toBe('editor');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await focused(page), 'after Escape, Tab').toBe('run');
    await exercise.getByRole('button', { name: /^Tab moves focus/ }).click();
    await exercise.locator('textarea').focus();
    await page.keyboard.press('Tab');
    expect(await focused(page), 'Tab with "Tab moves focus" on').toBe('run');
    await context.close();
  });
});

describe('the course around the lesson', () => {
  it('shows the module outline with the student\'s status, and after a pass the next lesson', async () => {
    const { context, page, exercise } = await student(PHONE);
    const outline = page.getByRole('navigation', { name: /Module \d+: .* lesson \d+ of \d+/ });
    await outline.locator('summary').click();
    expect(await outline.locator('[aria-current="page"]').getAttribute('href')).toBe(LESSON);
    const badge = outline.locator(`[data-exercise-status="${SLUG}"]`);
    await expect.poll(() => badge.textContent()).toBe('not started');
    const nextHref = await page.locator('.pager [rel="next"]').getAttribute('href');

    await typePlain(exercise, solution);
    expect(await runAndWait(exercise)).toMatch(/^All \d+ tests pass\./);
    const next = exercise.locator('[data-next]');
    expect(await next.textContent()).toMatch(/^\s*Passed — next: \S/);
    await expect.poll(() => inViewport(page, next), { timeout: 5_000 }).toBe(true);
    await expect.poll(() => badge.textContent()).toBe('passed');
    await next.getByRole('link').click();
    await page.waitForURL(e2e.url + nextHref!);
    await context.close();
  });

  it('ranks a search by title first and names each result\'s module', async () => {
    const { context, page } = await student(LAPTOP, 'plain', '/search/?q=false%20sharing');
    const first = page.locator('[data-search-results] li').first();
    await expect.poll(() => first.count(), { timeout: 15_000 }).toBe(1);
    expect(await first.getAttribute('data-tier'), 'the first result\'s title holds the words').toBe('0');
    expect(await first.locator('a').textContent()).toMatch(/false sharing/i);
    expect(await first.locator('.module').textContent(), 'its module').toMatch(/^ · \S/);
    const tiers = await page.locator('[data-search-results] li').evaluateAll((lis) => lis.map((li) => Number((li as HTMLElement).dataset.tier)));
    expect(tiers, 'title, then heading, then text').toEqual([...tiers].sort((a, b) => a - b));
    await context.close();
  });
});

describe('the fixes', () => {
  it('counts skipped tests honestly: Node-only tests are said to run in ticklab grade', async () => {
    const ring = readFileSync(path.join(REPO, 'exercises', 'spsc-push-pop', 'solution.ts'), 'utf8');
    const { context, exercise } = await student(LAPTOP, 'plain', '/concurrency/spsc-rings/');
    await typePlain(exercise, ring);
    const verdict = await runAndWait(exercise);
    expect(verdict).toMatch(/^All (\d+) tests pass\. (\d+) tests? runs? only in Node; `ticklab grade` runs (it|them)\.$/);
    const ran = Number(/^All (\d+)/.exec(verdict)![1]);
    expect(await exercise.locator('[data-results] h4').last().textContent()).toBe(`Tests: ${ran} of ${ran} passed`);
    await context.close();
  });

  it('accepts a numeric answer typed with the percent sign its question names', async () => {
    const { context, page } = await student(PHONE, 'plain', '/orientation/why-rust/');
    const form = page.locator('form[data-question="memory-safety-share"]');
    await expect.poll(() => page.locator('section.quiz:has(form[data-question="memory-safety-share"])').getAttribute('data-ready')).toBe('true');
    await form.locator('input[type="text"]').fill('70%');
    await form.getByRole('button', { name: 'Check answer' }).click();
    await expect.poll(() => form.locator('[data-feedback]').getAttribute('class')).toBe('feedback right');
    await form.locator('input[type="text"]').fill('70 ns');
    await form.getByRole('button', { name: 'Check answer' }).click();
    await expect.poll(() => form.locator('[data-feedback]').textContent()).toMatch(/This answer is in %/);
    await context.close();
  });

  it('labels lab legends "you" and "reference" and shows figures with the pointer away', async () => {
    const { context, page } = await student(LAPTOP, 'plain', '/zero-cost/iterators-and-loops/?quick');
    const box = page.locator('section.lab').first();
    await expect.poll(() => box.getAttribute('data-ready'), { timeout: 15_000 }).toBe('true');
    await box.getByRole('button', { name: 'Run on this machine' }).click();
    await expect.poll(() => box.getAttribute('data-state'), { timeout: 120_000, interval: 250 }).toBe('done');
    const legend = box.locator('.u-legend .u-series').nth(1);
    expect(await legend.locator('.u-label').textContent()).toMatch(/^you: /);
    expect(await legend.locator('.u-value').textContent(), 'a figure, not "– µs"').toMatch(/^-?\d\S* \S+ at /);
    if ((await box.locator('.u-legend .u-label', { hasText: /^reference: / }).count()) === 0) {
      expect(await box.locator('.lab-reference').textContent(), 'only without recorded figures').toMatch(/No reference figures/);
    }
    await context.close();
  });
});

describe('accessibility of the workbench', () => {
  for (const [name, viewport] of [
    ['laptop', LAPTOP],
    ['phone', PHONE],
  ] as const) {
    it(`has no serious or critical axe violation on a ${name}, after a run, with the console open, in either theme`, async () => {
      const { context, page, exercise } = await student(viewport);
      await typePlain(exercise, `${solution}\nconsole.log('probe');\n`);
      await runAndWait(exercise);
      await exercise.getByRole('tab', { name: /Console/ }).click();
      await page.locator('.module-outline summary').click();
      await page.addScriptTag({ path: AXE });
      for (const theme of ['light', 'dark']) {
        await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
        const violations = await page.evaluate(async () => {
          const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
          const { violations } = await axe.run(document, { resultTypes: ['violations'] });
          return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        });
        expect(violations, `${theme} theme`).toEqual([]);
      }
      await context.close();
    });
  }
});
