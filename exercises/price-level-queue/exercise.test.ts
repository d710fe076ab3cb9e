import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OrderBook, type BookEvent, type BookSnapshot, type LevelView, type Side } from '#engine/order-book';
import { firstDivergence, formatBook, formatEvent, parseTapeLine, type Divergence, type TapeReplayer } from '#engine/tape';
import { generateTape, mulberry32 } from '#engine/tape-gen';
import { PriceLevel } from './exercise.ts';

/** The ids of a level, front first. */
const ids = (level: PriceLevel) => [...level].map((o) => o.id);

describe('a price level is a FIFO queue', () => {
  it('pushes join the back: the front is the oldest order', () => {
    const level = new PriceLevel(10_001);
    level.push(7, 30);
    level.push(3, 10);
    level.push(9, 5);
    expect(level.front()?.id, 'front after pushing 7, 3, 9').toBe(7);
    expect(ids(level), 'queue after pushing 7, 3, 9').toEqual([7, 3, 9]);
    expect(level.size, 'size after three pushes').toBe(3);
  });

  it('shift takes the front, then the next oldest, then gives undefined', () => {
    const level = new PriceLevel(10_001);
    level.push(1, 10);
    level.push(2, 20);
    expect(level.shift()?.id, 'first shift').toBe(1);
    expect(level.front()?.id, 'front after one shift').toBe(2);
    expect(level.shift()?.id, 'second shift').toBe(2);
    expect(level.shift(), 'shift of an empty level').toBeUndefined();
    expect(level.front(), 'front of an empty level').toBeUndefined();
    expect(level.size, 'size of an emptied level').toBe(0);
  });

  it('a level emptied by shifts takes new orders again', () => {
    const level = new PriceLevel(10_001);
    level.push(1, 10);
    level.shift();
    level.push(2, 20);
    level.push(3, 30);
    expect(ids(level), 'queue after emptying and pushing 2, 3').toEqual([2, 3]);
  });

  it('records are live: a qty lowered in place is what the queue holds', () => {
    const level = new PriceLevel(10_001);
    const rec = level.push(4, 100);
    rec.qty = 60;
    expect(level.front()?.qty, 'front qty after lowering the returned record').toBe(60);
    expect(level.get(4)?.qty, 'get(4).qty after lowering the returned record').toBe(60);
    level.get(4)!.qty = 25;
    expect([...level][0]?.qty, 'qty seen by iteration after lowering through get').toBe(25);
  });
});

