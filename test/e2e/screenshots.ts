/**
 * `npx tsx test/e2e/screenshots.ts`: the screenshots of a lesson with its exercise that
 * docs/ and the README show, from the built site (dist/, `npx astro build` first), light
 * and dark, on a 1366x900 laptop and a 390x844 phone, after a run of the starting code
 * (the verdict and the results beside the lesson). Written to docs/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { REPO, launchChromium, serveSite } from './harness.ts';

const LESSON = '/ownership/borrowing/';
const OUT = path.join(REPO, 'docs', 'screenshots');

const [browser, site] = await Promise.all([launchChromium(), serveSite()]);
mkdirSync(OUT, { recursive: true });
try {
  for (const [name, viewport] of [
    ['laptop', { width: 1366, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    for (const theme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport, colorScheme: theme });
      await context.addInitScript(() => localStorage.setItem('ticklab-editor', 'plain'));
      const page = await context.newPage();
      await page.goto(site.url + LESSON);
      const exercise = page.locator('[data-exercise]');
      if (name === 'laptop') await page.mouse.wheel(0, 1800);
      else await exercise.scrollIntoViewIfNeeded();
      await exercise.getByRole('button', { name: 'Run tests' }).click();
      await exercise.getByRole('button', { name: 'Run tests' }).waitFor({ timeout: 120_000 });
      await page.waitForTimeout(800); // the verdict's smooth scroll
      const file = path.join(OUT, `lesson-workbench-${name}-${theme}.png`);
      await page.screenshot({ path: file });
      console.log(`wrote ${path.relative(REPO, file)}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await site.close();
}
