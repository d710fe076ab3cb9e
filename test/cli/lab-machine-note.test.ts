/** A recorded machine description names the hardware once, even when the note passed on already does. */
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { machineNote } from '../../cli/commands/lab.ts';

describe('machineNote', () => {
  it('describes the hardware, then the note', () => {
    const note = machineNote('idle, 5 runs');
    expect(note.startsWith(os.cpus()[0]?.model?.trim() ?? 'unknown CPU')).toBe(true);
    expect(note.endsWith('. idle, 5 runs')).toBe(true);
  });

  it('does not describe the hardware twice when the note already does', () => {
    const once = machineNote('idle');
    expect(machineNote(once)).toBe(once);
  });
});
