import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OrderBook, type BookEvent, type BookSnapshot, type Side } from '#engine/order-book';
import { firstDivergence, formatBook, formatEvent, parseTapeLine, type Divergence, type TapeReplayer } from '#engine/tape';
import { generateTape } from '#engine/tape-gen';
import { preTradeCheck, type Intent, type RiskLimits, type RiskReason, type RiskState } from './exercise.ts';

const limits: RiskLimits = { maxOrderQty: 100, collarTicks: 10, maxPosition: 500 };
const flat: RiskState = { position: 0, openBuy: 0, openSell: 0, lastPrice: 1000 };
const buy = (price: number, qty: number): Intent => ({ op: 'limit', id: 1, side: 'buy', price, qty });
const sell = (price: number, qty: number): Intent => ({ op: 'limit', id: 1, side: 'sell', price, qty });

describe('maximum order size', () => {
  it("rejects an order above maxOrderQty with 'max-order-qty', and passes one of exactly maxOrderQty", () => {
    expect(preTradeCheck(buy(1000, 101), flat, limits), 'buy 101 with maxOrderQty 100').toBe('max-order-qty');
    expect(preTradeCheck({ op: 'market', id: 1, side: 'sell', qty: 101 }, flat, limits), 'market sell 101').toBe('max-order-qty');
    expect(preTradeCheck(buy(1000, 100), flat, limits), 'buy 100 with maxOrderQty 100').toBeNull();
  });

  it("checks a modify's new quantity, or its resting quantity when the modify keeps it", () => {
    const resting = { side: 'buy' as Side, price: 1000, qty: 50 };
    expect(preTradeCheck({ op: 'modify', id: 1, qty: 120, resting }, flat, limits), 'modify to qty 120').toBe('max-order-qty');
    expect(preTradeCheck({ op: 'modify', id: 1, price: 1001, resting: { ...resting, qty: 120 } }, flat, limits), 'price-only modify of a 120-lot order').toBe(
      'max-order-qty',
    );
  });
});

describe('price collar around the last trade', () => {
  it("rejects a limit price more than collarTicks from the last trade, either way, with 'price-collar'", () => {
    expect(preTradeCheck(buy(1011, 10), flat, limits), 'buy at last + 11').toBe('price-collar');
    expect(preTradeCheck(sell(989, 10), flat, limits), 'sell at last - 11').toBe('price-collar');
    expect(preTradeCheck(buy(989, 10), flat, limits), 'buy at last - 11').toBe('price-collar');
  });

  it('passes a price exactly collarTicks away', () => {
    expect(preTradeCheck(buy(1010, 10), flat, limits), 'buy at last + 10').toBeNull();
    expect(preTradeCheck(sell(990, 10), flat, limits), 'sell at last - 10').toBeNull();
  });

  it('the collar follows the last trade', () => {
    const moved = { ...flat, lastPrice: 1050 };
    expect(preTradeCheck(buy(1055, 10), moved, limits), 'buy at 1055 after a trade at 1050').toBeNull();
    expect(preTradeCheck(buy(1005, 10), moved, limits), 'buy at 1005 after a trade at 1050').toBe('price-collar');
  });

  it("collars a modify's new price around the last trade, not around the order's own price", () => {
    const far = { side: 'sell' as Side, price: 1030, qty: 10 };
    expect(preTradeCheck({ op: 'modify', id: 1, price: 1040, resting: far }, flat, limits), 'modify 1030 -> 1040 with last 1000').toBe('price-collar');
    expect(preTradeCheck({ op: 'modify', id: 1, price: 1005, resting: far }, flat, limits), 'modify 1030 -> 1005 with last 1000').toBeNull();
  });

  it('does not collar a market order or a modify that keeps its price', () => {
    expect(preTradeCheck({ op: 'market', id: 1, side: 'buy', qty: 10 }, flat, limits), 'market buy 10').toBeNull();
    const far = { side: 'buy' as Side, price: 960, qty: 10 };
    expect(preTradeCheck({ op: 'modify', id: 1, qty: 5, resting: far }, flat, limits), 'qty-only modify of an order at 960').toBeNull();
  });
});

