/** Full-text search from the header of any page, over the Pagefind index built with the site (no server). */
import { describe, expect, it } from 'vitest';
import { useBrowserAndSite } from './harness.ts';

const e2e = useBrowserAndSite();


describe('search', () => {
  it('finds the lesson that teaches a word, from the search box of another page', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(e2e.url + '/glossary/');
    await page.getByRole('searchbox', { name: 'Search the course' }).fill('RefCell');
    await page.getByRole('searchbox', { name: 'Search the course' }).press('Enter');
    await page.waitForURL(/\/search\/\?q=RefCell$/);
    const results = page.locator('[data-search-results] li');
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // The lesson, or the heading in it that holds the word (the link then goes to that section).
    const lesson = page.locator('[data-search-results] a[href^="/ownership/borrowing/"]').first();
    expect(await lesson.textContent()).toMatch(/^Shared and exclusive borrows( › .+)?$/);
    expect(await page.locator('[data-search-status]').textContent()).toMatch(/found for “RefCell”/);
    expect(await page.locator('[data-search-results] mark').count(), 'matches are marked').toBeGreaterThan(0);
    await page.close();
  });

  it('asks for words when opened without any', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(e2e.url + '/search/');
    await expect.poll(() => page.locator('[data-search-status]').textContent()).toBe('Type words to find in the lessons.');
    await page.close();
  });
});
