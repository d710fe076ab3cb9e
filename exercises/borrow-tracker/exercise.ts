/**
 * Exercise: borrow-tracker.
 *
 * Build `BorrowCell<T>`, the run-time twin of Rust's `RefCell<T>`. A cell holds one
 * value and hands out guards:
 *
 * - `borrow()` returns a shared guard (`Ref`) to read `value`. Any number may be live
 *   at once, but not while a mutable guard is live: then throw
 *   `BorrowError('already-mutably-borrowed', ...)`.
 * - `borrowMut()` returns an exclusive guard (`RefMut`) to read and write `value`. It
 *   needs the cell to itself: if any guard is live, throw
 *   `BorrowError('already-borrowed', ...)`.
 * - A guard is given back by `release()` or by `using` (`Symbol.dispose`). Once
 *   released, touching it again (reading, writing or releasing) throws
 *   `BorrowError('released', ...)`; disposing an already released guard does nothing.
 * - `readers` and `writing` tell how many guards of each kind are live.
 * - Every BorrowError carries a message saying what went wrong (its wording is yours).
 *
 * What Rust does instead: `RefCell` panics where this cell throws, but a guard used
 * after it is released is not a run-time error in Rust at all. The guard is released by
 * being dropped, and using a dropped value does not compile. Here the guard has to
 * check, on every access, that it is still live.
 *
 * Run `ticklab hint borrow-tracker` if you are stuck.
 */

/** Why a borrow was refused. */
export type BorrowErrorKind = 'already-mutably-borrowed' | 'already-borrowed' | 'released';

/** Thrown when a borrow would break "many readers XOR one writer", or a guard is used after release. */
export class BorrowError extends Error {
  override name = 'BorrowError';
  constructor(
    readonly kind: BorrowErrorKind,
    message: string,
  ) {
    super(message);
  }
}

// #region guards
/** A shared borrow: read-only access until released. */
export interface Ref<T> extends Disposable {
  readonly value: T;
  release(): void;
}

/** An exclusive borrow: read and write access until released. */
export interface RefMut<T> extends Disposable {
  value: T;
  release(): void;
}
// #endregion guards

export class BorrowCell<T> {
  #value: T;

  constructor(value: T) {
    this.#value = value;
  }

  /** How many shared borrows are live. */
  get readers(): number {
    // TODO: count the live shared borrows.
    return 0;
  }

  /** Whether the exclusive borrow is live. */
  get writing(): boolean {
    // TODO: report whether a mutable borrow is live.
    return false;
  }

  borrow(): Ref<T> {
    // TODO: refuse while a mutable borrow is live; count this reader; make the guard
    // single-use and give the count back on release.
    const cell = this;
    return {
      get value() {
        return cell.#value;
      },
      release() {},
      [Symbol.dispose]() {},
    };
  }

  borrowMut(): RefMut<T> {
    // TODO: refuse while any borrow is live; mark the cell as written; make the guard
    // single-use and clear the mark on release.
    const cell = this;
    return {
      get value() {
        return cell.#value;
      },
      set value(next: T) {
        cell.#value = next;
      },
      release() {},
      [Symbol.dispose]() {},
    };
  }
}
