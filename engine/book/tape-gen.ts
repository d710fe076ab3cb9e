/**
 * Seeded, reproducible random order-book tapes: limits around a mid price, markets,
 * cancels and modifies, and on request a share of deliberately bad lines. The same
 * options always give the same tape, in Node and in the browser. The benchmark, the
 * property tests and the course's graders all draw their tapes from here.
 */
import { OrderBook } from './order-book.ts';
import type { BookCommand, Side } from './order-book.ts';
import { formatCommand } from './tape.ts';
import { mulberry32 } from '../shared/random.ts';

export { mulberry32 } from '../shared/random.ts';

/** The share of each command kind; they need not sum to 1 (they are normalised). */
export interface TapeMix { limit: number; market: number; cancel: number; modify: number }

/** Options of {@link generateCommands} and {@link generateTape}. */
export interface TapeGenOptions {
  /** Seed of the PRNG: the same seed gives the same tape. */
  seed: number;
  /** Number of lines (commands plus bad lines), not counting the `resting` preload. */
  count: number;
  /** Share of bad lines in [0, 1] (only {@link generateTape}; default 0). */
  badRate?: number;
  /** Mid price in ticks (default 10,000). */
  mid?: number;
  /** Limit prices are drawn in mid ± spread ticks (default 12). */
  spread?: number;
  /** Largest quantity drawn (default 100). */
  maxQty?: number;
  /** Resting orders the random part of the tape hovers around (default 1,000; see `price`). */
  depth?: number;
  /** Command mix (default 55% limit, 10% market, 20% cancel, 15% modify). */
  mix?: TapeMix;
  /**
   * Resting orders placed first, before the `count` random lines: half bids at
   * mid - spread - 1, half asks at mid + spread + 1, so every one of them rests in one
   * deep level per side. Later cancels and modifies pick among them half of the time.
   */
  resting?: number;
}

/** The default mix: 55% limit, 10% market, 20% cancel, 15% modify. */
export const DEFAULT_MIX: TapeMix = { limit: 0.55, market: 0.1, cancel: 0.2, modify: 0.15 };

/**
 * The random source shared by both tape forms. It replays what it generates through a
 * private reference book, so that cancels and modifies target orders that are really
 * resting (as a trading client's would) and the book settles at a steady size instead
 * of piling up stale orders. Bad lines change nothing, so they need not be replayed.
 */
class Generator {
  readonly rng: () => number;
  nextId = 1;
  private readonly book = new OrderBook();
  // Candidate targets: ids that rested when placed. Filled ones are dropped when picked.
  private pool: number[] = [];
  private deep: number[] = [];
  private readonly mid: number;
  private readonly spread: number;
  private readonly maxQty: number;
  private readonly depth: number;
  private preloaded = 0;
  private readonly cuts: [number, number, number];

  constructor(readonly o: TapeGenOptions) {
    this.rng = mulberry32(o.seed);
    this.mid = o.mid ?? 10_000;
    this.spread = o.spread ?? 12;
    this.maxQty = o.maxQty ?? 100;
    this.depth = o.depth ?? 1000;
    const m = o.mix ?? DEFAULT_MIX;
    const sum = m.limit + m.market + m.cancel + m.modify;
    this.cuts = [m.limit / sum, (m.limit + m.market) / sum, (m.limit + m.market + m.cancel) / sum];
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rng() * (hi - lo + 1));
  }
  side(): Side {
    return this.rng() < 0.5 ? 'buy' : 'sell';
  }
  qty(): number {
    return this.int(1, this.maxQty);
  }
  price(side: Side): number {
    // Buys are drawn in [mid - spread, mid + spread - lean], sells in
    // [mid - spread + lean, mid + spread]. With a fixed mid and uniform cancels the book
    // either drains or piles up, so the lean steers it to about `depth` resting orders:
    // a wide lean (few crossings) while it is thinner, a narrow one while it is deeper.
    const lean = this.book.size - this.preloaded < this.depth ? Math.floor((3 * this.spread) / 4) : Math.floor(this.spread / 2);
    const width = 2 * this.spread - lean;
    const p = side === 'buy' ? this.mid - this.spread + this.int(0, width) : this.mid + this.spread - this.int(0, width);
    return Math.max(1, p);
  }

  preload(i: number, n: number): BookCommand {
    const id = this.nextId++;
    const buy = i < n / 2;
    this.deep.push(id);
    const c: BookCommand = {
      op: 'limit',
      id,
      side: buy ? 'buy' : 'sell',
      price: buy ? this.mid - this.spread - 1 : this.mid + this.spread + 1,
      qty: this.qty(),
    };
    this.book.execute(c);
    this.preloaded++;
    return c;
  }

  /** Picks a resting order from `list` (dropping filled ones on the way), or 0 if none. */
  private pick(list: number[], remove: boolean): number {
    while (list.length > 0) {
      const i = Math.floor(this.rng() * list.length);
      const id = list[i]!;
      const resting = this.book.order(id) !== undefined;
      if (!resting || remove) {
        list[i] = list[list.length - 1]!;
        list.pop();
      }
      if (resting) return id;
    }
    return 0;
  }

  /** Picks a cancel/modify target; with `remove`, forgets it (it is being cancelled). */
  private target(remove: boolean): number {
    let id = 0;
    if (this.deep.length > 0 && this.rng() < 0.5) id = this.pick(this.deep, remove);
    if (id === 0) id = this.pick(this.pool, remove);
    // Nothing is resting: target an old id anyway (the book will reject it).
    return id === 0 ? this.int(1, Math.max(1, this.nextId - 1)) : id;
  }

  /** Draws the next command and applies it to the private book. */
  command(): BookCommand {
    const c = this.draw();
    this.book.execute(c);
    if (c.op === 'limit' && this.book.order(c.id) !== undefined) this.pool.push(c.id);
    return c;
  }

  private draw(): BookCommand {
    const r = this.rng();
    if (r < this.cuts[0]) {
      const side = this.side();
      return { op: 'limit', id: this.nextId++, side, price: this.price(side), qty: this.qty() };
    }
    if (r < this.cuts[1]) return { op: 'market', id: this.nextId++, side: this.side(), qty: this.qty() };
    if (r < this.cuts[2]) return { op: 'cancel', id: this.target(true) };
    const id = this.target(false);
    const side = this.book.order(id)?.side ?? this.side();
    const k = this.rng();
    // A third keep priority (smaller qty), a third move the price, a third change both.
    // Both keys are always present (one may be undefined), so every modify has one shape.
    if (k < 1 / 3) return { op: 'modify', id, price: undefined, qty: this.int(1, Math.max(1, Math.floor(this.maxQty / 2))) };
    if (k < 2 / 3) return { op: 'modify', id, price: this.price(side), qty: undefined };
    return { op: 'modify', id, price: this.price(side), qty: this.qty() };
  }
}

