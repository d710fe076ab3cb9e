import { z } from 'zod';
import { LAB_NAMES, type LabResult } from '../../engine/labs/result.ts';

/**
 * The labs (engine/labs/): the names `<Lab name>` and `ticklab lab <name>` take, and the
 * shape of a lab's result (engine/labs/result.ts's `LabResult`, which the type check at
 * the end of this file keeps in step with this schema).
 */

/** A lab's name. */
export const labNameSchema = z.enum(LAB_NAMES, {
  errorMap: () => ({ message: `not a lab: the labs are ${LAB_NAMES.join(', ')}` }),
});

/** `<Lab name="false-sharing" />`: a live measurement on the student's machine. */
export const labPropsSchema = z
  .object({
    name: labNameSchema.describe('The lab: one of engine/labs/ (false-sharing, simd, iterator-chain, allocation, order-book).'),
  })
  .strict();

const finite = () => z.number().refine(Number.isFinite, 'a finite number');
/** A figure that may be missing on some machines (NaN becomes null in JSON). */
const figure = () => z.number().nullable();

export const labPointSchema = z
  .object({
    x: finite(),
    median: finite(),
    low: finite(),
    high: finite(),
    min: finite(),
    max: finite(),
    spread: z.number().min(0),
    samples: z.array(finite()).min(1),
  })
  .strict()
  .refine((p) => p.min <= p.low && p.low <= p.median && p.median <= p.high && p.high <= p.max, 'min <= low <= median <= high <= max');

export const labSeriesSchema = z.object({ id: z.string().min(1), label: z.string().min(1), points: z.array(labPointSchema).min(1) }).strict();

export const labAxisSchema = z
  .object({
    label: z.string().min(1),
    unit: z.string(),
    scale: z.enum(['linear', 'log', 'category']),
    ticks: z.array(z.object({ value: z.number(), label: z.string() }).strict()).optional(),
  })
  .strict();

export const labChartSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    kind: z.enum(['bars', 'lines']),
    x: labAxisSchema,
    y: labAxisSchema.extend({ better: z.enum(['lower', 'higher']) }).strict(),
    series: z.array(labSeriesSchema).min(1),
  })
  .strict();

export const labEnvironmentSchema = z
  .object({
    runtime: z.enum(['node', 'browser']),
    agent: z.string(),
    cores: z.number().int().positive().nullable(),
    sharedMemory: z.boolean(),
    simd: z.boolean(),
  })
  .strict();

/** A lab's result, as `run` returns it (figures may be NaN) or as JSON keeps it (NaN as null). */
export const labResultSchema = z
  .object({
    lab: labNameSchema,
    title: z.string().min(1),
    quick: z.boolean(),
    rounds: z.number().int().positive(),
    charts: z.array(labChartSchema).min(1),
    figures: z.record(figure()),
    reading: z.string().min(10),
    busy: z.string().nullable(),
    maxSpread: z.number().min(0),
    notes: z.array(z.string()),
    environment: labEnvironmentSchema,
    measuredAt: z.string().datetime(),
  })
  .strict();

export type LabProps = z.output<typeof labPropsSchema>;

// The schema and engine/labs/result.ts describe the same object: a change to one without
// the other fails the type check here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Parsed = z.output<typeof labResultSchema>;
const resultInStep: Same<Omit<Parsed, 'figures'>, Omit<LabResult, 'figures'>> = true;
void resultInStep;
