import { z } from 'zod';
import { labNameSchema, labResultSchema } from './lab.ts';

/**
 * `content/labs/reference.json`: the reference machine's figures for every lab, written
 * by `ticklab lab --record` (never by hand) and shown by `<Lab>` beside the student's.
 */
export const labReferenceSchema = z
  .object({
    recordedAt: z.string().datetime().describe('When `ticklab lab --record` wrote the file.'),
    machine: z.string().min(10).describe('The machine the figures come from, and anything that made them less clean (a shared, loaded machine...).'),
    command: z.string().describe('The command that wrote the file.'),
    labs: z
      .record(labNameSchema, labResultSchema)
      .describe('Each lab’s full result, as `ticklab lab <name> --json` prints it.'),
  })
  .strict()
  .superRefine((file, ctx) => {
    for (const [name, result] of Object.entries(file.labs)) {
      if (result && result.lab !== name) ctx.addIssue({ code: 'custom', path: ['labs', name, 'lab'], message: `the result under "${name}" is lab "${result.lab}"` });
    }
  });

export type LabReference = z.output<typeof labReferenceSchema>;