describe('remove (a cancel) takes an order from anywhere', () => {
  it('from the middle, keeping the others in order', () => {
    const level = new PriceLevel(10_001);
    for (const id of [1, 2, 3, 4]) level.push(id, id * 10);
    expect(level.remove(3)?.id, 'removed record').toBe(3);
    expect(ids(level), 'queue after removing 3 of 1, 2, 3, 4').toEqual([1, 2, 4]);
    expect(level.size, 'size after one remove').toBe(3);
  });

  it('from the front: the next order becomes the front', () => {
    const level = new PriceLevel(10_001);
    for (const id of [1, 2, 3]) level.push(id, 1);
    level.remove(1);
    expect(level.front()?.id, 'front after removing the front').toBe(2);
    expect(ids(level), 'queue after removing the front').toEqual([2, 3]);
  });

  it('from the back: a later push lands behind the new last order', () => {
    const level = new PriceLevel(10_001);
    for (const id of [1, 2, 3]) level.push(id, 1);
    level.remove(3);
    level.push(4, 1);
    expect(ids(level), 'queue after removing the back and pushing 4').toEqual([1, 2, 4]);
  });

  it('of the only order empties the level, which then works as new', () => {
    const level = new PriceLevel(10_001);
    level.push(1, 1);
    level.remove(1);
    expect(level.size, 'size after removing the only order').toBe(0);
    expect(level.front(), 'front after removing the only order').toBeUndefined();
    level.push(2, 1);
    expect(ids(level), 'queue after pushing into the emptied level').toEqual([2]);
  });

  it('of an id not in the level returns undefined and changes nothing', () => {
    const level = new PriceLevel(10_001);
    level.push(1, 1);
    level.push(2, 1);
    expect(level.remove(99), 'remove of an id never queued').toBeUndefined();
    level.remove(1);
    expect(level.remove(1), 'second remove of the same id').toBeUndefined();
    expect(level.get(1), 'get of a removed id').toBeUndefined();
    expect(ids(level), 'queue after the failed removes').toEqual([2]);
  });

  it('matches an array model on 150 random sequences of push, shift and remove', () => {
    type Op = { op: 'push' } | { op: 'shift' } | { op: 'remove'; pick: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      { arbitrary: fc.constant({ op: 'push' as const }), weight: 3 },
      { arbitrary: fc.constant({ op: 'shift' as const }), weight: 1 },
      { arbitrary: fc.record({ op: fc.constant('remove' as const), pick: fc.nat(40) }), weight: 2 },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const level = new PriceLevel(10_001);
        const model: number[] = [];
        let next = 1;
        for (const step of ops) {
          if (step.op === 'push') {
            level.push(next, next);
            model.push(next++);
          } else if (step.op === 'shift') {
            expect(level.shift()?.id, 'shift returns the oldest').toBe(model.shift());
          } else {
            const id = 1 + (step.pick % next);
            const at = model.indexOf(id);
            if (at >= 0) model.splice(at, 1);
            expect(level.remove(id)?.id, `remove(${id})`).toBe(at >= 0 ? id : undefined);
          }
          expect(ids(level), 'queue, front first').toEqual(model);
          expect(level.size, 'size').toBe(model.length);
        }
      }),
      { seed: 20261125, numRuns: 150 },
    );
  });
});

/**
 * A small book for grading: both sides of price levels built on the student's
 * PriceLevel, with the tape's rules (docs/spec/order-book-tape.md). Only the level
 * is under test; the rest is kept plain so that a divergence points at the level.
 */
class LevelBook implements TapeReplayer {
  readonly sides: Record<Side, Map<number, PriceLevel>> = { buy: new Map(), sell: new Map() };
  readonly where = new Map<number, { side: Side; level: PriceLevel }>();
  readonly used = new Set<number>();

  applyLine(line: string): BookEvent[] {
    const cmd = parseTapeLine(line);
    if (cmd === null) return [];
    if ('type' in cmd) return [cmd];
    const out: BookEvent[] = [];
    const reject = (reason: string) => [{ type: 'reject' as const, id: cmd.id, reason }];
    switch (cmd.op) {
      case 'limit':
      case 'market': {
        if (this.used.has(cmd.id)) return reject('id already used');
        this.used.add(cmd.id);
        const price = cmd.op === 'limit' ? cmd.price : undefined;
        const left = this.match(cmd.id, cmd.side, price, cmd.qty, out);
        if (left > 0 && price !== undefined) this.rest(cmd.id, cmd.side, price, left);
        return out;
      }
      case 'cancel': {
        const at = this.where.get(cmd.id);
        if (!at) return reject('unknown order');
        this.take(at.side, at.level, cmd.id);
        return out;
      }
      case 'modify': {
        const at = this.where.get(cmd.id);
        const rec = at?.level.get(cmd.id);
        if (!at || !rec) return reject('unknown order');
        const price = cmd.price ?? at.level.price;
        const qty = cmd.qty ?? rec.qty;
        if (price === at.level.price && qty <= rec.qty) {
          rec.qty = qty; // keeps its place
          return out;
        }
        this.take(at.side, at.level, cmd.id);
        const left = this.match(cmd.id, at.side, price, qty, out);
        if (left > 0) this.rest(cmd.id, at.side, price, left);
        return out;
      }
    }
  }

