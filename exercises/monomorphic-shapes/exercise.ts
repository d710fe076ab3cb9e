/**
 * Exercise: monomorphic-shapes.
 *
 * Quotes arrive from three feeds, each with its own field names, field order and
 * optional fields (the `RawQuote` types below). The hot code downstream (`totalSpread`,
 * and everything else that reads quotes millions of times a second) is fast only if
 * every quote it sees has ONE shape: V8 gives objects with the same properties, created
 * in the same order, from the same constructor, the same hidden class, and then a
 * property read is one compare and one load.
 *
 * Write:
 *
 * 1. `normalizeQuote(raw)`: a new `Quote` for any feed's quote, built in ONE place (one
 *    object literal or one class constructor) with all six fields, always in the same
 *    order, whatever the feed and whatever it left out. A missing size is 0; a missing
 *    or null venue is ''. Each field always holds the same type (a number stays a
 *    number: never undefined). Do not modify `raw`: read it, build a new object.
 * 2. `applyUpdate(quote, update)`: change, in place, only the fields the update carries
 *    (`venue: null` means '' again). Never add a property (the update's `seq` is not a
 *    field of a Quote) and never delete one: either changes the object's hidden class
 *    and turns every call site that sees it polymorphic.
 *
 * The tests check what decides a shape: the key sequence of every quote you make, the
 * type of every field, the prototype, and (through a Proxy) that nothing is added to or
 * deleted from a quote after it is made.
 */

// #region raw
/** A direct exchange feed: its own field names, and always a venue. */
export interface DirectQuote {
  feed: 'direct';
  sym: string;
  bidPx: number;
  askPx: number;
  bidQty: number;
  askQty: number;
  venue: string;
}

/** The consolidated feed: no venue, and sizes may be missing. */
export interface SipQuote {
  feed: 'sip';
  symbol: string;
  bid: number;
  ask: number;
  bidSize?: number;
  askSize?: number;
}

/** A data vendor: ask before bid, a timestamp we do not keep, a venue that may be null. */
export interface VendorQuote {
  feed: 'vendor';
  ask: number;
  bid: number;
  symbol: string;
  venue: string | null;
  ts: number;
  askSize: number;
  bidSize: number;
}

export type RawQuote = DirectQuote | SipQuote | VendorQuote;
// #endregion raw

// #region quote
/** The one shape the hot path sees. */
export interface Quote {
  symbol: string;
  bid: number;
  ask: number;
  bidSize: number;
  askSize: number;
  venue: string;
}

/** A change to a quote: any of its fields, plus a sequence number that is not one. */
export interface QuoteUpdate {
  seq: number;
  bid?: number;
  ask?: number;
  bidSize?: number;
  askSize?: number;
  venue?: string | null;
}
// #endregion quote

// #region hot
/** The hot path: one property load site per field, shared by every quote it is given. */
export function totalSpread(quotes: readonly Quote[]): number {
  let sum = 0;
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i]!;
    sum += q.ask - q.bid;
  }
  return sum;
}
// #endregion hot

// #region starter
/** One Quote, always of one shape, from any feed's quote. */
export function normalizeQuote(raw: RawQuote): Quote {
  // TODO: build every quote in one place, all six fields, in one order, defaults for what is missing.
  const q = { ...raw } as unknown as Quote & Record<string, unknown>;
  if (raw.feed === 'direct') {
    q.symbol = raw.sym;
    q.bid = raw.bidPx;
    q.ask = raw.askPx;
  }
  return q;
}

/** Applies `update` to `quote` in place, touching only a Quote's own fields. */
export function applyUpdate(quote: Quote, update: QuoteUpdate): void {
  // TODO: assign only the Quote fields the update carries; never add or delete a property.
  Object.assign(quote, update);
}
// #endregion starter
