/**
 * Exercise: risk-gate (reference solution).
 *
 * A pre-trade check is a pure function of the order, the firm's state and its limits: it
 * must decide before the order can reach the market, so it cannot wait to see what the
 * order will do. That is why the position check counts every resting order as if it were
 * filled (any of them may fill at any moment), and why the collar is measured from the
 * market (the last trade), never from the order itself.
 */
import type { Side } from '#engine/order-book';

/** The firm's limits. */
export interface RiskLimits {
  /** Largest quantity one order may have (a fat-finger limit), in lots. */
  maxOrderQty: number;
  /** Largest distance, in ticks, between a limit price and the last trade price. */
  collarTicks: number;
  /** Largest position the firm may reach on either side, long or short, in lots. */
  maxPosition: number;
}

/** What the gate knows when an order arrives. */
export interface RiskState {
  /** Filled position so far: positive when long, negative when short, in lots. */
  position: number;
  /** Remaining quantity of the firm's resting buy orders. */
  openBuy: number;
  /** Remaining quantity of the firm's resting sell orders. */
  openSell: number;
  /** Price of the last trade in the market (a reference price before the first trade). */
  lastPrice: number;
}

/** An order on its way to the book. For a modify, `resting` is the order as it rests now. */
export type Intent =
  | { op: 'limit'; id: number; side: Side; price: number; qty: number }
  | { op: 'market'; id: number; side: Side; qty: number }
  | { op: 'modify'; id: number; price?: number; qty?: number; resting: { side: Side; price: number; qty: number } }
  | { op: 'cancel'; id: number };

/** Why an order was rejected, checked in this order. */
export type RiskReason = 'max-order-qty' | 'price-collar' | 'max-position';

// #region check
/** Returns why the order must not reach the book, or null to let it through. */
export function preTradeCheck(intent: Intent, state: RiskState, limits: RiskLimits): RiskReason | null {
  switch (intent.op) {
    // A cancel only ever lowers risk: a gate that blocks one traps the firm in its orders.
    case 'cancel':
      return null;
    // A modify keeps what it leaves out: its qty is the new one or the resting one, it adds
    // only its change in size, and only a new price is collared (a qty-only modify keeps a
    // price already accepted).
    case 'modify': {
      const qty = intent.qty ?? intent.resting.qty;
      return firstFailure({ side: intent.resting.side, qty, price: intent.price, added: qty - intent.resting.qty }, state, limits);
    }
    case 'limit':
      return firstFailure({ side: intent.side, qty: intent.qty, price: intent.price, added: intent.qty }, state, limits);
    // A market order has no price to collar (real gates give it a protective limit; ours
    // lets it through).
    case 'market':
      return firstFailure({ side: intent.side, qty: intent.qty, price: undefined, added: intent.qty }, state, limits);
  }
}

/** What an order asks of the gate, whatever its op. */
interface Ask {
  side: Side;
  /** The order's quantity once it is in the book. */
  qty: number;
  /** The price to collar, or undefined when the order brings no new price. */
  price: number | undefined;
  /** What the order adds to its side's resting quantity. */
  added: number;
}

/** The first of the three checks, in the text's order, that the order fails; null if none. */
function firstFailure(ask: Ask, state: RiskState, limits: RiskLimits): RiskReason | null {
  if (ask.qty > limits.maxOrderQty) return 'max-order-qty';
  // The collar is measured from the market (the last trade), never from the order itself.
  if (ask.price !== undefined && Math.abs(ask.price - state.lastPrice) > limits.collarTicks) return 'price-collar';
  // Worst case on the order's side: everything already filled, plus every resting order
  // on that side, plus what this order adds; an order that adds nothing never fails it.
  const exposure = ask.side === 'buy' ? state.position + state.openBuy + ask.added : -state.position + state.openSell + ask.added;
  if (ask.added > 0 && exposure > limits.maxPosition) return 'max-position';
  return null;
}
// #endregion check
