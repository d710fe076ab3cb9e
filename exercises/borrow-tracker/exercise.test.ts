import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BorrowCell, BorrowError, type BorrowErrorKind } from './exercise.ts';

/** Runs `f` and returns the kind of BorrowError it threw, or 'ok'; any other error is a failure of its own. */
function outcome(f: () => unknown): BorrowErrorKind | 'ok' | string {
  try {
    f();
    return 'ok';
  } catch (error) {
    if (error instanceof BorrowError) return error.kind;
    return `not a BorrowError: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  }
}

/** fc.check, failing with the assertion's own message next to the shrunk counterexample. */
function assertProperty<Ts extends [unknown, ...unknown[]]>(property: fc.IProperty<Ts>, params: fc.Parameters<Ts>): void {
  const run = fc.check(property, params);
  if (!run.failed) return;
  const cause = run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance);
  throw new Error(`${cause}\n\nsmallest failing sequence: ${fc.stringify(run.counterexample)}\n(seed ${run.seed}, path "${run.counterexamplePath}", after ${run.numRuns} runs and ${run.numShrinks} shrinks)`);
}

describe('shared borrows', () => {
  it('allows many readers at once, all seeing the value', () => {
    const cell = new BorrowCell({ px: 101 });
    const a = cell.borrow();
    const b = cell.borrow();
    expect(a.value.px, 'a.value.px through the first of two shared borrows').toBe(101);
    expect(b.value, 'the value through the second shared borrow (the same object)').toBe(a.value);
    expect(cell.readers, 'readers after two borrows').toBe(2);
    expect(cell.writing, 'writing after two shared borrows').toBe(false);
  });

  it('a reader while the writer is live throws BorrowError("already-mutably-borrowed")', () => {
    const cell = new BorrowCell(1);
    cell.borrowMut();
    expect(outcome(() => cell.borrow()), 'borrow() while a borrowMut() guard is live').toBe('already-mutably-borrowed');
  });

  it('release gives the count back, one reader at a time', () => {
    const cell = new BorrowCell(1);
    const a = cell.borrow();
    cell.borrow().release();
    expect(cell.readers, 'readers after two borrows and one release').toBe(1);
    a.release();
    expect(cell.readers, 'readers after both are released').toBe(0);
  });
});

describe('exclusive borrows', () => {
  it('lets the writer change the value that later readers see', () => {
    const cell = new BorrowCell(100);
    const w = cell.borrowMut();
    expect(cell.writing, 'writing while a borrowMut() guard is live').toBe(true);
    w.value = 250;
    expect(w.value, 'the value read back through the writer').toBe(250);
    w.release();
    expect(cell.writing, 'writing after the writer is released').toBe(false);
    expect(cell.borrow().value, 'the value a later reader sees').toBe(250);
  });

  it('a writer while a reader is live throws BorrowError("already-borrowed")', () => {
    const cell = new BorrowCell(1);
    cell.borrow();
    expect(outcome(() => cell.borrowMut()), 'borrowMut() while one borrow() guard is live').toBe('already-borrowed');
    cell.borrow();
    expect(outcome(() => cell.borrowMut()), 'borrowMut() while two borrow() guards are live').toBe('already-borrowed');
  });

  it('a second writer throws BorrowError("already-borrowed")', () => {
    const cell = new BorrowCell(1);
    cell.borrowMut();
    expect(outcome(() => cell.borrowMut()), 'borrowMut() while another borrowMut() guard is live').toBe('already-borrowed');
  });

  it('a refused borrow changes nothing', () => {
    const cell = new BorrowCell(1);
    const r = cell.borrow();
    outcome(() => cell.borrowMut());
    expect(cell.readers, 'readers after a refused borrowMut()').toBe(1);
    expect(cell.writing, 'writing after a refused borrowMut()').toBe(false);
    r.release();
    expect(outcome(() => cell.borrowMut()), 'borrowMut() once the reader is released').toBe('ok');
    outcome(() => cell.borrow());
    expect(cell.readers, 'readers after a refused borrow()').toBe(0);
    expect(cell.writing, 'writing after a refused borrow()').toBe(true);
  });
});

describe('released guards', () => {
  it('a second release throws BorrowError("released") and gives nothing back twice', () => {
    const cell = new BorrowCell(1);
    const keep = cell.borrow();
    const r = cell.borrow();
    r.release();
    expect(outcome(() => r.release()), 'releasing a shared guard a second time').toBe('released');
    expect(cell.readers, 'readers after one guard released twice (the other still live)').toBe(1);
    keep.release();
    const w = cell.borrowMut();
    w.release();
    const other = cell.borrowMut(); // the cell is free: someone else writes now
    expect(outcome(() => w.release()), 'releasing a mutable guard a second time').toBe('released');
    expect(cell.writing, "writing, while another writer is live, after the old writer's second release").toBe(true);
    other.release();
  });

  it('reading or writing through a released guard throws BorrowError("released")', () => {
    const cell = new BorrowCell(1);
    const r = cell.borrow();
    r.release();
    expect(outcome(() => r.value), 'reading value through a released shared guard').toBe('released');
    const w = cell.borrowMut();
    w.release();
    expect(outcome(() => w.value), 'reading value through a released mutable guard').toBe('released');
    expect(
      outcome(() => {
        w.value = 7;
      }),
      'writing value through a released mutable guard',
    ).toBe('released');
    expect(cell.borrow().value, 'the value after a refused write through a released guard').toBe(1);
  });

  it('a released writer cannot change what a new reader sees', () => {
    const cell = new BorrowCell(1);
    const w = cell.borrowMut();
    w.release();
    const r = cell.borrow();
    outcome(() => {
      w.value = 99;
    });
    expect(r.value, 'what a live reader sees after a released writer tried to write').toBe(1);
  });

  it('the error is a BorrowError named "BorrowError"', () => {
    const cell = new BorrowCell(1);
    cell.borrowMut();
    let error: unknown;
    try {
      cell.borrowMut();
    } catch (e) {
      error = e;
    }
    expect(error instanceof BorrowError ? 'a BorrowError' : String(error), 'what a second borrowMut() throws').toBe('a BorrowError');
    expect((error as Error).name, "the error's name").toBe('BorrowError');
  });

  it('every refusal says what went wrong: its message is not empty', () => {
    const thrownBy = (f: () => unknown): unknown => {
      try {
        f();
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const writing = new BorrowCell(1);
    writing.borrowMut();
    const reading = new BorrowCell(1);
    reading.borrow();
    const released = new BorrowCell(1).borrow();
    released.release();
    const cases: [string, () => unknown][] = [
      ['borrow() while a writer is live', () => writing.borrow()],
      ['borrowMut() while a writer is live', () => writing.borrowMut()],
      ['borrowMut() while a reader is live', () => reading.borrowMut()],
      ['a second release()', () => released.release()],
      ['reading a released guard', () => released.value],
    ];
    for (const [what, f] of cases) {
      const error = thrownBy(f);
      expect(error, `${what} throws a BorrowError`).toBeInstanceOf(BorrowError);
      expect((error as Error).message.length, `the message of the BorrowError of ${what} (empty)`).toBeGreaterThan(0);
    }
  });
});

describe('using', () => {
  it('releases guards at the end of the block, like Drop', () => {
    const cell = new BorrowCell(5);
    {
      using w = cell.borrowMut();
      w.value = 6;
      expect(cell.writing, 'writing inside the block of `using w = cell.borrowMut()`').toBe(true);
    }
    expect(cell.writing, 'writing after that block').toBe(false);
    {
      using r = cell.borrow();
      expect(r.value, 'the value a reader sees after the writer changed it').toBe(6);
      expect(cell.readers, 'readers inside the block of `using r = cell.borrow()`').toBe(1);
    }
    expect(cell.readers, 'readers after that block').toBe(0);
  });

  it('disposing a guard already released by hand does nothing', () => {
    const cell = new BorrowCell(5);
    const keep = cell.borrow();
    expect(
      outcome(() => {
        using r = cell.borrow();
        r.release();
      }),
      'leaving a `using` block whose guard was released by hand',
    ).toBe('ok');
    expect(cell.readers, 'readers after that block (one other guard is live)').toBe(1);
    keep.release();
  });
});

/**
 * `expect(actual, message()).toBe(expected)`, paying for expect and the message only when
 * they fail: the property below checks every step of 300 sequences, and a passing expect
 * costs tens of microseconds.
 */
function same<T>(actual: T, expected: T, message: () => string): void {
  if (!Object.is(actual, expected)) expect(actual, message()).toBe(expected);
}

/** Random sequences of borrows, releases, reads and writes, checked against the rule itself. */
describe('every sequence obeys "many readers XOR one writer"', () => {
  type Op = { op: 'borrow' } | { op: 'borrowMut' } | { op: 'release' | 'read' | 'write' | 'dispose'; pick: number };
  const opArb: fc.Arbitrary<Op> = fc.oneof(
    fc.constant({ op: 'borrow' as const }),
    fc.constant({ op: 'borrowMut' as const }),
    fc.record({ op: fc.constantFrom('release' as const, 'read' as const, 'write' as const, 'dispose' as const), pick: fc.nat(20) }),
  );
  type Guard = { value: unknown; release(): void; [Symbol.dispose](): void };
  const VALUES: unknown[] = [undefined, 0, null, -0, Number.NaN, '', false, { id: 1 }, 2 ** 53, undefined];

  it('matches a model on 300 random sequences', () => {
    assertProperty(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        // Values a sentinel check mistakes for "nothing here": undefined, null, 0, -0, NaN, '' and false.
        const cell = new BorrowCell<unknown>(VALUES[ops.length % VALUES.length]);
        const guards: { guard: Guard; mutable: boolean; live: boolean; name: string }[] = [];
        let readers = 0;
        let writing = false;
        let value: unknown = VALUES[ops.length % VALUES.length];
        for (const [step, s] of ops.entries()) {
          const at = `step ${step}, ${readers} readers, ${writing ? 'a writer' : 'no writer'} live`;
          if (s.op === 'borrow' || s.op === 'borrowMut') {
            const mutable = s.op === 'borrowMut';
            const expected = mutable ? (writing || readers > 0 ? 'already-borrowed' : 'ok') : writing ? 'already-mutably-borrowed' : 'ok';
            let guard: Guard | undefined;
            same(outcome(() => (guard = (mutable ? cell.borrowMut() : cell.borrow()) as Guard)), expected, () => `${s.op}() at ${at}`);
            if (guard) {
              if (mutable) writing = true;
              else readers += 1;
              guards.push({ guard, mutable, live: true, name: `guard #${guards.length} (${s.op})` });
            }
          } else {
            const g = guards[s.pick % Math.max(guards.length, 1)];
            if (!g) continue;
            const state = g.live ? 'live' : 'released';
            if (s.op === 'read') {
              let seen: unknown;
              same(outcome(() => (seen = g.guard.value)), g.live ? 'ok' : 'released', () => `reading ${g.name}, ${state}, at ${at}`);
              if (g.live) same(seen, value, () => `the value read through ${g.name} at ${at}`);
            } else if (s.op === 'write') {
              if (!g.mutable) continue; // a Ref has no setter: TypeScript forbids the write
              const next = VALUES[step % VALUES.length];
              same(outcome(() => (g.guard.value = next)), g.live ? 'ok' : 'released', () => `writing ${g.name}, ${state}, at ${at}`);
              if (g.live) value = next;
            } else {
              const expected = s.op === 'dispose' || g.live ? 'ok' : 'released';
              same(outcome(() => (s.op === 'dispose' ? g.guard[Symbol.dispose]() : g.guard.release())), expected, () => `${s.op === 'dispose' ? 'disposing' : 'releasing'} ${g.name}, ${state}, at ${at}`);
              if (g.live) {
                g.live = false;
                if (g.mutable) writing = false;
                else readers -= 1;
              }
            }
          }
          same(cell.readers, readers, () => `readers after step ${step} (${s.op})`);
          same(cell.writing, writing, () => `writing after step ${step} (${s.op})`);
        }
      }),
      { seed: 20261125, numRuns: 300 },
    );
  });
});
