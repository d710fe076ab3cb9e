/**
 * The built site as a static host serves it: pages are cross-origin isolated, and a
 * missing page is the site's 404 page (status 404), from which the student finds the way back.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserAndSite } from './harness.ts';

const e2e = useBrowserAndSite();


describe('the served site', () => {
  it('is cross-origin isolated, so SharedArrayBuffer works', async () => {
    const page = await e2e.browser.newPage();
    const response = await page.goto(e2e.url + '/');
    expect(response?.status()).toBe(200);
    expect(await page.evaluate(() => globalThis.crossOriginIsolated), 'crossOriginIsolated').toBe(true);
    await page.close();
  });

  it('answers a missing page with the 404 page, status 404, and a way home', async () => {
    const page = await e2e.browser.newPage();
    const response = await page.goto(e2e.url + '/no/such-lesson/');
    expect(response?.status()).toBe(404);
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/not found/i);
    await page.getByRole('link', { name: /home|course/i }).first().click();
    await page.waitForURL(e2e.url + '/');
    await page.close();
  });
});