describe('maximum position, counting every resting order as filled', () => {
  it("rejects a buy when position + openBuy + qty would pass maxPosition, with 'max-position'", () => {
    const state = { ...flat, position: 200, openBuy: 250 };
    expect(preTradeCheck(buy(1000, 51), state, limits), 'buy 51 with 200 long and 250 bid').toBe('max-position');
    expect(preTradeCheck(buy(1000, 50), state, limits), 'buy 50 with 200 long and 250 bid (exactly 500)').toBeNull();
  });

  it('counts resting orders even when the filled position alone is far below the limit', () => {
    const state = { ...flat, position: 0, openBuy: 480 };
    expect(preTradeCheck(buy(1000, 30), state, limits), 'buy 30 with 480 already bid').toBe('max-position');
  });

  it('measures a sell against the short side: -position + openSell + qty', () => {
    const long = { ...flat, position: 300, openSell: 700 };
    expect(preTradeCheck(sell(1000, 90), long, limits), 'sell 90 while 300 long with 700 offered (490 short at worst)').toBeNull();
    const short = { ...flat, position: -300, openSell: 150 };
    expect(preTradeCheck(sell(1000, 60), short, limits), 'sell 60 while 300 short with 150 offered').toBe('max-position');
    expect(preTradeCheck(buy(1000, 100), short, limits), 'a buy while short only reduces the short').toBeNull();
  });

  it("charges a modify only its change of quantity, and never refuses one that adds nothing", () => {
    const state = { ...flat, position: 0, openBuy: 480 };
    const resting = { side: 'buy' as Side, price: 1000, qty: 80 };
    expect(preTradeCheck({ op: 'modify', id: 1, qty: 95, resting }, state, limits), 'modify 80 -> 95 with 480 bid (495 at worst)').toBeNull();
    expect(preTradeCheck({ op: 'modify', id: 1, qty: 100, resting }, state, limits), 'modify 80 -> 100 with 480 bid (500 at worst)').toBeNull();
    const over = { ...flat, position: 450, openBuy: 80 };
    expect(preTradeCheck({ op: 'modify', id: 1, qty: 90, resting }, over, limits), 'modify 80 -> 90 with 450 long and 80 bid').toBe('max-position');
    expect(preTradeCheck({ op: 'modify', id: 1, qty: 40, resting }, over, limits), 'modify 80 -> 40 while over the limit').toBeNull();
    expect(preTradeCheck({ op: 'modify', id: 1, price: 1001, resting }, over, limits), 'price-only modify while over the limit').toBeNull();
  });
});

describe('order of the checks, and cancels', () => {
  it('reports the first failing check: size, then collar, then position', () => {
    const full = { ...flat, openBuy: 500 };
    expect(preTradeCheck(buy(1100, 200), full, limits), 'too big, too far and too much').toBe('max-order-qty');
    expect(preTradeCheck(buy(1100, 20), full, limits), 'too far and too much').toBe('price-collar');
    expect(preTradeCheck(buy(1000, 20), full, limits), 'too much').toBe('max-position');
  });

  it('never rejects a cancel, whatever the state', () => {
    const awful = { position: 10_000, openBuy: 10_000, openSell: 10_000, lastPrice: 1 };
    expect(preTradeCheck({ op: 'cancel', id: 7 }, awful, limits), 'cancel while far over every limit').toBeNull();
  });
});

/** The grader's own gate, written independently of the exercise. */
function referenceCheck(intent: Intent, s: RiskState, l: RiskLimits): RiskReason | null {
  switch (intent.op) {
    case 'cancel':
      return null;
    case 'limit':
    case 'market': {
      if (intent.qty > l.maxOrderQty) return 'max-order-qty';
      if (intent.op === 'limit' && (intent.price > s.lastPrice + l.collarTicks || intent.price < s.lastPrice - l.collarTicks)) return 'price-collar';
      const room = intent.side === 'buy' ? l.maxPosition - s.position - s.openBuy : l.maxPosition + s.position - s.openSell;
      return intent.qty > room ? 'max-position' : null;
    }
    case 'modify': {
      const r = intent.resting;
      const qty = intent.qty ?? r.qty;
      if (qty > l.maxOrderQty) return 'max-order-qty';
      if (intent.price !== undefined && (intent.price > s.lastPrice + l.collarTicks || intent.price < s.lastPrice - l.collarTicks)) return 'price-collar';
      const room = r.side === 'buy' ? l.maxPosition - s.position - s.openBuy : l.maxPosition + s.position - s.openSell;
      return qty > r.qty && qty - r.qty > room ? 'max-position' : null;
    }
  }
}

type Check = typeof preTradeCheck;
const OTHER: Record<Side, Side> = { buy: 'sell', sell: 'buy' };

/**
 * The engine's book behind a gate. The firm's orders (odd ids) pass the gate; the rest of
 * the market's go straight to the book. Keeps the firm's state from the book's events.
 */