  private take(side: Side, level: PriceLevel, id: number): void {
    level.remove(id);
    this.where.delete(id);
    if (level.front() === undefined) this.sides[side].delete(level.price);
  }

  private rest(id: number, side: Side, price: number, qty: number): void {
    let level = this.sides[side].get(price);
    if (!level) this.sides[side].set(price, (level = new PriceLevel(price)));
    level.push(id, qty);
    this.where.set(id, { side, level });
  }

  private best(side: Side): PriceLevel | undefined {
    let best: PriceLevel | undefined;
    for (const l of this.sides[side].values()) {
      if (!best || (side === 'buy' ? l.price > best.price : l.price < best.price)) best = l;
    }
    return best;
  }

  private match(taker: number, side: Side, limit: number | undefined, qty: number, out: BookEvent[]): number {
    const other: Side = side === 'buy' ? 'sell' : 'buy';
    let left = qty;
    for (let level = this.best(other); left > 0 && level; level = this.best(other)) {
      if (limit !== undefined && (side === 'buy' ? level.price > limit : level.price < limit)) break;
      for (let maker = level.front(); left > 0 && maker; maker = level.front()) {
        const fill = Math.min(left, maker.qty);
        out.push({ type: 'trade', taker, maker: maker.id, price: level.price, qty: fill });
        left -= fill;
        maker.qty -= fill;
        if (maker.qty === 0) {
          level.shift();
          this.where.delete(maker.id);
        }
      }
      if (level.front() === undefined) this.sides[other].delete(level.price);
    }
    return left;
  }

  snapshot(): Pick<BookSnapshot, 'bids' | 'asks'> {
    const view = (side: Side): LevelView[] =>
      [...this.sides[side].values()]
        .sort((a, b) => (side === 'buy' ? b.price - a.price : a.price - b.price))
        .map((l) => [l.price, [...l].reduce((s, o) => s + o.qty, 0), l.size]);
    return { bids: view('buy'), asks: view('sell') };
  }
}

/** "tape line 37: ... / you emitted ... / the engine emitted ...", or '' when they agree. */
function explain(d: Divergence | null): string {
  if (d === null) return '';
  const show = (x: unknown) =>
    d.what === 'book' ? formatBook(x as BookSnapshot) : (x as BookEvent[]).map(formatEvent).join(' ') || '(nothing)';
  const where = d.line === '' ? 'the final book' : `tape line ${d.index + 1}: ${d.line}`;
  return `${where}\n  you emitted:        ${show(d.actual)}\n  the engine emitted: ${show(d.expected)}`;
}

describe('against the engine\'s order book on seeded random tapes', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`replays tape ${seed} (1,000 lines, 5% bad) with the engine's trades, rejects and book`, () => {
      const lines = generateTape({ seed, count: 1000, badRate: 0.05 });
      const d = firstDivergence(lines, new OrderBook(), new LevelBook(), { snapshotEvery: 50 });
      expect(d, explain(d)).toBeNull();
    });
  }

  it('replays a tape whose cancels and modifies hit the middle of two 400-order levels', () => {
    const lines = generateTape({ seed: 77, count: 1000, resting: 800 });
    const d = firstDivergence(lines, new OrderBook(), new LevelBook(), { snapshotEvery: 50 });
    expect(d, explain(d)).toBeNull();
  });
});

