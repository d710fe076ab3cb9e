/**
 * Grading in a real browser, for exercises that run only there: the browser bundle of the
 * tests and the code runs in a Web Worker of a cross-origin-isolated page in Debian's
 * Chromium (driven by playwright-core), so SharedArrayBuffer works as on the course site,
 * and an endless loop is stopped by terminating the worker at the time limit.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { HarnessEvent, HarnessOutcome } from '../../grading/run-tests.ts';
import { progressOf, timedOutOutcome, type SandboxOutcome } from './sandbox.ts';
import { onShutdown } from './shutdown.ts';

/** The browser used: Debian's Chromium, or TICKLAB_CHROMIUM. */
export const CHROMIUM = process.env.TICKLAB_CHROMIUM ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

let browser: Promise<Browser> | undefined;

function launch(): Promise<Browser> {
  browser ??= import('playwright-core').then(async ({ chromium }) => {
    const b = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    onShutdown(async () => {
      browser = undefined;
      await b.close();
    });
    return b;
  });
  return browser;
}

/** The page the worker runs in: served with the headers that make it cross-origin isolated. */
const ORIGIN = 'http://ticklab.localhost';

/**
 * Runs in the page: starts the bundle in a Worker, collects its progress events and
 * outcome, and terminates it at the time limit. Kept as plain JavaScript text, because the
 * CLI's own code is transpiled with helpers that do not exist in the page.
 */
const IN_PAGE = `(code, timeLimitMs) => new Promise((resolve) => {
  const events = [];
  const source = code + "\\n;ticklabRunTests((e) => postMessage({ type: 'event', event: e }))" +
    ".then((o) => postMessage({ type: 'done', outcome: o }), (e) => postMessage({ type: 'error', message: String((e && e.stack) || e) }));";
  const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
  const finish = (report) => {
    clearTimeout(timer);
    worker.terminate();
    resolve({ events, timedOut: false, ...report });
  };
  // Terminating the worker stops an endless loop; the page itself never blocks.
  const timer = setTimeout(() => finish({ timedOut: true }), timeLimitMs);
  worker.onmessage = (e) => {
    if (e.data.type === 'event') events.push(e.data.event);
    else if (e.data.type === 'done') finish({ outcome: e.data.outcome });
    else finish({ error: e.data.message });
  };
  worker.onerror = (e) => {
    e.preventDefault();
    finish({ error: e.message + ' (' + e.filename + ':' + e.lineno + ')' });
  };
})`;

type WorkerReport = { events: HarnessEvent[]; outcome?: HarnessOutcome; error?: string; timedOut: boolean };

/** Runs a browser bundle (`bundleForSandbox({ target: 'browser' })`) and collects its report. */
export async function runInChromium(code: string, timeLimitMs: number): Promise<SandboxOutcome> {
  const context = await (await launch()).newContext();
  try {
    const page = await context.newPage();
    await page.route(`${ORIGIN}/**`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
        body: '<!doctype html><title>ticklab</title>',
      }),
    );
    await page.goto(`${ORIGIN}/`);
    const report = (await page.evaluate(`(${IN_PAGE})(${JSON.stringify(code)}, ${timeLimitMs})`)) as WorkerReport;
    if (report.outcome) return { ...report.outcome, output: '', timedOut: false };
    if (report.timedOut) return timedOutOutcome(report.events, timeLimitMs, '');
    const { finished: tests } = progressOf(report.events);
    return { tests, problems: [{ kind: 'crash', message: `the browser worker failed: ${report.error ?? 'no report'}` }], output: '', timedOut: false };
  } finally {
    await context.close();
  }
}
