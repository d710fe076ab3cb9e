import { describe, expect, it } from 'vitest';
import { measureFalseSharing } from '../../../engine/hardware/false-sharing.ts';

// Runs the lab with real workers at a tiny size. Speed is not asserted here (a shared,
// noisy machine); `ticklab bench ring` reports the measured ratio. What must hold: every
// layout is measured every round, and no worker's increments went missing.
describe('false-sharing lab: measurement', () => {
  for (const mode of ['atomic', 'plain'] as const) {
    it(`measures each layout once per round (${mode} increments)`, async () => {
      const r = await measureFalseSharing({ iterations: 50_000, rounds: 3, mode });
      expect(r.mode).toBe(mode);
      expect(r.layouts.map((l) => l.stride)).toEqual([8, 64, 128]);
      for (const l of r.layouts) {
        expect(l.samplesMs).toHaveLength(3);
        expect(l.medianMs).toBeGreaterThan(0);
        expect([...l.samplesMs].sort((a, b) => a - b)[1]).toBe(l.medianMs);
      }
      expect(r.ratio64).toBeCloseTo(r.layouts[0]!.medianMs / r.layouts[1]!.medianMs, 10);
      expect(r.ratio128).toBeCloseTo(r.layouts[0]!.medianMs / r.layouts[2]!.medianMs, 10);
    });
  }
});