/**
 * Generates well-formed commands (the `resting` preload first, then `count` random ones).
 * Every limit and market id is fresh and every cancel or modify targets a resting order,
 * so the reference book accepts them all (except a cancel or modify drawn when nothing
 * at all is resting).
 */
export function generateCommands(o: TapeGenOptions): BookCommand[] {
  const g = new Generator(o);
  const out: BookCommand[] = [];
  const n = o.resting ?? 0;
  for (let i = 0; i < n; i++) out.push(g.preload(i, n));
  for (let i = 0; i < o.count; i++) out.push(g.command());
  return out;
}

/**
 * Generates tape lines: like {@link generateCommands}, with a share `badRate` of the
 * `count` lines replaced by bad ones (see {@link badLine}).
 */
export function generateTape(o: TapeGenOptions): string[] {
  const g = new Generator(o);
  const out: string[] = [];
  const n = o.resting ?? 0;
  const badRate = o.badRate ?? 0;
  for (let i = 0; i < n; i++) out.push(formatCommand(g.preload(i, n)));
  for (let i = 0; i < o.count; i++) {
    if (badRate > 0 && g.rng() < badRate) out.push(badLine(g.rng, g.nextId));
    else out.push(formatCommand(g.command()));
  }
  return out;
}

/**
 * One deliberately bad line, of every kind the spec lists: not JSON, not an object,
 * unknown op, missing / non-integer / non-positive / too large id, price or qty, bad side,
 * reused id, empty modify, cancel or modify of an id that is not resting, plus blank
 * lines (which are skipped, not rejected). `nextId` is the next fresh id of the tape: ids
 * below it have been used, ids at or above it are never resting.
 */
export function badLine(rng: () => number, nextId: number): string {
  const used = 1 + Math.floor(rng() * Math.max(1, nextId - 1));
  const fresh = nextId + 1_000_000 + Math.floor(rng() * 1000);
  const badNums = ['0', '-3', '2.5', '"100"', 'null', 'true', '1e300', '9007199254740993', '[]', '{}'];
  const bad = badNums[Math.floor(rng() * badNums.length)]!;
  const kinds = [
    () => 'not json {',
    () => '{"op":"limit","id":5,',
    () => ['[1,2,3]', '42', 'null', '"limit"', 'true'][Math.floor(rng() * 5)]!,
    () => `{"op":"fill","id":${fresh}}`,
    () => `{"id":${fresh},"side":"buy","price":10000,"qty":1}`,
    () => '{"op":"limit","side":"buy","price":10000,"qty":5}',
    () => `{"op":"limit","id":${bad},"side":"sell","price":10000,"qty":5}`,
    () => `{"op":"limit","id":${fresh},"side":"${rng() < 0.5 ? 'hold' : 'BUY'}","price":10000,"qty":5}`,
    () => `{"op":"limit","id":${fresh},"side":"buy","price":${bad},"qty":5}`,
    () => `{"op":"limit","id":${fresh},"side":"sell","price":10001,"qty":${bad}}`,
    () => `{"op":"limit","id":${fresh},"side":"sell","qty":5}`,
    () => `{"op":"market","id":${fresh},"side":"buy","qty":${bad}}`,
    () => `{"op":"market","id":${fresh},"qty":5}`,
    () => `{"op":"limit","id":${used},"side":"buy","price":9990,"qty":7}`,
    () => `{"op":"market","id":${used},"side":"sell","qty":7}`,
    () => `{"op":"modify","id":${used}}`,
    () => `{"op":"modify","id":${used},"price":${bad}}`,
    () => `{"op":"modify","id":${used},"qty":${bad}}`,
    () => `{"op":"cancel","id":${fresh}}`,
    () => `{"op":"modify","id":${fresh},"qty":3}`,
    () => `{"op":"cancel","id":${bad}}`,
    () => `{"op":"cancel"}`,
    () => (rng() < 0.5 ? '' : '   '),
  ];
  return kinds[Math.floor(rng() * kinds.length)]!();
}
