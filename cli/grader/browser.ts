/**
 * Grading in a real browser, for exercises that run only there: the browser bundle of the
 * tests and the code runs in a Web Worker of a cross-origin-isolated page in Debian's
 * Chromium (driven by playwright-core), so SharedArrayBuffer works as on the course site,
 * and an endless loop is stopped by terminating the worker at the time limit.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import path from 'node:path';
import { build } from 'esbuild';
import { CROSS_ORIGIN_ISOLATION_HEADERS } from '../../grading/isolation.ts';
import type { RunOutcome } from '../../grading/outcome.ts';
import type * as Driver from '../../grading/worker-driver.ts';
import { GRADING_DIR } from '../paths.ts';
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
 * The grading core's worker driver (`grading/worker-driver.ts`), bundled for the page once
 * per process: the same typed module the course site runs, exposed as `ticklabDriver`.
 */
let driver: Promise<string> | undefined;
function driverScript(): Promise<string> {
  driver ??= build({
    entryPoints: [path.join(GRADING_DIR, 'worker-driver.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'ticklabDriver',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  }).then((out) => out.outputFiles[0]!.text);
  return driver;
}


/** Runs a browser bundle (`bundleForSandbox({ target: 'browser' })`) and collects its report. */
export async function runInChromium(code: string, timeLimitMs: number): Promise<RunOutcome> {
  const context = await (await launch()).newContext();
  try {
    const page = await context.newPage();
    await page.route(`${ORIGIN}/**`, (route) =>
      route.fulfill({ contentType: 'text/html', headers: { ...CROSS_ORIGIN_ISOLATION_HEADERS }, body: '<!doctype html><title>ticklab</title>' }),
    );
    await page.goto(`${ORIGIN}/`);
    await page.addScriptTag({ content: await driverScript() });
    // The report is judged in the page, where its reader (and the nonce it checks) lives.
    return await page.evaluate(
      async ([bundle, limit]) => {
        const driver = (globalThis as unknown as { ticklabDriver: typeof Driver }).ticklabDriver;
        return driver.outcomeOfReport(await driver.runBundleInWorker(bundle, limit), limit);
      },
      [code, timeLimitMs] as const,
    );
  } finally {
    await context.close();
  }
}
