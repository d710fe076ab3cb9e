/**
 * Exercise: monomorphic-shapes (reference solution).
 *
 * V8 gives every object a hidden class (a "map"): the list of its properties in the
 * order they were added, with where each one lives. Objects built by the same code, with
 * the same properties added in the same order, share one map, so a property load in hot
 * code becomes "is the map the one I saw before? then load at offset k" (a monomorphic
 * inline cache). Each feed's own shape, a property added only sometimes, or one deleted
 * later gives a different map, and a load site that sees more than four maps goes
 * megamorphic: a lookup in a global cache on every access.
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

// #region factory
/**
 * The only place a Quote is made. One literal with all six keys in one order: every
 * quote gets the same map, whichever feed it came from. Defaults keep each field's type
 * fixed too (V8 also tracks whether a field holds small integers, doubles or pointers,
 * and widening that is a change of map as well).
 */
function makeQuote(symbol: string, bid: number, ask: number, bidSize: number, askSize: number, venue: string): Quote {
  return { symbol, bid, ask, bidSize, askSize, venue };
}

/** One Quote, always of one shape, from any feed's quote. */
export function normalizeQuote(raw: RawQuote): Quote {
  // The feeds differ only in where the values come from; the object is made in one place.
  switch (raw.feed) {
    case 'direct':
      return makeQuote(raw.sym, raw.bidPx, raw.askPx, raw.bidQty, raw.askQty, raw.venue);
    case 'sip':
      return makeQuote(raw.symbol, raw.bid, raw.ask, raw.bidSize ?? 0, raw.askSize ?? 0, '');
    case 'vendor':
      return makeQuote(raw.symbol, raw.bid, raw.ask, raw.bidSize, raw.askSize, raw.venue ?? '');
  }
}
// #endregion factory

// #region update
/** Applies `update` to `quote` in place, touching only a Quote's own fields. */
export function applyUpdate(quote: Quote, update: QuoteUpdate): void {
  // Field by field instead of Object.assign: assign would copy `seq` too, adding a
  // property and moving the quote to a new map (and every reader of it off its fast path).
  if (update.bid !== undefined) quote.bid = update.bid;
  if (update.ask !== undefined) quote.ask = update.ask;
  if (update.bidSize !== undefined) quote.bidSize = update.bidSize;
  if (update.askSize !== undefined) quote.askSize = update.askSize;
  // "No venue" is the empty string, never a deleted property. Deleting the last-added
  // property makes V8 roll the map back (properties stay fast, checked on Node 20 with
  // %HasFastProperties), but the quote then has a shape without `venue` that readers
  // must also handle; deleting any other property turns it into a slow dictionary.
  if (update.venue !== undefined) quote.venue = update.venue ?? '';
}
// #endregion update
