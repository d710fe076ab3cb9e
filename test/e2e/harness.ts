/**
 * End-to-end infrastructure shared by every test in test/e2e/: Debian's Chromium through
 * playwright-core (never a browser download), and the built site (`dist/`, made once per
 * `vitest run` by ./global-setup.ts) served on 127.0.0.1 with the headers that make its
 * pages cross-origin isolated, as `npm run preview` and a well-configured host serve it.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CROSS_ORIGIN_ISOLATION_HEADERS } from '../../grading/isolation.ts';

export const REPO = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
/** The built site the tests walk: dist/, or TICKLAB_SITE_DIST (a build elsewhere, with TICKLAB_E2E_BUILD=0). */
export const DIST = path.resolve(process.env.TICKLAB_SITE_DIST ?? path.join(REPO, 'dist'));
/** The browser: Debian's Chromium, or TICKLAB_CHROMIUM. */
export const CHROMIUM = process.env.TICKLAB_CHROMIUM ?? '/usr/bin/chromium';


/** Headless Chromium for one test file; close it in afterAll. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium package (.ci/run does) or set TICKLAB_CHROMIUM`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'],
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml',
};

function typeOf(file: string): string {
  const ext = path.extname(file);
  // Pagefind's index fragments (.pf_meta, .pf_index, .pf_fragment, .pf_filter) are binary.
  if (ext.startsWith('.pf_')) return 'application/octet-stream';
  return TYPES[ext] ?? 'application/octet-stream';
}

const isFile = (p: string) => existsSync(p) && statSync(p).isFile();

/**
 * Serves `root` (the built `dist/`) on 127.0.0.1 at a free port, as a static host does:
 * `/a/b/` is `a/b/index.html`, `/a/b` redirects to `/a/b/` when that is a folder, and a
 * missing page is the site's own 404 page with status 404. Every response carries the
 * cross-origin isolation headers and no caching.
 */
export async function serveSite(root = DIST): Promise<{ url: string; close(): Promise<void> }> {
  if (!isFile(path.join(root, 'index.html'))) throw new Error(`no built site in ${root}: run "npx astro build" (the e2e global setup does)`);
  const server = createServer((req, res) => {
    const headers = { ...CROSS_ORIGIN_ISOLATION_HEADERS, 'Cache-Control': 'no-store' };
    const send = (status: number, file: string) => {
      res.writeHead(status, { ...headers, 'Content-Type': typeOf(file), 'Content-Length': statSync(file).size });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    };
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400, headers).end('bad request');
      return;
    }
    const file = path.join(root, path.normalize(pathname));
    if (!file.startsWith(root)) {
      res.writeHead(403, headers).end('forbidden');
      return;
    }
    if (pathname.endsWith('/') && isFile(path.join(file, 'index.html'))) return send(200, path.join(file, 'index.html'));
    if (isFile(file)) return send(200, file);
    if (!pathname.endsWith('/') && isFile(path.join(file, 'index.html'))) {
      res.writeHead(301, { ...headers, Location: `${pathname}/` }).end();
      return;
    }
    const notFound = path.join(root, '404.html');
    if (isFile(notFound)) return send(404, notFound);
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What {@link useBrowserAndSite} gives a test file: read it inside tests and hooks. */
export interface BrowserAndSite {
  readonly browser: Browser;
  /** The served site's origin, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
}

/**
 * Chromium and the built site served, for the calling test file: both started in a
 * beforeAll hook (registered here, so it runs before the file's own) and closed in afterAll.
 */
export function useBrowserAndSite(): BrowserAndSite {
  let browser: Browser | undefined;
  let site: Awaited<ReturnType<typeof serveSite>> | undefined;
  beforeAll(async () => {
    [browser, site] = await Promise.all([launchChromium(), serveSite()]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the browser and the site start in beforeAll: use them inside tests and hooks');
    return value;
  };
  return {
    get browser() {
      return started(browser);
    },
    get url() {
      return started(site).url;
    },
  };
}
