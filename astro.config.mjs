// The course site: Astro with MDX. Sources live in site/ (pages, layouts, components);
// the course's content (outline, quizzes) in content/ and exercises in exercises/, loaded
// as content collections validated by the same zod schemas the CLI uses.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// SharedArrayBuffer (the ring exercises in the browser) needs a cross-origin isolated
// page: these two headers, which a static host must send as well.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  srcDir: './site',
  outDir: './dist',
  integrations: [mdx()],
  server: { headers: isolation, host: '127.0.0.1' },
  vite: { worker: { format: 'es' } },
});