class GatedBook implements TapeReplayer {
  readonly book = new OrderBook();
  readonly state: RiskState;
  /** The gate's decision on each line ('' when the gate was not asked). */
  readonly decisions: string[] = [];
  private readonly ours = new Map<number, { side: Side; qty: number }>();

  constructor(
    private readonly check: Check,
    private readonly limits: RiskLimits,
    lastPrice: number,
  ) {
    this.state = { position: 0, openBuy: 0, openSell: 0, lastPrice };
  }

  applyLine(line: string): BookEvent[] {
    const cmd = parseTapeLine(line);
    if (cmd === null || 'type' in cmd) {
      this.decisions.push('');
      return cmd === null ? [] : [cmd];
    }
    const firm = cmd.id % 2 === 1;
    let takerSide: Side | undefined = cmd.op === 'limit' || cmd.op === 'market' ? cmd.side : undefined;
    let intent: Intent | undefined;
    if (firm && cmd.op === 'modify') {
      const r = this.book.order(cmd.id);
      if (r) {
        intent = { op: 'modify', id: cmd.id, price: cmd.price, qty: cmd.qty, resting: { side: r.side, price: r.price, qty: r.qty } };
        takerSide = r.side;
      }
    } else if (firm && cmd.op !== 'modify') {
      intent = cmd;
    }
    if (intent) {
      const s = { ...this.state };
      const reason = this.check(intent, s, this.limits);
      this.decisions.push(String(reason));
      if (reason !== null) return [{ type: 'reject', id: cmd.id, reason }];
    } else {
      this.decisions.push('');
      if (cmd.op === 'modify') takerSide = this.book.order(cmd.id)?.side;
    }
    const events = this.book.apply(cmd);
    const touched = new Set<number>([cmd.id]);
    for (const e of events) {
      if (e.type !== 'trade') continue;
      this.state.lastPrice = e.price;
      touched.add(e.maker);
      const side = takerSide!;
      if (e.taker % 2 === 1) this.state.position += side === 'buy' ? e.qty : -e.qty;
      if (e.maker % 2 === 1) this.state.position += OTHER[side] === 'buy' ? e.qty : -e.qty;
    }
    for (const id of touched) if (id % 2 === 1) this.refresh(id);
    return events;
  }

  /** Brings the firm's open quantities up to date for one of its ids. */
  private refresh(id: number): void {
    const before = this.ours.get(id);
    if (before) {
      if (before.side === 'buy') this.state.openBuy -= before.qty;
      else this.state.openSell -= before.qty;
      this.ours.delete(id);
    }
    const now = this.book.order(id);
    if (now) {
      this.ours.set(id, { side: now.side, qty: now.qty });
      if (now.side === 'buy') this.state.openBuy += now.qty;
      else this.state.openSell += now.qty;
    }
  }

  snapshot(): Pick<BookSnapshot, 'bids' | 'asks'> {
    return this.book.snapshot();
  }
}

/** "tape line 37: ... / you emitted ... / the reference emitted ...", or '' when they agree. */
function explain(d: Divergence | null): string {
  if (d === null) return '';
  const show = (x: unknown) =>
    d.what === 'book' ? formatBook(x as BookSnapshot) : (x as BookEvent[]).map(formatEvent).join(' ') || '(nothing)';
  const where = d.line === '' ? 'the final book' : `tape line ${d.index + 1}: ${d.line}`;
  return `${where}\n  you emitted:           ${show(d.actual)}\n  the reference emitted: ${show(d.expected)}`;
}

describe("in front of the engine's order book on seeded random tapes", () => {
  // Quantities 1-100 against a size limit of 90, prices mid ± 12 against a collar of 8,
  // and a position limit the firm's resting orders reach within a few hundred lines.
  const tapeLimits: RiskLimits = { maxOrderQty: 90, collarTicks: 8, maxPosition: 1500 };
  for (const seed of [31, 32, 33, 34]) {
    it(`makes the reference gate's decisions, with the same reasons, on tape ${seed} (1,500 lines, 5% bad)`, () => {
      const lines = generateTape({ seed, count: 1500, badRate: 0.05 });
      const reference = new GatedBook(referenceCheck, tapeLimits, 10_000);
      const yours = new GatedBook(preTradeCheck, tapeLimits, 10_000);
      const d = firstDivergence(lines, reference, yours, { snapshotEvery: 25 });
      expect(d, explain(d)).toBeNull();
      const at = reference.decisions.findIndex((r, i) => r !== yours.decisions[i]);
      const why = at < 0 ? '' : `tape line ${at + 1}: ${lines[at]}\n  your reason: ${yours.decisions[at]}\n  reference:   ${reference.decisions[at]}`;
      expect(at, `first line where the reasons differ\n${why}`).toBe(-1);
      const counts = (r: string) => reference.decisions.filter((x) => x === r).length;
      expect(Math.min(counts('max-order-qty'), counts('price-collar'), counts('max-position')), 'each reason occurs on the tape').toBeGreaterThan(0);
    });
  }
});

