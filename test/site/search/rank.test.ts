/** Search results: title matches first, then heading matches (linked to the heading), each with its module. */
import { describe, expect, it } from 'vitest';
import { holdsAll, queryWords, rankResults, type SearchPage } from '../../../site/lib/search/rank.ts';

const page = (title: string, module: string, headings: string[] = []): SearchPage => ({
  url: `/${title.toLowerCase().replace(/\W+/g, '-')}/`,
  excerpt: `about ${title}`,
  meta: { title, module },
  sub_results: headings.map((h) => ({ title: h, url: `/${title.toLowerCase().replace(/\W+/g, '-')}/#${h.toLowerCase().replace(/\W+/g, '-')}`, excerpt: `under ${h}` })),
});

describe('search ranking', () => {
  it('puts a title match first, then a heading match linked to its heading, then the text-only ones, in Pagefind order within each', () => {
    const pages = [
      page('Matching', 'The order book', ['Price-time priority']),
      page('Cache lines', 'Hardware', ['False sharing in one line']),
      page('False sharing', 'Hardware'),
      page('SIMD', 'Hardware'),
    ];
    const ranked = rankResults('false sharing', pages);
    expect(ranked.map((r) => [r.title, r.tier, r.heading ?? null])).toEqual([
      ['False sharing', 0, null],
      ['Cache lines', 1, 'False sharing in one line'],
      ['Matching', 2, null],
      ['SIMD', 2, null],
    ]);
    expect(ranked[1]?.url).toBe('/cache-lines/#false-sharing-in-one-line');
    expect(ranked[1]?.excerpt).toBe('under False sharing in one line');
    expect(ranked.map((r) => r.module)).toEqual(['Hardware', 'Hardware', 'The order book', 'Hardware']);
  });

  it('matches word prefixes, case and accents folded', () => {
    expect(queryWords('Latenc  p99!')).toEqual(['latenc', 'p99']);
    expect(holdsAll('Tail latency and p99', queryWords('latenc p99'))).toBe(true);
    expect(holdsAll('Tail latency', queryWords('latency p99'))).toBe(false);
    expect(holdsAll('Café', queryWords('cafe'))).toBe(true);
  });
});
