/**
 * The live labs in the built site: each lab runs from its lesson in Chromium (quick mode,
 * `?quick`), in a Web Worker, and its plot renders beside the reading; nothing runs and no
 * plotting code loads before Run; the page answers a click while a lab runs; Cancel stops
 * the lab's workers. No test looks at a timing.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserAndSite } from './harness.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const LESSONS = {
  'false-sharing': '/hardware/false-sharing/',
  simd: '/hardware/simd/',
  'iterator-chain': '/zero-cost/iterators-and-loops/',
  allocation: '/ownership/gc-pauses/',
  'order-book': '/order-book/price-levels/',
} as const;

const e2e = useBrowserAndSite();


async function openLab(page: Page, lab: keyof typeof LESSONS, quick = true) {
  const scripts: string[] = [];
  page.on('request', (r) => scripts.push(r.url()));
  await page.goto(`${e2e.url}${LESSONS[lab]}${quick ? '?quick' : ''}`);
  const box = page.locator(`section.lab[data-lab="${lab}"]`);
  await expect.poll(() => box.getAttribute('data-ready'), { timeout: 15_000 }).toBe('true');
  return { box, requests: scripts };
}

describe('the labs in their lessons', () => {
  for (const lab of Object.keys(LESSONS) as (keyof typeof LESSONS)[]) {
    it(`${lab}: runs from its lesson in a worker and plots the figures beside the reading`, async () => {
      const page = await e2e.browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const { box, requests } = await openLab(page, lab);
      expect(await box.getAttribute('data-state'), 'nothing runs on page load').toBe('idle');
      expect(requests.some((u) => u.includes('lab-worker')), 'no lab worker before Run').toBe(false);
      expect(requests.some((u) => /plot\.[^/]*\.js/.test(u)), 'no plotting code before Run').toBe(false);
      expect(await box.locator('.lab-what').textContent(), 'what will be measured').toMatch(/Expect/);

      await box.getByRole('button', { name: 'Run on this machine' }).click();
      await expect.poll(() => box.getAttribute('data-state'), { timeout: 120_000, interval: 250 }).toMatch(/done|error/);
      expect(await box.locator('[data-lab-status]').textContent(), 'the lab finished without an error').toMatch(/^Done/);
      expect(await box.locator('[data-lab-reading]').textContent(), 'the one-line reading').toMatch(/^On your machine, .{20,}/);
      const plots = box.locator('[data-lab-plot] canvas');
      expect(await plots.count(), 'a plot per chart').toBeGreaterThan(0);
      const size = await plots.first().boundingBox();
      expect(size?.width ?? 0, 'the plot has a width').toBeGreaterThan(100);
      expect(await box.locator('.lab-table table tbody tr').count(), 'the figures as a table').toBeGreaterThan(0);
      expect(requests.some((u) => u.includes('/runner/engine-workers/lab-worker.js')), 'the lab ran in the lab worker').toBe(true);
      expect(errors, 'no uncaught error in the page').toEqual([]);
      await page.close();
    });
  }

  it('the page answers a click while a lab runs, and Cancel stops the lab workers', async () => {
    const page = await e2e.browser.newPage();
    // Not quick: the full lab runs long enough to click around in while it measures.
    const { box } = await openLab(page, 'false-sharing', false);
    const started = new Promise<void>((resolve) => page.on('worker', (w) => w.url().includes('lab-worker') && resolve()));
    await box.getByRole('button', { name: 'Run on this machine' }).click();
    await started;
    await expect.poll(() => box.locator('progress[data-lab-progress]').isVisible()).toBe(true);
    expect(await box.getAttribute('data-state')).toBe('running');

    // A click elsewhere is handled at once: the theme toggle flips while the lab measures.
    const toggle = page.locator('#theme-toggle');
    const before = await toggle.getAttribute('aria-pressed');
    await toggle.click({ timeout: 2000 });
    expect(await toggle.getAttribute('aria-pressed'), 'the page answered the click').not.toBe(before);
    expect(await box.getAttribute('data-state'), 'still measuring').toBe('running');

    const labWorkers = () => page.workers().filter((w) => /lab-worker|false-sharing-worker/.test(w.url())).length;
    expect(labWorkers(), 'the lab worker is running').toBeGreaterThan(0);
    await box.getByRole('button', { name: 'Cancel' }).click();
    expect(await box.getAttribute('data-state')).toBe('cancelled');
    expect(await box.locator('[data-lab-status]').textContent()).toContain('Cancelled');
    await expect.poll(labWorkers, { timeout: 10_000, message: 'no lab worker left after Cancel' }).toBe(0);
    expect(await box.getByRole('button', { name: 'Run again' }).isVisible(), 'it can run again').toBe(true);
    await page.close();
  });

  it('a lab that needs shared memory says so on a page that is not cross-origin isolated', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    // The same page without its isolation headers (and without the service worker that would add them).
    await page.route('**/*', async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['cross-origin-opener-policy'];
      delete headers['cross-origin-embedder-policy'];
      await route.fulfill({ response, headers });
    });
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'serviceWorker', { value: undefined });
    });
    await page.goto(`${e2e.url}${LESSONS['false-sharing']}`);
    const box = page.locator('section.lab[data-lab="false-sharing"]');
    await expect.poll(() => box.getAttribute('data-ready'), { timeout: 15_000 }).toBe('true');
    expect(await page.evaluate(() => crossOriginIsolated), 'the page is not isolated').toBe(false);
    expect(await box.getAttribute('data-state')).toBe('unavailable');
    expect(await box.locator('[data-lab-isolation]').isVisible()).toBe(true);
    expect(await box.locator('[data-lab-isolation]').textContent()).toContain('SharedArrayBuffer');
    expect(await box.getByRole('button', { name: 'Run on this machine' }).isDisabled()).toBe(true);
    await context.close();
  });

  it('a lab with its plot drawn has no serious or critical accessibility violation, in either theme', async () => {
    const page = await e2e.browser.newPage();
    const { box } = await openLab(page, 'order-book');
    await box.getByRole('button', { name: 'Run on this machine' }).click();
    await expect.poll(() => box.getAttribute('data-state'), { timeout: 120_000, interval: 250 }).toBe('done');
    await box.locator('.lab-table summary').first().click();
    await page.addScriptTag({ path: AXE });
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      const violations = await page.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run(context: Element, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
        const { violations } = await axe.run(document.querySelector('section.lab')!, { resultTypes: ['violations'] });
        return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations, `${theme} theme`).toEqual([]);
    }
    await page.close();
  });
});
