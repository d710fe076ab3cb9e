/** TypeScript's compiler API, loaded with Node's require (the package is CommonJS), once for the runner's build. */
import { createRequire } from 'node:module';
import type * as TS from 'typescript';

export const ts: typeof TS = createRequire(import.meta.url)('typescript');
