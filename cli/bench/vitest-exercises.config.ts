import { defineConfig } from 'vitest/config';

// The grade benchmark's peer: plain vitest running the exercises' own test files.
export default defineConfig({
  test: { include: ['exercises/*/exercise.test.ts'], pool: 'forks', testTimeout: 60_000 },
});
