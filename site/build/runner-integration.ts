/**
 * The Astro integration that ships the in-page runner (runner-files.ts): in `astro dev`
 * its files are built when the server starts and rebuilt when the engine, the grading
 * core, an exercise or the runner changes (unchanged sources come from a cache); `astro build` writes them into the output folder, so
 * `astro preview` and any static host serve them beside the pages, with a `_headers`
 * file for the hosts that read one.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CROSS_ORIGIN_ISOLATION_HEADERS } from '../../grading/isolation.ts';
import { buildRunnerFiles, runnerSourcesStamp, type RunnerFiles } from './runner-files.ts';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
};

export default function ticklabRunner(): AstroIntegration {
  let root = process.cwd();
  let base = '/';
  return {
    name: 'ticklab-runner',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        base = config.base;
      },
      'astro:server:setup': ({ server, logger }) => {
        let built: { stamp: number; files: Promise<RunnerFiles> } | undefined;
        const files = (): Promise<RunnerFiles> => {
          const stamp = runnerSourcesStamp(root);
          if (!built || built.stamp !== stamp) {
            const started = performance.now();
            const promise = buildRunnerFiles({ root, base, minify: false });
            promise.then(
              () => logger.info(`runner built in ${Math.round(performance.now() - started)} ms`),
              (error: unknown) => logger.error(`runner: ${String(error)}`),
            );
            built = { stamp, files: promise };
          }
          return built.files;
        };
        // Start now (from the cache when nothing changed), so the first Run does not wait for it.
        void files().catch(() => undefined);
        const prefix = base.replace(/\/?$/, '/');
        server.middlewares.use((req, res, next) => {
          const url = (req.url ?? '').split('?')[0] ?? '';
          if (!url.startsWith(`${prefix}runner/`) && url !== `${prefix}coi-serviceworker.js`) return next();
          files().then(
            (all) => {
              const body = all.get(url.slice(prefix.length));
              if (body === undefined) return next();
              res.setHeader('Content-Type', TYPES[path.extname(url)] ?? 'application/octet-stream');
              res.setHeader('Cache-Control', 'no-cache');
              // A worker started by an isolated page must be served isolated too, or it is refused.
              for (const [name, value] of Object.entries(CROSS_ORIGIN_ISOLATION_HEADERS)) res.setHeader(name, value);
              res.end(body);
            },
            (error: unknown) => {
              res.statusCode = 500;
              res.end(`the runner did not build: ${String(error)}`);
            },
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const out = fileURLToPath(dir);
        const files = await buildRunnerFiles({ root, base });
        for (const [name, body] of files) {
          const file = path.join(out, name);
          mkdirSync(path.dirname(file), { recursive: true });
          writeFileSync(file, body);
        }
        // Static hosts that read a headers file (Netlify, Cloudflare Pages) make every page
        // cross-origin isolated with it; elsewhere coi-serviceworker.js does the same.
        const headers = Object.entries(CROSS_ORIGIN_ISOLATION_HEADERS).map(([k, v]) => `  ${k}: ${v}`);
        writeFileSync(path.join(out, '_headers'), ['/*', ...headers, ''].join('\n'));
        logger.info(`runner: ${files.size} files in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
