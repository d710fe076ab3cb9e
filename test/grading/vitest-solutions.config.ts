import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Plain vitest on the exercises' own test files, with `./exercise.ts` pointed at each
// solution: proves the test files run unchanged outside ticklab's grader.
export default defineConfig({
  plugins: [
    {
      name: 'exercise-is-solution',
      enforce: 'pre',
      resolveId(source, importer) {
        if (importer?.endsWith('exercise.test.ts') && /^\.\/exercise(\.ts)?$/.test(source)) {
          return path.join(path.dirname(importer), 'solution.ts');
        }
        return null;
      },
    },
  ],
  test: { include: ['exercises/*/exercise.test.ts'], pool: 'forks', testTimeout: 60_000 },
});
