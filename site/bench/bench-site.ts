/**
 * `npm run bench:site`: how the course site performs for a student, measured in headless
 * Chromium (Debian's, through playwright-core) against the built site served locally, as
 * `npm run preview` serves it. A report, never a timed test: it prints figures, with the
 * targets beside them.
 *
 *  - JavaScript a lesson page ships before any interaction (gzip), target at most 60 KB.
 *  - Run to results in the exercise of that lesson: cold (a fresh browser: Monaco, the
 *    compiler and the runner load), and warm (the next runs), target under 300 ms warm
 *    for the pilot exercises; each pilot exercise's solution graded warm through the
 *    page's runner too.
 *  - Per pilot, in its own lesson, Run pressed as a student presses it: cold (a fresh
 *    profile, Run the moment the page has loaded), after a second of idle time in view (a
 *    fresh profile: the warm-up's head start), after a reload (files cached), after the
 *    in-view warm-up has finished, and warm, each with its ratio to warm (goal: within 3x),
 *    all measured in the same run, with the type-check worker's own timings of its steps.
 *  - Lighthouse 12 performance and accessibility scores of the lesson page (targets 95 and
 *    100), mobile (Lighthouse's default: a mid-range phone, throttled) and desktop.
 *
 * Options: --no-build (use dist/ as it is), --lesson /module/lesson/ (default
 * /ownership/borrowing/), --exercise <slug> (the lesson's exercise; default its first),
 * --runs <n> warm runs (default 5), --no-lighthouse, --root <dir> (another checkout).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import type { Page } from 'playwright-core';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = process.env.TICKLAB_CHROMIUM ?? '/usr/bin/chromium';
const PILOTS = ['borrow-tracker', 'lanewise-vwap', 'spsc-push-pop'];

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
};
const lesson = option('--lesson', '/ownership/borrowing/');
/** The site's root (a checkout, or a copy of one): its dist/ is built and served. */
const ROOT = path.resolve(option('--root', REPO));
const warmRuns = Number(option('--runs', '5'));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (x: number) => `${Math.round(x)} ms`;
const verdictOf = (target: boolean) => (target ? 'meets the target' : 'MISSES the target');

