/**
 * Validation of order-book commands (`docs/spec/order-book-tape.md`): turns any
 * JSON value into a well-formed {@link BookCommand} or a reject event, and names the
 * reject codes the book's fast methods return. Runs in Node and in the browser.
 *
 * Only the *shape* of a command is checked here. What depends on the book's state (a
 * reused id, a cancel of an order that is not resting) is checked by the book itself.
 */
import type { BookCommand, ModifyCommand, RejectEvent } from './order-book-types.ts';

/** Largest integer a price, quantity or id may be: 2^53 - 1. */
export const MAX_INT = 9007199254740991;

/**
 * Result codes of the book's methods (`limit`, `market`, `cancel`, `modify`, `execute`):
 * `OK` (0) when the command was accepted, otherwise why it was rejected. A plain object
 * rather than a `const enum`, so that it survives `isolatedModules` and the browser.
 */
export const RejectCode = {
  OK: 0,
  BAD_ID: 1,
  BAD_SIDE: 2,
  BAD_PRICE: 3,
  BAD_QTY: 4,
  DUPLICATE_ID: 5,
  UNKNOWN_ORDER: 6,
  EMPTY_MODIFY: 7,
  UNKNOWN_OP: 8,
  NOT_OBJECT: 9,
  NOT_JSON: 10,
} as const;

/** One of the {@link RejectCode} values. */
export type RejectCode = (typeof RejectCode)[keyof typeof RejectCode];

/** The human reason printed in a reject line, by code (index 0, `OK`, is unused). */
export const REJECT_REASONS: readonly string[] = [
  'ok',
  'id must be a positive integer',
  'side must be "buy" or "sell"',
  'price must be a positive integer',
  'qty must be a positive integer',
  'id already used',
  'unknown order',
  'modify needs qty or price',
  'unknown op',
  'not a JSON object',
  'not valid JSON',
];

/**
 * True when `x` is a positive integer of at most 2^53 - 1. Written without
 * `typeof` so that it stays cheap on the hot path; a string such as "5" still fails,
 * because `Math.floor("5")` is the number 5, not the string.
 */
export function isPositiveInt(x: unknown): x is number {
  return (x as number) > 0 && (x as number) <= MAX_INT && Math.floor(x as number) === x;
}

/** Builds the reject event for a code; `id` is echoed only when it is a valid id, else `null`. */
export function rejectEvent(id: unknown, code: RejectCode): RejectEvent {
  return { type: 'reject', id: isPositiveInt(id) ? id : null, reason: REJECT_REASONS[code] ?? 'rejected' };
}

/**
 * Checks the shape of one parsed JSON value and returns a fresh, normalised command
 * (only the known keys; extra keys are ignored), or the reject event it deserves.
 *
 * Rules: the value must be a plain object; `op` one of limit, market, cancel, modify;
 * `id`, `price`, `qty` positive integers ≤ 2^53 - 1 where required; `side` "buy" or
 * "sell"; a modify needs `qty` or `price` (a key that is present must be valid: `null`
 * is a bad value, not an absent one). A reject carries the line's id when that id is
 * valid, `null` otherwise.
 */
export function parseCommand(value: unknown): BookCommand | RejectEvent {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return rejectEvent(null, RejectCode.NOT_OBJECT);
  }
  const v = value as Record<string, unknown>;
  const id = v.id;
  const op = v.op;
  if (op !== 'limit' && op !== 'market' && op !== 'cancel' && op !== 'modify') {
    return rejectEvent(id, RejectCode.UNKNOWN_OP);
  }
  if (!isPositiveInt(id)) return rejectEvent(null, RejectCode.BAD_ID);
  switch (op) {
    case 'limit': {
      const { side, price, qty } = v;
      if (side !== 'buy' && side !== 'sell') return rejectEvent(id, RejectCode.BAD_SIDE);
      if (!isPositiveInt(price)) return rejectEvent(id, RejectCode.BAD_PRICE);
      if (!isPositiveInt(qty)) return rejectEvent(id, RejectCode.BAD_QTY);
      return { op, id, side, price, qty };
    }
    case 'market': {
      const { side, qty } = v;
      if (side !== 'buy' && side !== 'sell') return rejectEvent(id, RejectCode.BAD_SIDE);
      if (!isPositiveInt(qty)) return rejectEvent(id, RejectCode.BAD_QTY);
      return { op, id, side, qty };
    }
    case 'cancel':
      return { op, id };
    case 'modify': {
      const hasPrice = v.price !== undefined;
      const hasQty = v.qty !== undefined;
      if (!hasPrice && !hasQty) return rejectEvent(id, RejectCode.EMPTY_MODIFY);
      if (hasPrice && !isPositiveInt(v.price)) return rejectEvent(id, RejectCode.BAD_PRICE);
      if (hasQty && !isPositiveInt(v.qty)) return rejectEvent(id, RejectCode.BAD_QTY);
      // Both keys always present (maybe undefined): one object shape for every modify.
      const cmd: ModifyCommand = { op, id, price: v.price as number | undefined, qty: v.qty as number | undefined };
      return cmd;
    }
  }
}
