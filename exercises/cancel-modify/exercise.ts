/**
 * Exercise: cancel-modify.
 *
 * Write `cancel` and `modify` for a price-time priority book, with the queue-priority
 * rules of the tape spec (docs/spec/order-book-tape.md):
 *
 * - `cancel(id)` removes a resting order. An id that is not resting (never used, filled,
 *   cancelled) is rejected with `this.reject(id, 'unknown order')`.
 * - `modify(id, price, qty)` changes a resting order; `price` or `qty` may be undefined
 *   (unchanged), and `qty` is the new *remaining* quantity. An id that is not resting is
 *   rejected the same way.
 *   - Same price and a qty not above the current one: the qty changes in place and the
 *     order keeps its place in the queue.
 *   - Anything else (a new price, or a larger qty) is a cancel and replace: the order
 *     leaves its queue and enters again as a new taker with the same id, so at a price
 *     that crosses the book it trades at once, and what is left rests at the back of its
 *     (new) level.
 * - Both return `this.events` (the trades of the command, if any) when accepted.
 * - Every reject carries a reason for people: a non-empty string (the tests check that
 *   there is one, not its wording).
 *
 * `this.orders` maps a resting id to its `Order` (and a used-up id to null); `take`,
 * `match` and `rest` are written: removing an order, matching, resting. The tests replay
 * seeded random tapes through your book and compare every event with the engine's order
 * book; a failure names the first tape line where they differ.
 * Run `ticklab hint cancel-modify` if you are stuck.
 */
import { parseTapeLine } from '#engine/tape';
import type { BookCommand, BookEvent, BookSnapshot, LevelView, Side } from '#engine/order-book';

/** A resting order: one node of its level's FIFO queue. */
export class Order {
  prev: Order | undefined = undefined;
  next: Order | undefined = undefined;
  constructor(
    readonly id: number,
    public qty: number,
    readonly level: Level,
  ) {}
}

// #region level
/** Every resting order at one price on one side, oldest first. */
export class Level {
  head: Order | undefined = undefined;
  tail: Order | undefined = undefined;
  count = 0;
  /** Sort key: ascending key means worse to better (price for bids, -price for asks). */
  readonly key: number;

  constructor(
    readonly side: Side,
    readonly price: number,
  ) {
    this.key = side === 'buy' ? price : -price;
  }

  /** Appends an order at the back of the queue (it has the lowest time priority). */
  append(id: number, qty: number): Order {
    const o = new Order(id, qty, this);
    o.prev = this.tail;
    if (this.tail === undefined) this.head = o;
    else this.tail.next = o;
    this.tail = o;
    this.count++;
    return o;
  }

  /** Takes an order out of the queue in O(1). */
  unlink(o: Order): void {
    if (o.prev === undefined) this.head = o.next;
    else o.prev.next = o.next;
    if (o.next === undefined) this.tail = o.prev;
    else o.next.prev = o.prev;
    o.prev = o.next = undefined;
    this.count--;
  }
}
// #endregion level

/** A price-time priority order book that replays tape lines (docs/spec/order-book-tape.md). */
export class Book {
  // #region book-fields
  /** Per side, the price levels sorted from worst to best: the best level is the last entry. */
  readonly levels: Record<Side, Level[]> = { buy: [], sell: [] };
  /** Per side, the price levels by price. */
  readonly byPrice: Record<Side, Map<number, Level>> = { buy: new Map(), sell: new Map() };
  /** Every id a limit or market order has used: its resting order, or null once it no longer rests. */
  readonly orders = new Map<number, Order | null>();
  // #endregion book-fields
  /** Events of the command being applied. */
  private events: BookEvent[] = [];

  /** Applies one tape line and returns its events (trades in order, or one reject). */
  applyLine(line: string): BookEvent[] {
    const cmd = parseTapeLine(line);
    if (cmd === null) return [];
    if ('type' in cmd) return [cmd];
    return this.apply(cmd);
  }

  /** Applies a well-formed command and returns its events. */
  apply(cmd: BookCommand): BookEvent[] {
    this.events = [];
    switch (cmd.op) {
      case 'limit':
      case 'market': {
        if (this.orders.has(cmd.id)) return this.reject(cmd.id, 'id already used');
        this.orders.set(cmd.id, null);
        const price = cmd.op === 'limit' ? cmd.price : undefined;
        const left = this.match(cmd.id, cmd.side, price, cmd.qty);
        if (left > 0 && price !== undefined) this.rest(cmd.id, cmd.side, price, left);
        break;
      }
      case 'cancel':
        return this.cancel(cmd.id);
      case 'modify':
        return this.modify(cmd.id, cmd.price, cmd.qty);
    }
    return this.events;
  }
  /** Removes a resting order; rejects an id that is not resting. */
  cancel(id: number): BookEvent[] {
    // TODO: reject an id that is not resting (this.reject(id, 'unknown order')), else
    // remove the order with this.take.
    return this.events;
  }

