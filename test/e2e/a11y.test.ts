/**
 * An axe-core audit of every page of the built site, in the light theme, then the rules a
 * theme can break (contrast) in the dark theme, and of a lesson with its quiz answered (feedback shown): no serious or critical
 * violation (contrast, names and labels, landmarks, focusable scrolling regions, ...).
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST, useBrowserAndSite } from './harness.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Every page of the build, as the address it is served at. */
function sitePages(dir = DIST, prefix = '/'): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (prefix === '/' && ['_astro', 'pagefind', 'runner'].includes(entry.name)) continue;
      found.push(...sitePages(path.join(dir, entry.name), `${prefix}${entry.name}/`));
    } else if (entry.name === 'index.html') found.push(prefix);
    else if (entry.name === '404.html' && prefix === '/') found.push('/404.html');
  }
  return found.sort();
}

const e2e = useBrowserAndSite();


/**
 * The rules a theme can change: a theme changes colours only, so in the second theme the
 * audit runs these (the structure, names and labels were audited in the first).
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** The serious and critical violations on the page as it is now, one line each (`rules`: only these). */
async function audit(page: Page, label: string, rules?: string[]): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (rules) => {
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'], ...(rules ? { runOnly: { type: 'rule', values: rules } } : {}) });
    return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }, rules);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.id} (${v.impact}): ${v.help}; at ${v.targets.join(', ')}`);
}

async function settle(page: Page): Promise<void> {
  // Scripts that fill in progress and quizzes run after load; audit what the student sees.
  await page.waitForLoadState('load');
  await page
    .waitForFunction(() => [...document.querySelectorAll<HTMLElement>('section.quiz')].every((q) => q.dataset.ready), undefined, { timeout: 10_000 })
    .catch(() => {});
}

describe('accessibility', () => {
  const pages = sitePages();

  it('finds the pages to audit', () => {
    expect(pages).toContain('/');
    expect(pages).toContain('/ownership/borrowing/');
    expect(pages).toContain('/glossary/');
    expect(pages).toContain('/404.html');
  });

  for (const scheme of ['light', 'dark'] as const) {
    const rules = scheme === 'dark' ? COLOUR_RULES : undefined;
    it(`has no serious or critical axe violation on any page, ${scheme} theme${rules ? ' (the colour rules)' : ''}`, async () => {
      const context = await e2e.browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      const problems: string[] = [];
      for (const address of pages) {
        await page.goto(e2e.url + address);
        await settle(page);
        problems.push(...(await audit(page, `${address} (${scheme})`, rules)));
      }
      await context.close();
      expect(problems).toEqual([]);
    }, 600_000);
  }

  it('has none on a lesson with quiz feedback and a glossary definition showing', async () => {
    const context = await e2e.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(e2e.url + '/ownership/borrowing/');
    await settle(page);
    const q1 = page.locator('form[data-question="e0502-push-while-reading"]');
    await q1.getByLabel(/Two threads could touch/).check();
    await q1.getByRole('button', { name: 'Check answer' }).click();
    await q1.getByRole('button', { name: 'Check answer' }).click();
    await expect.poll(() => q1.locator('details').count()).toBe(1);
    await page.locator('.term a').first().focus();
    expect(await page.locator('.term-tip').first().isVisible(), 'the definition shows on focus').toBe(true);
    const problems = await audit(page, 'lesson with feedback');
    await context.close();
    expect(problems).toEqual([]);
  });
});
