import { readFileSync } from 'node:fs';
import { PACKAGE_ROOT } from './paths.ts';

/** The CLI's version, from package.json (one source of truth). */
export const VERSION: string = (JSON.parse(readFileSync(`${PACKAGE_ROOT}/package.json`, 'utf8')) as { version: string }).version;