function build(): void {
  const started = Date.now();
  const run = spawnSync(process.execPath, [path.join(REPO, 'node_modules/astro/astro.js'), 'build', '--root', ROOT], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`astro build failed:\n${(run.stdout + run.stderr).slice(-6000)}`);
  console.log(`built the site in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Scripts a page loads before any interaction: every script response until the network is idle. */
async function scriptsBeforeInteraction(page: Page, url: string): Promise<{ url: string; gzip: number }[]> {
  const scripts: { url: string; gzip: number }[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type !== 'script') return;
    pending.push(
      response.body().then(
        (body) => void scripts.push({ url: response.url(), gzip: gzipSync(body).length }),
        () => undefined,
      ),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await Promise.all(pending);
  // Inline scripts ship too (not the exercises' JSON data).
  const inline = (await page.evaluate(
    `[...document.querySelectorAll('script:not([src])')].filter((s) => !/json/.test(s.getAttribute('type') ?? '')).map((s) => s.textContent ?? '')`,
  )) as string[];
  for (const text of inline) if (text.trim()) scripts.push({ url: '(inline script)', gzip: gzipSync(text).length });
  return scripts;
}

/**
 * Presses Run in the exercise and returns ms to the first test shown, to every test's
 * result shown (the phases say the tests are over; the type-check may still go on, and the
 * verdict waits for it), and to the verdict.
 */
async function runOnce(page: Page, slug: string): Promise<RunTimes> {
  const exercise = page.locator(`[data-exercise="${slug}"]`);
  await exercise.locator('[data-action="run"]').waitFor();
  // A string, not a function: tsx would add helpers (__name) that do not exist in the page.
  return page.evaluate(`(async () => {
    const root = document.querySelector('[data-exercise="${slug}"]');
    const button = root.querySelector('[data-action="run"]');
    const results = root.querySelector('[data-results]');
    results.innerHTML = '';
    // Whether the in-view warm-up had already started the type-check worker when Run is pressed.
    const warming = performance.getEntriesByType('resource').some((e) => e.name.includes('/runner/check-worker.js'));
    const t0 = performance.now();
    let firstTest = 0;
    let testsOver = 0;
    button.click();
    await new Promise((resolve) => {
      const check = () => {
        if (!firstTest && results.querySelector('li[data-status]')) firstTest = performance.now() - t0;
        if (!testsOver && root.querySelector('[data-phases] li:nth-child(3):is([data-state="done"], [data-state="failed"])')) testsOver = performance.now() - t0;
        if (button.textContent.trim() === 'Run tests') resolve();
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    const verdict = performance.now() - t0;
    // Where this run's type-check spent its time, as the type-check worker reports it (grade.ts's marks).
    const check = {};
    for (const m of performance.getEntriesByType('measure')) if (m.name.startsWith('ticklab typecheck: ') && m.startTime >= t0) check[m.name.slice(19)] = m.duration;
    return { firstTest: firstTest || verdict, testsOver: testsOver || verdict, verdict, warming, check, text: root.querySelector('[data-run-status]')?.textContent ?? '' };
  })()`) as Promise<RunTimes>;
}

interface RunTimes {
  firstTest: number;
  /** Every test's result on screen: the tests are over (the type-check may not be). */
  testsOver: number;
  /** The verdict, the type-check's errors in it. */
  verdict: number;
  /** The type-check worker was already started (by the in-view warm-up) when Run was pressed. */
  warming: boolean;
  /** The type-check's own steps (ms): compiler (load and evaluate), declarations (wait once the compiler is in), parse, check. */
  check: Partial<Record<'compiler' | 'declarations' | 'parse' | 'check', number>>;
  text: string;
}

/** The lesson page of an exercise, from its meta.json. */
function lessonOf(slug: string): string {
  const meta = JSON.parse(readFileSync(path.join(ROOT, 'exercises', slug, 'meta.json'), 'utf8')) as { lesson: string };
  return `/${meta.lesson}/`;
}

/** A pilot's Run in its lesson, pressed as a student presses it: the moments that differ. */
interface FirstRuns {
  /** A fresh browser profile (empty cache), Run pressed the moment the page has loaded (no idle time, so no warm-up). */
  cold: RunTimes;
  /** Another fresh profile: the page loaded, the exercise scrolled into view, one second of idle time (the warm-up's), then Run. */
  afterIdle: RunTimes;
  /** The first profile after a reload (files cached; compiler and workers start again), Run pressed at once. */
  afterReload: RunTimes;
  /** After another reload, once the in-view warm-up has finished (the page says data-runner="warm"). */
  afterWarmUp: RunTimes;
  /** The median of the next runs (verdicts). */
  warm: number;
  /** A fresh profile, the starting file edited (a line added, in the plain editor), Run pressed at once: the type-check cannot be skipped. */
  edited: RunTimes;
  /** The median of the next runs of that edited file, in that profile. */
  editedWarm: number;
}

async function freshLesson(browser: import('playwright-core').Browser, url: string, editor?: 'plain') {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  // The editor a student chose is remembered in localStorage (site/components/exercise/preferences.ts).
  if (editor) await context.addInitScript((kind) => localStorage.setItem('ticklab-editor', kind), editor);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return { context, page };
}

/** The median verdict of `warmRuns` more Runs, half a second apart, as a student presses Run again. */
async function warmVerdict(page: Page, slug: string): Promise<number> {
  const verdicts: number[] = [];
  for (let i = 0; i < warmRuns; i++) {
    await page.waitForTimeout(500);
    verdicts.push((await runOnce(page, slug)).verdict);
  }
  return median(verdicts);
}

async function firstRuns(browser: import('playwright-core').Browser, origin: string, slug: string): Promise<FirstRuns> {
  const url = `${origin}${lessonOf(slug)}`;
  const exercise = `[data-exercise="${slug}"]`;
  // Cold after a second's idle, in its own fresh profile (nothing cached, nothing loaded before the page).
  const idle = await freshLesson(browser, url);
  let afterIdle: RunTimes;
  try {
    await idle.page.locator(exercise).scrollIntoViewIfNeeded();
    await idle.page.waitForTimeout(1000);
    afterIdle = await runOnce(idle.page, slug);
  } finally {
    await idle.context.close();
  }
  // Edited, in its own fresh profile: what a student who changed the file meets on the first Run.
  const edit = await freshLesson(browser, url, 'plain');
  let edited: RunTimes;
  let editedWarm: number;
  try {
    const root = edit.page.locator(exercise);
    await root.getByRole('button', { name: 'Edit code' }).click();
    await root.locator('textarea').fill(`${readFileSync(path.join(ROOT, 'exercises', slug, 'exercise.ts'), 'utf8')}\n// edited\n`);
    edited = await runOnce(edit.page, slug);
    editedWarm = await warmVerdict(edit.page, slug);
  } finally {
    await edit.context.close();
  }
  const { context, page } = await freshLesson(browser, url);
  try {
    const cold = await runOnce(page, slug);
    await page.reload({ waitUntil: 'load' });
    const afterReload = await runOnce(page, slug);
    await page.reload({ waitUntil: 'load' });
    await page.locator(exercise).scrollIntoViewIfNeeded();
    await page.locator(`${exercise}[data-runner="warm"]`).waitFor({ timeout: 120_000 });
    const afterWarmUp = await runOnce(page, slug);
    return { cold, afterIdle, afterReload, afterWarmUp, warm: await warmVerdict(page, slug), edited, editedWarm };
  } finally {
    await context.close();
  }
}

/** A type-check's steps as the worker timed them: "compiler 612 + declarations 80, parse 401 of check 1130". */
function checkSteps(r: RunTimes): string {
  const c = r.check;
  if (c.check === undefined) return 'not type-checked (the untouched starting file)';
  return `compiler ${ms(c.compiler ?? 0)} + declarations ${ms(c.declarations ?? 0)}, parse ${ms(c.parse ?? 0)} of check ${ms(c.check)}`;
}

type Scores = { performance: number | undefined; accessibility: number | undefined; problem?: string };

async function lighthouseScores(url: string): Promise<Record<string, Scores>> {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  const scores: Record<string, Scores> = {};
  try {
    for (const formFactor of ['mobile', 'desktop'] as const) {
      const config =
        formFactor === 'desktop'
          ? {
              extends: 'lighthouse:default',
              settings: {
                formFactor: 'desktop' as const,
                screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false },
                throttling: { rttMs: 40, throughputKbps: 10240, cpuSlowdownMultiplier: 1, requestLatencyMs: 0, downloadThroughputKbps: 0, uploadThroughputKbps: 0 },
              },
            }
          : undefined;
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] }, config);
      const { categories, runtimeError } = result!.lhr;
      const score = (x: number | null | undefined) => (typeof x === 'number' ? Math.round(x * 100) : undefined);
      // A score Lighthouse could not compute is reported as such, never as 0.
      const problem = runtimeError ? `${runtimeError.code}: ${runtimeError.message}` : undefined;
      scores[formFactor] = { performance: score(categories.performance?.score), accessibility: score(categories.accessibility?.score), ...(problem ? { problem } : {}) };
    }
  } finally {
    await chrome.kill();
  }
  return scores;
}

