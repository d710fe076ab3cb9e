#!/usr/bin/env node
// Entry point of the `ticklab` command. The CLI is written in TypeScript and run
// through tsx's loader, so there is no build step between editing it and using it.
import { register } from 'tsx/esm/api';

register();
// `ticklab list | head`: when the reader goes away, stop quietly instead of crashing.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('../main.ts');
process.exitCode = await main(process.argv.slice(2));
