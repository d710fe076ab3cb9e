/**
 * The book's commands and events as the tape spells them (`docs/spec/order-book-tape.md`):
 * what `order-book-commands.ts` validates into and `order-book.ts` applies and reports.
 * A file of its own so that those two import it and not each other.
 */

/** A side as written on the tape. */
export type Side = 'buy' | 'sell';

/** Buy or sell up to `price`; what does not match rests on the book. */
export interface LimitCommand { op: 'limit'; id: number; side: Side; price: number; qty: number }
/** Buy or sell at any price; what does not match is dropped. */
export interface MarketCommand { op: 'market'; id: number; side: Side; qty: number }
/** Remove a resting order. */
export interface CancelCommand { op: 'cancel'; id: number }
/** Change a resting order's price and/or remaining quantity. */
export interface ModifyCommand { op: 'modify'; id: number; price?: number; qty?: number }
/** A well-formed command (see `parseCommand` to obtain one from untrusted JSON). */
export type BookCommand = LimitCommand | MarketCommand | CancelCommand | ModifyCommand;

/** A fill: the taker's id, the maker's id, the maker's price, the quantity. */
export interface TradeEvent { type: 'trade'; taker: number; maker: number; price: number; qty: number }
/** A rejected command: its id (`null` when it had no valid id) and a human reason. */
export interface RejectEvent { type: 'reject'; id: number | null; reason: string }
/** What a command produces, in the order it happened. */
export type BookEvent = TradeEvent | RejectEvent;
