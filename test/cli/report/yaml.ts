/**
 * A YAML reader for the tests (TAP diagnostics, the workflow files in docs/): js-yaml, which
 * the toolchain already installs (astro depends on it) and which ships no types of its own.
 */
import { createRequire } from 'node:module';

const jsYaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

export const loadYaml = (text: string): unknown => jsYaml.load(text);