  /** Changes a resting order's price and/or remaining qty (one of them may be undefined). */
  modify(id: number, price: number | undefined, qty: number | undefined): BookEvent[] {
    // TODO: reject an id that is not resting. Same price and a qty not above the current
    // one: change the qty in place (the order keeps its place). Anything else: cancel and
    // replace, as a new taker with the same id (this.take, this.match, this.rest).
    return this.events;
  }

  /**
   * Matches an incoming order against the opposite side and returns the quantity left.
   * `limit` is the worst price the taker accepts (undefined for a market order).
   */
  match(taker: number, side: Side, limit: number | undefined, qty: number): number {
    const opposite = this.levels[side === 'buy' ? 'sell' : 'buy'];
    let left = qty;
    while (left > 0 && opposite.length > 0) {
      // The best level is the last entry: reading it never depends on how many levels rest.
      const level = opposite[opposite.length - 1]!;
      if (level.head === undefined) {
        // A consistent book never keeps an empty level; if one is left behind, drop it
        // instead of looping on it forever (the tests will still see it in the book).
        this.removeLevel(level);
        continue;
      }
      // A buy stops at asks above its limit, a sell at bids below it: the book is no longer crossed.
      if (limit !== undefined && (side === 'buy' ? level.price > limit : level.price < limit)) break;
      while (left > 0 && level.head !== undefined) {
        const maker = level.head; // oldest first: time priority within the price
        const fill = Math.min(left, maker.qty);
        // The maker's price, never the taker's limit: the taker gets any price improvement.
        this.trade(taker, maker.id, level.price, fill);
        left -= fill;
        maker.qty -= fill;
        if (maker.qty === 0) this.take(maker); // pops the level once its last order goes
      }
    }
    return left;
  }
  /** Inserts a new, empty level into its side, keeping the side sorted worst to best. */
  insertLevel(level: Level): void {
    const levels = this.levels[level.side];
    // Binary search for the first level not worse than the new one. New levels mostly
    // appear at the top of the book, i.e. at the end of the array, so the splice that
    // follows moves few or no entries; best-first order would move every entry instead.
    let lo = 0;
    let hi = levels.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (levels[mid]!.key < level.key) lo = mid + 1;
      else hi = mid;
    }
    levels.splice(lo, 0, level);
  }

  /** Rests an order at the back of its level, creating the level if needed. */
  rest(id: number, side: Side, price: number, qty: number): void {
    let level = this.byPrice[side].get(price);
    if (level === undefined) {
      level = new Level(side, price);
      this.byPrice[side].set(price, level);
      this.insertLevel(level);
    }
    this.orders.set(id, level.append(id, qty));
  }

  // #region take
  /** Removes a resting order (filled or cancelled), and its level once empty. */
  take(o: Order): void {
    const level = o.level;
    level.unlink(o);
    this.orders.set(o.id, null);
    if (level.count === 0) this.removeLevel(level);
  }

  // #endregion take

  /** Removes an empty level from its side. */
  removeLevel(level: Level): void {
    const levels = this.levels[level.side];
    this.byPrice[level.side].delete(level.price);
    if (levels[levels.length - 1] === level) {
      levels.pop(); // the best level, emptied by matching: the common case
      return;
    }
    let lo = 0;
    let hi = levels.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (levels[mid]!.key < level.key) lo = mid + 1;
      else hi = mid;
    }
    levels.splice(lo, 1);
  }

  /** Records a trade of the command being applied. */
  trade(taker: number, maker: number, price: number, qty: number): void {
    this.events.push({ type: 'trade', taker, maker, price, qty });
  }

  private reject(id: number, reason: string): BookEvent[] {
    return [{ type: 'reject', id, reason }];
  }

  /** The book as the tape's final line: bids from the highest price, asks from the lowest. */
  snapshot(): Pick<BookSnapshot, 'bids' | 'asks'> {
    const view = (side: Side): LevelView[] => {
      const out: LevelView[] = [];
      const levels = this.levels[side];
      for (let i = levels.length - 1; i >= 0; i--) {
        const l = levels[i]!;
        let total = 0;
        for (let o = l.head; o !== undefined; o = o.next) total += o.qty;
        out.push([l.price, total, l.count]);
      }
      return out;
    };
    return { bids: view('buy'), asks: view('sell') };
  }
}
