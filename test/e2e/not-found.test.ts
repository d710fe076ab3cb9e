/**
 * The built site as a static host serves it: pages are cross-origin isolated, and a
 * missing page is the site's 404 page (status 404), from which the student finds the way back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, serveSite } from './harness.ts';

let browser: Browser;
let site: Awaited<ReturnType<typeof serveSite>>;

beforeAll(async () => {
  [browser, site] = await Promise.all([launchChromium(), serveSite()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the served site', () => {
  it('is cross-origin isolated, so SharedArrayBuffer works', async () => {
    const page = await browser.newPage();
    const response = await page.goto(site.url + '/');
    expect(response?.status()).toBe(200);
    expect(await page.evaluate(() => globalThis.crossOriginIsolated), 'crossOriginIsolated').toBe(true);
    await page.close();
  });

  it('answers a missing page with the 404 page, status 404, and a way home', async () => {
    const page = await browser.newPage();
    const response = await page.goto(site.url + '/no/such-lesson/');
    expect(response?.status()).toBe(404);
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/not found/i);
    await page.getByRole('link', { name: /home|course/i }).first().click();
    await page.waitForURL(site.url + '/');
    await page.close();
  });
});