async function main(): Promise<void> {
  if (!flag('--no-build')) build();
  const { preview } = await import('astro');
  const server = await preview({ root: ROOT, logLevel: 'error', server: { port: 4399, host: '127.0.0.1' } });
  const origin = `http://127.0.0.1:${server.port}`;
  const url = `${origin}${lesson}`;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const all = await scriptsBeforeInteraction(page, url);
    // The runner's warm-up (the compiler and a grading worker, in workers, in idle time once
    // the exercise is in view) is counted apart: it is not what the page needs to answer.
    const isWarmUp = (u: string) => u.includes('/runner/') || /\/_astro\/grade\.[^/]*\.js$/.test(u);
    const scripts = all.filter((s) => !isWarmUp(s.url));
    const warmUp = all.filter((s) => isWarmUp(s.url));
    const js = scripts.reduce((n, s) => n + s.gzip, 0);
    const slug = option('--exercise', (await page.locator('[data-exercise]').first().getAttribute('data-exercise')) ?? 'borrow-tracker');

    const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
    console.log(`\nLesson ${lesson} (exercise ${slug}), ${new Date().toISOString()}, Chromium headless, ${os.cpus().length} cores, load average ${load}`);
    console.log(`JavaScript before any interaction: ${kb(js)} gzip in ${scripts.length} scripts (target at most 60 KB: ${verdictOf(js <= 60 * 1024)})`);
    for (const s of scripts.sort((a, b) => b.gzip - a.gzip)) console.log(`  ${kb(s.gzip).padStart(9)}  ${s.url.replace(origin, '')}`);
    console.log(`The runner's warm-up in idle time, the exercise in view (workers; not before interaction): ${kb(warmUp.reduce((n, s) => n + s.gzip, 0))} gzip in ${warmUp.length} scripts`);

    const cold = await runOnce(page, slug);
    const warm: RunTimes[] = [];
    for (let i = 0; i < warmRuns; i++) {
      await page.waitForTimeout(500); // a student's pause between two runs
      warm.push(await runOnce(page, slug));
    }
    const warmVerdict = median(warm.map((w) => w.verdict));
    console.log(`\nRun to results, ${slug}'s starting code, in the page (button to verdict; first test shown, then every test shown, in brackets):`);
    console.log(`  first: ${ms(cold.verdict)} (${ms(cold.firstTest)}, ${ms(cold.testsOver)}), the page's first Run once its network was idle (${cold.warming ? 'the in-view warm-up had started meanwhile: not a cold Run, see the pilots below' : 'the warm-up had not started: cold'}); "${cold.text}"`);
    console.log(`  warm: median ${ms(warmVerdict)} (${ms(median(warm.map((w) => w.firstTest)))}) of ${warmRuns} runs (target under 300 ms: ${verdictOf(warmVerdict < 300)})`);

    // Each pilot's first Run as a student meets it, against its warm Run measured in the same profile.
    // Cold, the tests' results come first (the tests run on Sucrase's output at once) and the verdict when the type-check is in.
    console.log(`\nFirst Run per pilot, in its lesson at 1366x900 (starting code; ms from Run pressed to the verdict, type errors in it; "tests": to every test's result shown; warm: median of ${warmRuns}; x: against warm):`);
    console.log('  cold:        a fresh profile, Run pressed as soon as the page has loaded (no idle time yet, so no warm-up)');
    console.log('  after idle:  a fresh profile, the page loaded, the exercise scrolled into view, 1 s idle (the warm-up starts in idle time), Run');
    console.log('  reload:      the cold profile reloaded (files cached, compiler and workers start again), Run pressed at once');
    console.log('  warmed up:   reloaded again, Run once the in-view warm-up has finished');
    console.log('  (the untouched starting file is not type-checked: ticklab check proves it type-checks; so each is measured edited too)');
    console.log('  edited:      a fresh profile, the starting file edited in the plain editor (a line added), Run pressed at once; against its own warm Runs');
    const rows: { pilot: string; r: FirstRuns }[] = [];
    for (const pilot of PILOTS) rows.push({ pilot, r: await firstRuns(browser, origin, pilot) });
    const x = (a: number, w: number) => `${(a / w).toFixed(1)}x`;
    for (const { pilot, r } of rows) {
      console.log(
        `  ${pilot.padEnd(16)} cold tests ${ms(r.cold.testsOver).padStart(7)} (${x(r.cold.testsOver, r.warm)}), cold verdict ${ms(r.cold.verdict).padStart(7)} (${x(r.cold.verdict, r.warm)}), after idle ${ms(r.afterIdle.verdict).padStart(7)} (${x(r.afterIdle.verdict, r.warm)}), reload ${ms(r.afterReload.verdict).padStart(7)} (${x(r.afterReload.verdict, r.warm)}), warmed up ${ms(r.afterWarmUp.verdict).padStart(7)} (${x(r.afterWarmUp.verdict, r.warm)}), warm ${ms(r.warm).padStart(6)}`,
      );
      console.log(`  ${''.padEnd(16)} goal cold within 3x of warm: tests ${verdictOf(r.cold.testsOver <= 3 * r.warm)}, verdict ${verdictOf(r.cold.verdict <= 3 * r.warm)}, after idle ${verdictOf(r.afterIdle.verdict <= 3 * r.warm)}; "${r.cold.text}"`);
      console.log(`  ${''.padEnd(16)} edited: cold tests ${ms(r.edited.testsOver).padStart(7)} (${x(r.edited.testsOver, r.editedWarm)}), cold verdict ${ms(r.edited.verdict).padStart(7)} (${x(r.edited.verdict, r.editedWarm)}), warm ${ms(r.editedWarm).padStart(6)}; goal verdict within 3x: ${verdictOf(r.edited.verdict <= 3 * r.editedWarm)}; type-check ${checkSteps(r.edited)}${r.edited.warming ? ' (opening the editor had started the warm-up)' : ''}`);
      console.log(`  ${''.padEnd(16)} type-check, cold: ${checkSteps(r.cold)}; after idle: ${checkSteps(r.afterIdle)}${r.afterIdle.warming ? ' (the warm-up had started it)' : ' (the warm-up had NOT started in that second)'}${r.cold.warming ? '; NOTE the cold run found the warm-up started' : ''}`);
    }

    // Each pilot exercise's solution through the page's runner, warm (the second and later runs).
    console.log('\nEach pilot exercise\'s solution graded through the page\'s runner (a fresh runner instance: its first run is cold; warm is the median of the next 5):');
    for (const pilot of PILOTS) {
      const solution = readFileSync(path.join(ROOT, 'exercises', pilot, 'solution.ts'), 'utf8');
      // A string, not a function: the bench's own loader must not rewrite the dynamic import.
      // A short pause between runs, as a student takes between two presses of Run.
      const runs = (await page.evaluate(`(async () => {
        const runner = await import(location.origin + '/runner/grade.js');
        const out = [];
        for (let i = 0; i < 6; i++) {
          await new Promise((resolve) => setTimeout(resolve, 500));
          const t0 = performance.now();
          const r = await runner.gradeInPage(${JSON.stringify(pilot)}, ${JSON.stringify(solution)} + '\\n'.repeat(i));
          out.push({ ms: performance.now() - t0, status: r.status, tests: r.tests.reduce((n, t) => n + t.durationMs, 0) });
        }
        return out;
      })()`)) as { ms: number; status: string; tests: number }[];
      const warm = runs.slice(1);
      const total = median(warm.map((r) => r.ms));
      const own = median(warm.map((r) => r.tests));
      console.log(
        `  ${pilot.padEnd(16)} cold ${ms(runs[0]!.ms).padStart(8)}, warm median ${ms(total).padStart(7)} (${runs[0]!.status}): the tests' own run time ${ms(own)}, the runner's share ${ms(total - own)} (target under 300 ms: ${verdictOf(total < 300)})`,
      );
    }
    await context.close();

    if (!flag('--no-lighthouse')) {
      const scores = await lighthouseScores(url);
      console.log(`\nLighthouse 12 on ${lesson}:`);
      for (const [formFactor, s] of Object.entries(scores)) {
        const perf = s.performance === undefined ? 'not measured' : `${s.performance} (target at least 95: ${verdictOf(s.performance >= 95)})`;
        const a11y = s.accessibility === undefined ? 'not measured' : `${s.accessibility} (target 100: ${verdictOf(s.accessibility >= 100)})`;
        console.log(`  ${formFactor.padEnd(8)} performance ${perf}, accessibility ${a11y}${s.problem ? `; Lighthouse: ${s.problem} (run it again on a quieter machine)` : ''}`);
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
