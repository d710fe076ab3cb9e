/**
 * Exercise: borrow-tracker (reference solution).
 *
 * Rust checks borrows at compile time; `RefCell<T>` moves the same rule to run time:
 * at any moment a value has either any number of shared borrows (readers) or exactly
 * one exclusive borrow (a writer), never both. Breaking the rule is a panic, here a
 * `BorrowError`. The two counters below are the whole state RefCell keeps.
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

export class BorrowCell<T> {
  #value: T;
  // Readers and the writer are counted separately: the rule is "readers > 0 XOR writing".
  #readers = 0;
  #writing = false;

  constructor(value: T) {
    this.#value = value;
  }

  /** How many shared borrows are live. */
  get readers(): number {
    return this.#readers;
  }

  /** Whether the exclusive borrow is live. */
  get writing(): boolean {
    return this.#writing;
  }

  borrow(): Ref<T> {
    // A reader may join other readers, never a writer: the writer could change the
    // value under the reader's feet (in Rust: a data race, or a dangling reference).
    if (this.#writing) throw new BorrowError('already-mutably-borrowed', 'cannot borrow: the value is mutably borrowed');
    this.#readers += 1;
    const cell = this;
    const life = guardLife(() => (cell.#readers -= 1));
    return {
      get value() {
        life.check();
        return cell.#value;
      },
      release: life.release,
      [Symbol.dispose]: life.dispose,
    };
  }

  borrowMut(): RefMut<T> {
    // A writer must be alone: no readers (they would see a torn update) and no other writer.
    if (this.#writing) throw new BorrowError('already-borrowed', 'cannot borrow mutably: the value is already mutably borrowed');
    if (this.#readers > 0) throw new BorrowError('already-borrowed', `cannot borrow mutably: ${this.#readers} shared borrow(s) live`);
    this.#writing = true;
    const cell = this;
    const life = guardLife(() => (cell.#writing = false));
    return {
      get value() {
        life.check();
        return cell.#value;
      },
      set value(next: T) {
        life.check();
        cell.#value = next;
      },
      release: life.release,
      [Symbol.dispose]: life.dispose,
    };
  }
}

// #region guard-life
/**
 * The life of one guard: live until released, once. Releasing twice is the run-time
 * twin of a double free, and touching a released guard of a use-after-free, so both
 * throw. `dispose` (what `using` calls) releases only if still live, because a guard
 * may have been released by hand before its block ends.
 */
function guardLife(giveBack: () => void) {
  let live = true;
  const check = () => {
    if (!live) throw new BorrowError('released', 'this borrow was already released');
  };
  const release = () => {
    check();
    live = false;
    giveBack();
  };
  const dispose = () => {
    if (live) release();
  };
  return { check, release, dispose };
}
// #endregion guard-life
