#!/usr/bin/env node
// `npm test [-- vitest options]`: the type-check, every vitest tier, then the exercises'
// integrity check (`ticklab check`). Options after `--` go to vitest (`--project e2e`,
// a file filter); with any, the integrity check is left to a full run.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const run = (command, argv) => {
  const r = spawnSync(command, argv, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json']);
run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...args]);
if (args.length === 0) run(process.execPath, ['cli/bin/ticklab.mjs', 'check']);