// ------------------------------------------------------------------ the whole domain
// preTradeCheck against an exact BigInt model of the exercise text, on every op, with
// limits of 0 and 1 (a limit of 0 is a limit, not "no limit"), quantities and prices at
// the boundaries of each limit, short and long positions, and values past int32's 2^31
// (up to 2^50, so that every sum the text names is an exact double too).

function exactCheck(intent: Intent, s: RiskState, l: RiskLimits): RiskReason | null {
  if (intent.op === 'cancel') return null;
  const B = BigInt;
  const side = intent.op === 'modify' ? intent.resting.side : intent.side;
  const qty = B(intent.op === 'modify' ? (intent.qty ?? intent.resting.qty) : intent.qty);
  if (qty > B(l.maxOrderQty)) return 'max-order-qty';
  const price = intent.op === 'market' ? undefined : intent.price;
  if (price !== undefined) {
    const distance = B(price) - B(s.lastPrice);
    if (distance > B(l.collarTicks) || -distance > B(l.collarTicks)) return 'price-collar';
  }
  const added = intent.op === 'modify' ? qty - B(intent.resting.qty) : qty;
  const exposure = side === 'buy' ? B(s.position) + B(s.openBuy) + added : -B(s.position) + B(s.openSell) + added;
  return added > 0n && exposure > B(l.maxPosition) ? 'max-position' : null;
}

describe('the whole domain', () => {
  it('agrees with an exact model on every op at the boundaries of each limit, in 60 states, limits of 0 and 1 and values past 2^31 included', () => {
    const big = fc.oneof(
      fc.integer({ min: 0, max: 20 }),
      fc.constantFrom(2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 50),
      fc.integer({ min: 0, max: 2 ** 50 }),
    );
    const limitsArb = fc.record({ maxOrderQty: big, collarTicks: big, maxPosition: big });
    fc.assert(
      fc.property(limitsArb, big, fc.boolean(), big, big, fc.integer({ min: -3, max: 3 }), (l, positionSize, short, openBuy, openSell, nudge) => {
        const lastPrice = 2 ** 40;
        const s: RiskState = { position: short ? -positionSize : positionSize, openBuy, openSell, lastPrice };
        // Quantities and prices at the boundaries of each limit, and anywhere.
        const qtys = [1, l.maxOrderQty, l.maxOrderQty + 1, Math.max(1, l.maxOrderQty + nudge), l.maxPosition - s.position - s.openBuy + nudge, l.maxPosition + s.position - s.openSell + nudge].filter((q) => q >= 1);
        const prices = [lastPrice + l.collarTicks, lastPrice - l.collarTicks, lastPrice + l.collarTicks + 1, lastPrice - l.collarTicks - 1, lastPrice + nudge, lastPrice].filter((p) => p >= 1);
        for (const sd of ['buy', 'sell'] as const) {
          const intents: Intent[] = [{ op: 'cancel', id: 1 }];
          for (const qty of qtys) {
            intents.push({ op: 'market', id: 1, side: sd, qty });
            for (const price of prices) {
              intents.push({ op: 'limit', id: 1, side: sd, price, qty });
              intents.push({ op: 'modify', id: 1, price, qty, resting: { side: sd, price: lastPrice, qty: Math.max(1, qty + nudge) } });
            }
            intents.push({ op: 'modify', id: 1, qty, resting: { side: sd, price: lastPrice + 2 * l.collarTicks + 5, qty: Math.max(1, qty - nudge) } });
            intents.push({ op: 'modify', id: 1, price: prices[0], resting: { side: sd, price: lastPrice, qty } });
          }
          for (const intent of intents) {
            const want = exactCheck(intent, s, l);
            const got = preTradeCheck(intent, { ...s }, { ...l });
            if (got !== want) expect.fail(`preTradeCheck(${JSON.stringify(intent)}, ${JSON.stringify(s)}, ${JSON.stringify(l)}) gave ${String(got)}, the exercise text says ${String(want)}`);
          }
        }
      }),
      { seed: 20261203, numRuns: 60 },
    );
  });
});
