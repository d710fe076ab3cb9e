import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Owned, UseAfterMoveError, execute, processOrder, validate, type Order } from './exercise.ts';

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

  it('the error names the operation refused: read or move', () => {
    for (const what of ['read', 'move'] as const) {
      const a = new Owned(1);
      a.move();
      let thrown: unknown;
      try {
        if (what === 'read') a.read((v) => v);
        else a.move();
      } catch (error) {
        thrown = error;
      }
      expect(thrown, `the error thrown by ${what} after move`).toBeInstanceOf(UseAfterMoveError);
      // A whole word: "moved" alone says what happened to the value, not which operation was refused.
      expect((thrown as Error).message, `the message of the UseAfterMoveError thrown by ${what} after move names "${what}"`).toMatch(new RegExp(`\\b${what}\\b`));
    }
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

  it('a rejection carries validate\'s reasons, one per bad field, each naming its field', () => {
    const cases: [Partial<Order>, string[]][] = [
      [{ qty: 0 }, ['quantity']],
      [{ priceTicks: 0 }, ['price']],
      [{ qty: 1.5, priceTicks: -1 }, ['quantity', 'price']],
    ];
    for (const [over, fields] of cases) {
      const o = order(over);
      const result = processOrder(new Owned(o));
      const reasons = result.status === 'rejected' ? result.reasons : [];
      expect(reasons.length, `reasons for ${JSON.stringify(o)}: ${JSON.stringify(reasons)}`).toBe(fields.length);
      fields.forEach((field, i) => expect(reasons[i], `reason ${i} for ${JSON.stringify(o)} names the ${field}`).toContain(field));
      expect(reasons, `the rejection's reasons for ${JSON.stringify(o)} are validate's`).toEqual(validate(o));
    }
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

// ------------------------------------------------------------------ model-based
// fast-check commands over several values, falsy ones and `undefined` included (a handle
// may legitimately own `undefined`), with the callbacks that break naive bookkeeping: a
// drop hook that throws, one that re-enters dispose, a borrow that throws, nested borrows.

/** A value a handle may own; each is its own object or primitive, compared with Object.is. */
const ownedValue = fc.oneof(
  fc.constantFrom<unknown>(undefined, null, 0, -0, '', false, Number.NaN, 0n),
  fc.record({ id: fc.nat(), qty: fc.integer() }),
  fc.array(fc.nat(), { maxLength: 3 }),
);

interface Root {
  value: unknown;
  hooked: boolean;
  drops: unknown[];
  /** What the drop hook does when it runs: return, throw, or dispose its own handle again. */
  mode: 'plain' | 'throws' | 'reenter';
}
interface Slot {
  root: Root;
  handle: Owned<unknown>;
}
/** The real handles (in creation order) and, beside each, the model's verdict: does it own its value? */
interface Real {
  slots: Slot[];
  dropping?: Owned<unknown>;
}
interface Model {
  live: boolean[];
}

class HookError extends Error {}
class BorrowError extends Error {}

function pickSlot(real: Real, pick: number): [Slot, number] | undefined {
  if (real.slots.length === 0) return undefined;
  const at = pick % real.slots.length;
  return [real.slots[at]!, at];
}

/** After every command: isLive and the drop counts agree with the model. */
function checkAll(model: Model, real: Real, after: string): void {
  real.slots.forEach((slot, i) => {
    if (slot.handle.isLive !== model.live[i]) expect.fail(`after ${after}: handle #${i}.isLive is ${slot.handle.isLive}, the model says ${model.live[i]}`);
  });
  for (const root of new Set(real.slots.map((s) => s.root))) {
    const alive = real.slots.some((s, i) => s.root === root && model.live[i]);
    const want = root.hooked && !alive ? 1 : 0;
    if (root.drops.length !== want) {
      expect.fail(`after ${after}: the value ${fc.stringify(root.value)} was dropped ${root.drops.length} times, the model says ${want}`);
    }
    if (root.drops.some((v) => !Object.is(v, root.value))) expect.fail(`after ${after}: onDrop got a value other than the one the handle owns`);
  }
}

function outcomeOf(f: () => unknown): { kind: 'ok' | 'moved' | 'other'; value?: unknown; error?: unknown } {
  try {
    return { kind: 'ok', value: f() };
  } catch (error) {
    return error instanceof UseAfterMoveError ? { kind: 'moved', error } : { kind: 'other', error };
  }
}

const commands = [
  fc.tuple(ownedValue, fc.boolean()).map(
    ([value, hooked]): fc.Command<Model, Real> => ({
      check: () => true,
      run(model, real) {
        const root: Root = { value, hooked, drops: [], mode: 'plain' };
        const onDrop = (v: unknown) => {
          root.drops.push(v);
          if (root.mode === 'throws') throw new HookError('the drop hook failed');
          if (root.mode === 'reenter') real.dropping?.[Symbol.dispose]();
        };
        real.slots.push({ root, handle: new Owned(value, hooked ? onDrop : undefined) });
        model.live.push(true);
        checkAll(model, real, `new Owned(${fc.stringify(value)})`);
      },
      toString: () => `new Owned(${fc.stringify(value)}${hooked ? ', onDrop' : ''})`,
    }),
  ),
  fc.nat().map(
    (pick): fc.Command<Model, Real> => ({
      check: () => true,
      run(model, real) {
        const found = pickSlot(real, pick);
        if (!found) return;
        const [slot, i] = found;
        const got = outcomeOf(() => slot.handle.read((v) => v));
        if (model.live[i]) {
          if (got.kind !== 'ok' || !Object.is(got.value, slot.root.value)) {
            expect.fail(`read(v => v) on live handle #${i} gave ${got.kind === 'ok' ? fc.stringify(got.value) : String(got.error)}, not the value it owns (${fc.stringify(slot.root.value)})`);
          }
        } else if (got.kind !== 'moved') expect.fail(`read on dead handle #${i} did not throw UseAfterMoveError`);
        checkAll(model, real, `read #${i}`);
      },
      toString: () => `read(${pick})`,
    }),
  ),
  fc.nat().map(
    (pick): fc.Command<Model, Real> => ({
      check: () => true,
      run(model, real) {
        const found = pickSlot(real, pick);
        if (!found) return;
        const [slot, i] = found;
        // Shared borrows nest, and a borrow that throws leaves the owner owning.
        const inner = outcomeOf(() => slot.handle.read(() => slot.handle.read((v) => v)));
        const thrown = outcomeOf(() => slot.handle.read(() => { throw new BorrowError('the borrower failed'); }));
        if (model.live[i]) {
          if (inner.kind !== 'ok' || !Object.is(inner.value, slot.root.value)) expect.fail(`a read nested inside a read of live handle #${i} failed: ${String(inner.error)}`);
          if (!(thrown.error instanceof BorrowError)) expect.fail(`read(f) on live handle #${i} where f throws did not pass f's error on (got ${String(thrown.error)})`);
        } else if (inner.kind !== 'moved' || thrown.kind !== 'moved') expect.fail(`read on dead handle #${i} did not throw UseAfterMoveError`);
        checkAll(model, real, `nested and throwing reads of #${i}`);
      },
      toString: () => `nestedAndThrowingReads(${pick})`,
    }),
  ),
  fc.nat().map(
    (pick): fc.Command<Model, Real> => ({
      check: () => true,
      run(model, real) {
        const found = pickSlot(real, pick);
        if (!found) return;
        const [slot, i] = found;
        const got = outcomeOf(() => slot.handle.move());
        if (model.live[i]) {
          if (got.kind !== 'ok' || !(got.value instanceof Owned)) expect.fail(`move() of live handle #${i} failed: ${String(got.error)}`);
          model.live[i] = false;
          real.slots.push({ root: slot.root, handle: got.value as Owned<unknown> });
          model.live.push(true);
        } else if (got.kind !== 'moved') expect.fail(`move() of dead handle #${i} did not throw UseAfterMoveError`);
        checkAll(model, real, `move #${i}`);
      },
      toString: () => `move(${pick})`,
    }),
  ),
  fc.tuple(fc.nat(), fc.constantFrom<Root['mode']>('plain', 'throws', 'reenter')).map(
    ([pick, mode]): fc.Command<Model, Real> => ({
      check: () => true,
      run(model, real) {
        const found = pickSlot(real, pick);
        if (!found) return;
        const [slot, i] = found;
        slot.root.mode = mode;
        real.dropping = slot.handle;
        const got = outcomeOf(() => slot.handle[Symbol.dispose]());
        real.dropping = undefined;
        slot.root.mode = 'plain';
        if (got.kind !== 'ok' && !(got.error instanceof HookError)) expect.fail(`dispose of handle #${i} threw ${String(got.error)}`);
        if (!model.live[i] && got.kind !== 'ok') expect.fail(`dispose of dead handle #${i} threw: disposing a dead handle does nothing`);
        model.live[i] = false; // dropped once, by this dispose, whatever the hook did
        checkAll(model, real, `dispose #${i} with a drop hook that ${mode === 'plain' ? 'returns' : mode === 'throws' ? 'throws' : 'disposes the handle again'}`);
      },
      toString: () => `dispose(${pick}, hook ${mode})`,
    }),
  ),
];

describe('model-based: handles over every kind of value, with callbacks that throw or re-enter', () => {
  it('agrees with the ownership model on 300 command sequences', () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 30 }), (cmds) => {
        fc.modelRun(() => ({ model: { live: [] }, real: { slots: [] } }), cmds);
      }),
      { seed: 20261203, numRuns: 300, includeErrorInReport: true },
    );
  });

  it('processOrder consumes every order, valid or not, edge quantities and prices included, and drops that very order once', () => {
    const amount = fc.oneof(
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom(0.5, -0, Number.NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER, 2 ** 53, 2 ** 31, 2 ** 32),
      fc.integer({ min: 1, max: 1_000_000 }),
    );
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom<Order['side']>('buy', 'sell'), amount, amount, (id, side, qty, priceTicks) => {
        const o: Order = { id, side, qty, priceTicks };
        const dropped: Order[] = [];
        const h = new Owned(o, (v) => void dropped.push(v));
        const result = processOrder(h);
        const valid = Number.isInteger(qty) && qty > 0 && Number.isInteger(priceTicks) && priceTicks > 0;
        const where = `processOrder(${JSON.stringify(o)})`;
        if (valid) {
          const want = { status: 'filled', id, qty, notionalTicks: qty * priceTicks };
          if (JSON.stringify(result) !== JSON.stringify(want)) expect.fail(`${where} gave ${JSON.stringify(result)}, expected ${JSON.stringify(want)}`);
        } else if (result.status !== 'rejected' || result.id !== id || result.reasons.length === 0) {
          expect.fail(`${where} gave ${JSON.stringify(result)}, expected a rejection with its reasons`);
        }
        if (h.isLive) expect.fail(`${where}: the caller's handle is still live`);
        if (dropped.length !== 1 || dropped[0] !== o) expect.fail(`${where}: the order was dropped ${dropped.length} times (or another object was)`);
      }),
      { seed: 20261203, numRuns: 300 },
    );
  });
});
