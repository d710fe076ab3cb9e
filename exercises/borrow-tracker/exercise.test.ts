import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BorrowCell, BorrowError, type BorrowErrorKind } from './exercise.ts';

/** Runs `f` and returns the kind of BorrowError it threw, or 'ok'. */
function outcome(f: () => unknown): BorrowErrorKind | 'ok' {
  try {
    f();
    return 'ok';
  } catch (error) {
    if (error instanceof BorrowError) return error.kind;
    throw error;
  }
}

describe('shared borrows', () => {
  it('allows many readers at once, all seeing the value', () => {
    const cell = new BorrowCell({ px: 101 });
    const a = cell.borrow();
    const b = cell.borrow();
    expect(a.value.px).toBe(101);
    expect(b.value).toBe(a.value);
    expect(cell.readers).toBe(2);
    expect(cell.writing).toBe(false);
  });

  it('refuses a reader while the writer is live', () => {
    const cell = new BorrowCell(1);
    cell.borrowMut();
    expect(outcome(() => cell.borrow())).toBe('already-mutably-borrowed');
  });

  it('gives the count back on release', () => {
    const cell = new BorrowCell(1);
    const a = cell.borrow();
    cell.borrow().release();
    expect(cell.readers).toBe(1);
    a.release();
    expect(cell.readers).toBe(0);
  });
});

describe('exclusive borrows', () => {
  it('lets the writer change the value that later readers see', () => {
    const cell = new BorrowCell(100);
    const w = cell.borrowMut();
    expect(cell.writing).toBe(true);
    w.value = 250;
    expect(w.value).toBe(250);
    w.release();
    expect(cell.writing).toBe(false);
    expect(cell.borrow().value).toBe(250);
  });

  it('refuses a writer while a reader is live', () => {
    const cell = new BorrowCell(1);
    cell.borrow();
    expect(outcome(() => cell.borrowMut())).toBe('already-borrowed');
  });

  it('refuses a second writer', () => {
    const cell = new BorrowCell(1);
    cell.borrowMut();
    expect(outcome(() => cell.borrowMut())).toBe('already-borrowed');
  });

  it('refusing a borrow changes nothing', () => {
    const cell = new BorrowCell(1);
    const r = cell.borrow();
    outcome(() => cell.borrowMut());
    expect(cell.readers).toBe(1);
    expect(cell.writing).toBe(false);
    r.release();
    expect(outcome(() => cell.borrowMut())).toBe('ok');
  });
});

describe('released guards', () => {
  it('throws BorrowError("released") on a second release', () => {
    const cell = new BorrowCell(1);
    const r = cell.borrow();
    r.release();
    expect(() => r.release()).toThrow(BorrowError);
    expect(outcome(() => r.release())).toBe('released');
    expect(cell.readers).toBe(0);
  });

  it('throws on reading or writing through a released guard', () => {
    const cell = new BorrowCell(1);
    const r = cell.borrow();
    r.release();
    expect(outcome(() => r.value)).toBe('released');
    const w = cell.borrowMut();
    w.release();
    expect(outcome(() => w.value)).toBe('released');
    expect(
      outcome(() => {
        w.value = 7;
      }),
    ).toBe('released');
    expect(cell.borrow().value).toBe(1);
  });

  it('names the error', () => {
    const cell = new BorrowCell(1);
    cell.borrowMut();
    try {
      cell.borrowMut();
      expect.unreachable('borrowMut should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(BorrowError);
      expect((error as Error).name).toBe('BorrowError');
    }
  });
});

describe('using', () => {
  it('releases guards at the end of the block, like Drop', () => {
    const cell = new BorrowCell(5);
    {
      using w = cell.borrowMut();
      w.value = 6;
      expect(cell.writing).toBe(true);
    }
    expect(cell.writing).toBe(false);
    {
      using r = cell.borrow();
      expect(r.value).toBe(6);
      expect(cell.readers).toBe(1);
    }
    expect(cell.readers).toBe(0);
  });

  it('does nothing when disposing a guard already released by hand', () => {
    const cell = new BorrowCell(5);
    const keep = cell.borrow();
    {
      using r = cell.borrow();
      r.release();
    }
    expect(cell.readers).toBe(1);
    keep.release();
  });
});

/** Random sequences of borrows and releases, checked against the rule itself. */
describe('every sequence obeys "many readers XOR one writer"', () => {
  type Op = { op: 'borrow' } | { op: 'borrowMut' } | { op: 'release'; pick: number } | { op: 'read'; pick: number };
  const opArb: fc.Arbitrary<Op> = fc.oneof(
    fc.constant({ op: 'borrow' as const }),
    fc.constant({ op: 'borrowMut' as const }),
    fc.record({ op: fc.constant('release' as const), pick: fc.nat(20) }),
    fc.record({ op: fc.constant('read' as const), pick: fc.nat(20) }),
  );

  it('matches a model on 300 random sequences', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        const cell = new BorrowCell(0);
        const guards: { guard: { value: number; release(): void }; mutable: boolean; live: boolean }[] = [];
        let readers = 0;
        let writing = false;
        for (const step of ops) {
          if (step.op === 'borrow') {
            const expected = writing ? 'already-mutably-borrowed' : 'ok';
            let guard: { value: number; release(): void } | undefined;
            expect(outcome(() => (guard = cell.borrow()))).toBe(expected);
            if (guard) {
              readers += 1;
              guards.push({ guard, mutable: false, live: true });
            }
          } else if (step.op === 'borrowMut') {
            const expected = writing || readers > 0 ? 'already-borrowed' : 'ok';
            let guard: { value: number; release(): void } | undefined;
            expect(outcome(() => (guard = cell.borrowMut()))).toBe(expected);
            if (guard) {
              writing = true;
              guards.push({ guard, mutable: true, live: true });
            }
          } else {
            const g = guards[step.pick % Math.max(guards.length, 1)];
            if (!g) continue;
            if (step.op === 'read') {
              expect(outcome(() => g.guard.value)).toBe(g.live ? 'ok' : 'released');
            } else {
              expect(outcome(() => g.guard.release())).toBe(g.live ? 'ok' : 'released');
              if (g.live) {
                g.live = false;
                if (g.mutable) writing = false;
                else readers -= 1;
              }
            }
          }
          expect(cell.readers).toBe(readers);
          expect(cell.writing).toBe(writing);
        }
      }),
      { seed: 20261125, numRuns: 300 },
    );
  });
});
