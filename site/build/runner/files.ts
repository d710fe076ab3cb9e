/** The runner's output: file path under the site's output folder -> contents. */
export type RunnerFiles = Map<string, string | Uint8Array>;

export interface RunnerBuildOptions {
  /** The repository root (where package.json, engine/, exercises/ and grading/ are). */
  root: string;
  /** The site's base path ("/"). */
  base?: string;
  /** Minify the runtime (default true). */
  minify?: boolean;
}

/** The base path with one trailing slash. */
export const basePath = (options: RunnerBuildOptions): string => (options.base ?? '/').replace(/\/?$/, '/');
