/**
 * Exercise: match-limit.
 *
 * Write the heart of an order book: `match`, which matches an incoming order against the
 * opposite side, and `insertLevel`, which puts a new price level in its place.
 *
 * `match(taker, side, limit, qty)`:
 * - Trades against the opposite side, best price first (the lowest ask for a buy, the
 *   highest bid for a sell), and at one price oldest order first (price-time priority).
 * - Stops at a level priced worse than `limit` (above it for a buy, below it for a
 *   sell); `limit` is undefined for a market order, which takes any price.
 * - Each fill is reported with `this.trade(taker, maker.id, price, fill)` at the resting
 *   (maker) order's price, lowers the maker's `qty`, and a maker filled to 0 leaves the
 *   book through `this.take(maker)` (which also removes its level once empty).
 * - Returns the quantity left over; the book rests it for a limit order.
 *
 * `insertLevel(level)`: each side's `levels` array is sorted from worst to best, so the
 * best level is the *last* entry. Insert the new (empty) level where it belongs. A new
 * best level, the common case, must cost the same with 1,000 or 64,000 levels resting
 * (a test times it at both sizes).
 *
 * Everything else (validation, ids, cancel, modify, resting, the snapshot) is written;
 * every reject it makes carries a reason for people, a non-empty string (the tests check
 * that there is one, not its wording).
 * The tests replay seeded random tapes through your book and compare every event with
 * the engine's order book; a failure names the first tape line where they differ.
 * Run `ticklab hint match-limit` if you are stuck.
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
      case 'cancel': {
        const o = this.orders.get(cmd.id);
        if (!o) return this.reject(cmd.id, 'unknown order');
        this.take(o);
        break;
      }
      case 'modify': {
        const o = this.orders.get(cmd.id);
        if (!o) return this.reject(cmd.id, 'unknown order');
        const price = cmd.price ?? o.level.price;
        const qty = cmd.qty ?? o.qty;
        if (price === o.level.price && qty <= o.qty) {
          o.qty = qty; // same price, no larger: keeps its place in the queue
          break;
        }
        const side = o.level.side; // otherwise cancel and replace, as a new taker
        this.take(o);
        const left = this.match(cmd.id, side, price, qty);
        if (left > 0) this.rest(cmd.id, side, price, left);
        break;
      }
    }
    return this.events;
  }

  /**
   * Matches an incoming order against the opposite side and returns the quantity left.
   * `limit` is the worst price the taker accepts (undefined for a market order).
   */
  match(taker: number, side: Side, limit: number | undefined, qty: number): number {
    // TODO: while qty is left and the opposite side has levels, take its best level (the
    // last entry of this.levels[opposite side]); stop if its price is worse than limit;
    // fill its orders from the head, at the level's price, with this.trade and this.take.
    return qty;
  }

  /** Inserts a new, empty level into its side, keeping the side sorted worst to best. */
  insertLevel(level: Level): void {
    // TODO: find the level's place in this.levels[level.side] (ascending level.key: the
    // best level last) and insert it there.
    this.levels[level.side].push(level);
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

  /** Removes a resting order (filled or cancelled), and its level once empty. */
  take(o: Order): void {
    const level = o.level;
    level.unlink(o);
    this.orders.set(o.id, null);
    if (level.count === 0) this.removeLevel(level);
  }

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
