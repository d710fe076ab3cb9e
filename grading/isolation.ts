/**
 * The two response headers that make a page cross-origin isolated, which browsers require
 * before they give it SharedArrayBuffer (the ring and mutex exercises need it). One home:
 * the site's dev and preview servers, its headers file for static hosts, and the CLI's
 * Chromium grading page all send these.
 */
export const CROSS_ORIGIN_ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;