describe('cancel is O(1)', () => {
  /** `count` ids `first`, `first + stride`, ... in a seeded random order. */
  function victims(count: number, first: number, stride: number, rng: () => number): number[] {
    const v = Array.from({ length: count }, (_, i) => first + i * stride);
    for (let i = v.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [v[i], v[j]] = [v[j]!, v[i]!];
    }
    return v;
  }

  /** Milliseconds per remove of `ids` from `level`. */
  function perRemove(level: PriceLevel, ids: number[]): number {
    const t0 = performance.now();
    for (const id of ids) level.remove(id);
    return (performance.now() - t0) / ids.length;
  }

  /**
   * One round: a 64,000-order level and a 1,000-order level, built together push by push
   * (so that their records are spread over the same memory), then cancels from the middle
   * half of each queue, where a scan from either end works hardest: 500 from the small
   * level, 200 from the big one (enough to time an O(1) cancel, few enough that a scan
   * finishes). Returns the time per cancel at each size.
   */
  function round(rng: () => number, bigFirst: boolean): { big: number; small: number } {
    const big = new PriceLevel(10_000);
    const small = new PriceLevel(10_001);
    for (let id = 1; id <= 64_000; id++) {
      big.push(id, 1);
      if (id % 64 === 0) small.push(1_000_000 + id, 1);
    }
    const vb = victims(200, 16_001, 160, rng); // positions 16,000 to 48,000 of 64,000
    const vs = victims(500, 1_000_000 + 64 * 250, 64, rng); // positions 250 to 750 of 1,000
    const r = bigFirst ? { big: perRemove(big, vb), small: perRemove(small, vs) } : { small: perRemove(small, vs), big: perRemove(big, vb) };
    expect(big.size, 'big level size after 200 cancels').toBe(63_800);
    expect(small.size, 'small level size after 500 cancels').toBe(500);
    return r;
  }

  // O(1) measures 1x to 6x here, not exactly 1x: a 64,000-entry map misses the cache where a
  // 1,000-entry one does not. A scan measures 50x to over 1,000x. 16x is far from both.
  // Noise on a shared machine only ever adds time (a preemption, a GC), so each size is
  // represented by its fastest round of 7: the least disturbed measurement of the same work.
  it('the time per cancel with 64,000 orders queued is under 16x the time with 1,000 (O(1) gives 1x to 6x, a scan 50x and more)', () => {
    const rng = mulberry32(20261125);
    round(rng, true); // warm-up: let the JIT compile push() and remove()
    const big: number[] = [];
    const small: number[] = [];
    const ratio = () => Math.min(...big) / Math.max(Math.min(...small), 1e-9);
    for (let r = 0; r < 7; r++) {
      const t = round(rng, r % 2 === 0);
      big.push(t.big);
      small.push(t.small);
      // A scan is clear long before 7 rounds: more rounds can only lower the fastest time
      // at 1,000 (raising the ratio) or lower the one at 64,000 by far less than 4x.
      if (r >= 3 && ratio() > 64) break;
    }
    const ns = (xs: number[]) => xs.map((x) => (x * 1e6).toFixed(0)).join(', ');
    expect(
      ratio(),
      `fastest time per cancel at 64,000 orders / at 1,000 orders (rounds at 64,000: ${ns(big)} ns; at 1,000: ${ns(small)} ns)`,
    ).toBeLessThan(16);
  });
});

// ------------------------------------------------------------------ model-based
// fast-check commands against an array of live records: ids anywhere up to 2^53 - 1
// (past int32's 2^31 included), qty 0 and huge, an id pushed again after it was removed
// or shifted, lookups of absent ids, and qty lowered through get()'s record, which must
// be the very record the queue holds.

interface LevelModel {
  queue: { id: number; qty: number }[];
  gone: number[];
}
const edgeId = fc.oneof(fc.integer({ min: 1, max: 50 }), fc.constantFrom(2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 32 + 1, Number.MAX_SAFE_INTEGER), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }));
const edgeQty = fc.oneof(fc.integer({ min: 1, max: 1_000 }), fc.constantFrom(0, 1, Number.MAX_SAFE_INTEGER));

