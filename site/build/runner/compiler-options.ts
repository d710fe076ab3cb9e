/**
 * The CLI's type-check options, for the page: tsconfig.json's with only Node's types
 * (cli/grader/typecheck.ts does the same), as JSON for the manifest and parsed for the
 * TypeScript program that gathers the declarations.
 */
import path from 'node:path';
import type * as TS from 'typescript';
import { ts } from './typescript.ts';

export interface GradingCompilerOptions {
  /** As written in tsconfig.json, for `/runner/manifest.json`; types from the virtual `/node_modules/@types`. */
  json: Record<string, unknown>;
  options: TS.CompilerOptions;
}

export function gradingCompilerOptions(root: string): GradingCompilerOptions {
  const configFile = path.join(root, 'tsconfig.json');
  const { config } = ts.readConfigFile(configFile, ts.sys.readFile);
  const json = { ...(config.compilerOptions as Record<string, unknown>), noEmit: true, types: ['node'], typeRoots: ['/node_modules/@types'] };
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configFile);
  const options = { ...parsed.options, noEmit: true, types: ['node'], typeRoots: [path.join(root, 'node_modules', '@types')] };
  return { json, options };
}
