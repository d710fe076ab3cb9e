/**
 * Ranking the search page's results: a page whose title holds every word of the query
 * first, then a page with a heading that does (linked to that heading), then the rest;
 * Pagefind's own order within each group (its score, which already weighs headings).
 * Pure, over the fields of Pagefind's result data that the page reads.
 */

/** What the page reads of one Pagefind result (`await result.data()`). */
export interface SearchPage {
  url: string;
  excerpt: string;
  meta: { title?: string; module?: string };
  sub_results?: { title: string; url: string; excerpt: string }[];
}

/** One result as the page lists it. */
export interface RankedResult {
  /** Where the link goes: the page, or the heading that matched. */
  url: string;
  title: string;
  /** The matching heading, when the link goes to it. */
  heading?: string;
  module?: string;
  excerpt: string;
  /** 0: the title matched; 1: a heading matched; 2: the text only. */
  tier: 0 | 1 | 2;
}

/** The query's words, folded: lower case, accents off, at least two characters. */
export function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2);
}

const fold = (text: string) => text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** Whether every word of the query starts a word of `text` ("latenc" finds "latency"). */
export function holdsAll(text: string, words: readonly string[]): boolean {
  const tokens = fold(text).split(/[^\p{L}\p{N}]+/u);
  return words.length > 0 && words.every((w) => tokens.some((t) => t.startsWith(w)));
}

export function rankResults(query: string, pages: readonly SearchPage[]): RankedResult[] {
  const words = queryWords(query);
  const ranked = pages.map((page, order) => {
    const title = page.meta.title ?? page.url;
    const base = { title, excerpt: page.excerpt, ...(page.meta.module ? { module: page.meta.module } : {}) };
    if (holdsAll(title, words)) return { order, result: { ...base, url: page.url, tier: 0 as const } };
    const heading = (page.sub_results ?? []).find((s) => s.title !== title && holdsAll(s.title, words));
    if (heading) return { order, result: { ...base, url: heading.url, heading: heading.title, excerpt: heading.excerpt, tier: 1 as const } };
    return { order, result: { ...base, url: page.url, tier: 2 as const } };
  });
  return ranked.sort((a, b) => a.result.tier - b.result.tier || a.order - b.order).map((r) => r.result);
}
