// The course site: Astro with MDX. Sources live in site/ (pages, layouts, components);
// the course's content (outline, quizzes) in content/ and exercises in exercises/, loaded
// as content collections validated by the same zod schemas the CLI uses.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
// Full-text search: Pagefind indexes the built lessons into dist/pagefind/ after every build.
import pagefind from './site/lib/pagefind.ts';
// Highlighting themes of all code on the site (both keep WCAG AA contrast).
import { CODE_THEMES } from './site/lib/code-themes.ts';
// The in-page runner (engine modules, grading worker, type-check, declarations): built into /runner/.
import ticklabRunner from './site/build/runner-integration.ts';
// A "Run in the Rust Playground" link under every Rust block of a lesson.
import rustPlayground from './site/build/rust-playground.ts';

// SharedArrayBuffer (the ring exercises in the browser) needs a cross-origin isolated
// page: these two headers (one home, shared with the CLI's Chromium grading page), which a
// static host must send as well.
import { CROSS_ORIGIN_ISOLATION_HEADERS as isolation } from './grading/isolation.ts';

export default defineConfig({
  srcDir: './site',
  outDir: './dist',
  integrations: [mdx(), ticklabRunner(), pagefind()],
  // Fenced code in lessons (Rust, rustc's messages) in the site's light and dark themes.
  markdown: { shikiConfig: { themes: CODE_THEMES }, remarkPlugins: [rustPlayground] },
  server: { headers: isolation, host: '127.0.0.1' },
  vite: { worker: { format: 'es' } },
});
