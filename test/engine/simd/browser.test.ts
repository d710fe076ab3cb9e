// The same kernels module loads outside Node: bundled by esbuild for the browser (the
// wasm bytes are embedded, nothing is fetched or read from disk), it runs in a bare
// JavaScript realm that has only WebAssembly and atob, and in a real Chromium when
// one is installed (skipped, and said so, when none is).
import { existsSync } from 'node:fs';
import vm from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const entry = new URL('../../../engine/simd/kernels.ts', import.meta.url).pathname;

/** engine/simd/kernels.ts as one browser script defining globalThis.ticklabKernels. */
async function bundle(): Promise<string> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    globalName: 'ticklabKernels',
    target: 'es2022',
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/** Runs in the page or realm: SIMD and scalar on the same data, plus zero copy. */
const PROBE = `(async () => {
  const { loadSimd, loadKernels, scalar } = ticklabKernels;
  const k = await loadSimd();
  const p = k.alloc(1001), v = k.alloc(1001);
  for (let i = 0; i < 1001; i++) { p[i] = 100 + (i % 7); v[i] = 1 + (i % 3); }
  const chosen = await loadKernels();
  return {
    kind: k.kind,
    chosen: chosen.kind,
    sum: k.sum(p), sumScalar: scalar.sum(p),
    vwap: k.vwap(p, v), vwapScalar: scalar.vwap(p, v),
    vwapCopied: k.vwap(Float64Array.from(p), Float64Array.from(v)),
    min: k.minMax(p).min,
  };
})()`;

function checkResult(r: Record<string, unknown>): void {
  expect(r.kind).toBe('simd');
  expect(r.chosen).toBe('simd');
  expect(r.sum).toBe(r.sumScalar); // small integers: exact in any order
  expect(Math.abs((r.vwap as number) - (r.vwapScalar as number))).toBeLessThan(1e-9);
  expect(r.vwapCopied).toBe(r.vwap);
  expect(r.min).toBe(100);
}

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));

describe('outside Node', () => {
  it('the browser bundle has no Node built-ins and runs in a bare realm (WebAssembly and atob only)', async () => {
    const code = await bundle();
    expect(code).not.toMatch(/require\(["']node:|from ["']node:/);
    const realm = vm.createContext({ WebAssembly, atob });
    vm.runInContext(code, realm);
    const result = (await vm.runInContext(PROBE, realm)) as Record<string, unknown>;
    checkResult(JSON.parse(JSON.stringify(result)) as Record<string, unknown>);
  });

  // On a developer's machine without Chromium this is skipped (and says so); in CI, where
  // .ci/run installs Debian's chromium, a missing browser must fail rather than skip.
  it.skipIf(!CHROMIUM && !process.env.CI)(`runs in Chromium (${CHROMIUM ?? 'none installed'})`, async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      await page.addScriptTag({ content: await bundle() });
      const result = await page.evaluate(PROBE);
      checkResult(result as Record<string, unknown>);
    } finally {
      await browser.close();
    }
  });
});
