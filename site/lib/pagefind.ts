/**
 * An Astro integration that indexes the built site with Pagefind when `astro build` is
 * done, into dist/pagefind/: full-text search with no server. Only the parts of pages
 * marked `data-pagefind-body` (lessons, the glossary) are indexed.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
// Imported with the config (a dynamic import in the hook would go through Vite's module runner, closed by then).
import { close, createIndex } from 'pagefind';

export default function pagefind(): AstroIntegration {
  return {
    name: 'ticklab-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        try {
          const added = await index.addDirectory({ path: site });
          if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
          if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          logger.info(`indexed ${added.page_count} pages into ${path.relative(process.cwd(), path.join(site, 'pagefind')) || 'pagefind'}/`);
        } finally {
          await close();
        }
      },
    },
  };
}
