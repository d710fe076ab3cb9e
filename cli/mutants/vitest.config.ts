/**
 * The vitest configuration Stryker runs an exercise's tests with (`ticklab check --mutants`):
 * one exercise's exercise.test.ts, whose `./exercise.ts` import is pointed at its
 * solution.ts, the file Stryker mutates. TICKLAB_MUTANT_SLUG names the exercise.
 */
import path from 'node:path';
import { defineConfig, type Plugin } from 'vitest/config';

const slug = process.env.TICKLAB_MUTANT_SLUG;
if (!slug) throw new Error('cli/mutants/vitest.config.ts: set TICKLAB_MUTANT_SLUG to the exercise whose solution is mutated');

/** `import ... from './exercise.ts'` in an exercise's test file resolves to its solution.ts. */
function solutionAsExercise(): Plugin {
  return {
    name: 'ticklab-solution-as-exercise',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !/\/exercises\/[^/]+\/exercise\.test\.ts$/.test(importer)) return null;
      if (!/^\.\/exercise(\.ts)?$/.test(source)) return null;
      return path.join(path.dirname(importer), 'solution.ts');
    },
  };
}

export default defineConfig({
  plugins: [solutionAsExercise()],
  test: {
    include: [`exercises/${slug}/exercise.test.ts`],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
