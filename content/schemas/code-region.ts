import { z } from 'zod';

/** Props of the `<CodeRegion>` component: which tested file (and region of it) a lesson quotes. */
export const codeRegionPropsSchema = z
  .object({
    file: z
      .string()
      .regex(
        /^(exercises|engine|grading|cli)\/[A-Za-z0-9_./-]+\.(ts|wat|json)$/,
        'a path from the repository root into exercises/, engine/, grading/ or cli/, e.g. "engine/ring/spsc-ring-buffer.ts"',
      )
      .refine((f) => !f.includes('..'), 'no ".." in the path')
      .refine(
        (f) => !/^exercises\/[^/]+\/solution\.ts$/.test(f),
        'a solution.ts is never quoted with <CodeRegion>; use <Solution slug="..." region="..."> (folded, shown after the student has run the exercise)',
      )
      .describe('The tested file to quote, from the repository root.'),
    region: z.string().regex(/^[a-z0-9-]+$/).optional().describe('The region to quote (`// #region <name>`); the whole file when absent.'),
    title: z.string().optional().describe('A caption shown above the code; defaults to the file and region.'),
  })
  .strict();

export type CodeRegionProps = z.infer<typeof codeRegionPropsSchema>;