function sameQueue(model: LevelModel, level: PriceLevel, after: string): void {
  const got = [...level].map((o) => `${o.id}:${o.qty}`).join(' ');
  const want = model.queue.map((o) => `${o.id}:${o.qty}`).join(' ');
  if (got !== want) expect.fail(`after ${after}: the level holds [${got}], the model [${want}]`);
  if (level.size !== model.queue.length) expect.fail(`after ${after}: size is ${level.size}, the model has ${model.queue.length} orders`);
  const front = level.front();
  if (front?.id !== model.queue[0]?.id) expect.fail(`after ${after}: front() is ${front?.id}, the model's oldest is ${model.queue[0]?.id}`);
}

const levelCommands = [
  fc.tuple(edgeId, edgeQty).map(
    ([id, qty]): fc.Command<LevelModel, PriceLevel> => ({
      check: (m) => !m.queue.some((o) => o.id === id),
      run(m, level) {
        const rec = level.push(id, qty);
        if (rec.id !== id || rec.qty !== qty) expect.fail(`push(${id}, ${qty}) returned the record ${rec.id}:${rec.qty}`);
        m.queue.push({ id, qty });
        m.gone = m.gone.filter((g) => g !== id);
        sameQueue(m, level, `push(${id}, ${qty})`);
      },
      toString: () => `push(${id}, ${qty})`,
    }),
  ),
  fc.constant<fc.Command<LevelModel, PriceLevel>>({
    check: () => true,
    run(m, level) {
      const got = level.shift();
      const want = m.queue.shift();
      if (got?.id !== want?.id) expect.fail(`shift() gave ${got?.id}, the model's oldest is ${want?.id}`);
      if (want) m.gone.push(want.id);
      sameQueue(m, level, 'shift()');
    },
    toString: () => 'shift()',
  }),
  fc.tuple(fc.nat(), fc.boolean()).map(
    ([pick, absent]): fc.Command<LevelModel, PriceLevel> => ({
      check: () => true,
      run(m, level) {
        // A queued id, or one that left (removed or shifted) or never came.
        const id = absent || m.queue.length === 0 ? (m.gone[pick % Math.max(1, m.gone.length)] ?? 123_456_789) : m.queue[pick % m.queue.length]!.id;
        const at = m.queue.findIndex((o) => o.id === id);
        const got = level.remove(id);
        if (at >= 0) {
          if (got?.id !== id) expect.fail(`remove(${id}) of a queued order gave ${got?.id}`);
          m.queue.splice(at, 1);
          m.gone.push(id);
        } else if (got !== undefined) expect.fail(`remove(${id}) of an order not in the level gave ${got.id}, not undefined`);
        if (level.get(id) !== undefined) expect.fail(`get(${id}) after remove(${id}) still finds a record`);
        sameQueue(m, level, `remove(${id})`);
      },
      toString: () => `remove(${absent ? 'absent' : 'queued'} ${pick})`,
    }),
  ),
  fc.tuple(fc.nat(), fc.nat(1_000)).map(
    ([pick, lower]): fc.Command<LevelModel, PriceLevel> => ({
      check: (m) => m.queue.length > 0,
      run(m, level) {
        const o = m.queue[pick % m.queue.length]!;
        const rec = level.get(o.id);
        if (!rec) expect.fail(`get(${o.id}) of a queued order gave undefined`);
        // The book lowers qty in place on a partial fill, through the record get() gave it.
        const qty = Math.max(0, o.qty - lower);
        rec.qty = qty;
        o.qty = qty;
        sameQueue(m, level, `get(${o.id}).qty = ${qty}`);
      },
      toString: () => `lowerThroughGet(${pick}, ${lower})`,
    }),
  ),
];

describe('model-based: a level against an array of live records', () => {
  it('agrees with the model on 200 command sequences, edge ids and quantities included', () => {
    fc.assert(
      fc.property(fc.commands(levelCommands, { maxCommands: 50, size: 'large' }), (cmds) => {
        fc.modelRun(() => ({ model: { queue: [], gone: [] }, real: new PriceLevel(10_001) }), cmds);
      }),
      { seed: 20261203, numRuns: 200, includeErrorInReport: true },
    );
  });
});
