import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Owned, UseAfterMoveError, execute, processOrder, type Order } from './exercise.ts';

/** Runs `f` and says whether it threw UseAfterMoveError ('moved'), or returned ('ok'). */
function outcome(f: () => unknown): 'ok' | 'moved' {
  try {
    f();
    return 'ok';
  } catch (error) {
    if (error instanceof UseAfterMoveError) return 'moved';
    throw error;
  }
}

/** A drop hook that records every value it drops. */
function dropLog<T>() {
  const dropped: T[] = [];
  return { dropped, onDrop: (value: T) => void dropped.push(value) };
}

const order = (over: Partial<Order> = {}): Order => ({ id: 7, side: 'buy', qty: 100, priceTicks: 1_012_500, ...over });

describe('borrows', () => {
  it('read() lends the value and the owner keeps it', () => {
    const h = new Owned(order());
    expect(h.read((o) => o.qty), 'first read').toBe(100);
    expect(h.read((o) => o.priceTicks), 'second read').toBe(1_012_500);
    expect(h.isLive, 'isLive after two reads').toBe(true);
  });
});

describe('moves', () => {
  it('a moved-to handle owns the value', () => {
    const a = new Owned(order({ id: 1 }));
    const b = a.move();
    expect(b.isLive, 'new owner isLive').toBe(true);
    expect(b.read((o) => o.id), 'id read through the new owner').toBe(1);
  });

  it('reading a moved-from handle throws UseAfterMoveError', () => {
    const a = new Owned(order());
    a.move();
    expect(a.isLive, 'old handle isLive after the move').toBe(false);
    expect(outcome(() => a.read((o) => o.qty)), 'read through the old handle').toBe('moved');
  });

  it('moving a moved-from handle again throws UseAfterMoveError', () => {
    const a = new Owned(order());
    a.move();
    expect(outcome(() => a.move()), 'second move of the old handle').toBe('moved');
  });

  it('a chain of moves leaves exactly one live handle', () => {
    const a = new Owned(order());
    const b = a.move();
    const c = b.move();
    expect([a.isLive, b.isLive, c.isLive], 'isLive of a, b, c').toEqual([false, false, true]);
  });

  it('names the error', () => {
    const a = new Owned(1);
    a.move();
    let thrown: unknown;
    try {
      a.read((v) => v);
    } catch (error) {
      thrown = error;
    }
    expect(thrown, 'the error thrown by a read after move').toBeInstanceOf(UseAfterMoveError);
    expect((thrown as Error).name, 'error name').toBe('UseAfterMoveError');
  });
});

describe('drops', () => {
  it('using drops the value at the end of the block, once', () => {
    const log = dropLog<Order>();
    const o = order();
    {
      using h = new Owned(o, log.onDrop);
      expect(log.dropped.length, 'drops inside the block').toBe(0);
      expect(h.isLive, 'isLive inside the block').toBe(true);
    }
    expect(log.dropped, 'values dropped after the block').toEqual([o]);
  });

  it('a moved-from handle drops nothing; the new owner drops the value exactly once', () => {
    const log = dropLog<Order>();
    const o = order();
    let outer: Owned<Order>;
    {
      using a = new Owned(o, log.onDrop);
      outer = a.move();
    }
    expect(log.dropped.length, 'drops when the moved-from handle leaves its block').toBe(0);
    outer[Symbol.dispose]();
    expect(log.dropped, 'values dropped by the new owner').toEqual([o]);
    outer[Symbol.dispose]();
    expect(log.dropped.length, 'drops after disposing the new owner twice').toBe(1);
  });

  it('a dropped handle is dead: reading it throws UseAfterMoveError', () => {
    const h = new Owned(order());
    h[Symbol.dispose]();
    expect(h.isLive, 'isLive after drop').toBe(false);
    expect(outcome(() => h.read((o) => o.id)), 'read after drop').toBe('moved');
  });
});

describe('the validate-then-execute pipeline', () => {
  it('execute takes ownership, fills the order and drops it', () => {
    const log = dropLog<Order>();
    const h = new Owned(order({ qty: 3, priceTicks: 500 }), log.onDrop);
    expect(execute(h), 'execution result').toEqual({ status: 'filled', id: 7, qty: 3, notionalTicks: 1500 });
    expect(h.isLive, "caller's handle isLive after execute").toBe(false);
    expect(log.dropped.length, 'drops after execute').toBe(1);
  });

  it('processOrder fills a valid order, and the caller can no longer use its handle', () => {
    const log = dropLog<Order>();
    const h = new Owned(order({ id: 9, qty: 2, priceTicks: 1_000_000 }), log.onDrop);
    expect(processOrder(h), 'result for a valid order').toEqual({ status: 'filled', id: 9, qty: 2, notionalTicks: 2_000_000 });
    expect(outcome(() => h.read((o) => o.id)), "read through the caller's handle after processOrder").toBe('moved');
    expect(log.dropped.length, 'drops of a filled order').toBe(1);
  });

  it('a rejected order is consumed too: the caller\'s handle is dead and the order dropped once', () => {
    const log = dropLog<Order>();
    const h = new Owned(order({ id: 4, qty: 0 }), log.onDrop);
    const result = processOrder(h);
    expect(result.status, 'status of an order with quantity 0').toBe('rejected');
    expect(result.status === 'rejected' && result.reasons.length > 0, 'a rejection gives its reasons').toBe(true);
    expect(h.isLive, "caller's handle isLive after a rejection").toBe(false);
    expect(log.dropped.length, 'drops of a rejected order').toBe(1);
  });

  it('processOrder refuses a handle that was already moved', () => {
    const h = new Owned(order());
    h.move();
    expect(outcome(() => processOrder(h)), 'processOrder on a moved-from handle').toBe('moved');
  });
});

/** Random programs of reads, moves and drops over a few handles, checked against the ownership rules. */
describe('every sequence obeys "one owner, dropped once"', () => {
  type Op = { op: 'read' | 'move' | 'drop'; pick: number };
  const opArb: fc.Arbitrary<Op> = fc.record({ op: fc.constantFrom('read' as const, 'move' as const, 'drop' as const), pick: fc.nat(15) });

  it('matches a model on 300 random programs', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        let drops = 0;
        const handles: { h: Owned<number>; live: boolean }[] = [{ h: new Owned(42, () => void (drops += 1)), live: true }];
        let modelDrops = 0;
        for (const step of ops) {
          const slot = handles[step.pick % handles.length]!;
          const want = slot.live ? 'ok' : 'moved';
          if (step.op === 'read') {
            const got = outcome(() => slot.h.read((v) => v));
            if (got !== want) expect(got, `read of a ${slot.live ? 'live' : 'dead'} handle`).toBe(want);
          } else if (step.op === 'move') {
            let next: Owned<number> | undefined;
            const got = outcome(() => (next = slot.h.move()));
            if (got !== want) expect(got, `move of a ${slot.live ? 'live' : 'dead'} handle`).toBe(want);
            if (next) {
              slot.live = false;
              handles.push({ h: next, live: true });
            }
          } else {
            slot.h[Symbol.dispose]();
            if (slot.live) modelDrops += 1;
            slot.live = false;
          }
          if (drops !== modelDrops) expect(drops, 'drops so far').toBe(modelDrops);
          const live = handles.filter((s) => s.h.isLive).length;
          const modelLive = handles.filter((s) => s.live).length;
          if (live !== modelLive) expect(live, 'live handles').toBe(modelLive);
        }
        expect(drops, 'the value is dropped at most once').toBeLessThanOrEqual(1);
      }),
      { seed: 20261125, numRuns: 300 },
    );
  });
});
