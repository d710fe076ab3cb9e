/**
 * Exercise: borrow-tracker (reference solution).
 *
 * Rust checks borrows at compile time; `RefCell<T>` moves the same rule to run time:
 * at any moment a value has either any number of shared borrows (readers) or exactly
 * one exclusive borrow (a writer), never both. Breaking the rule makes RefCell panic
 * (`borrow()` while mutably borrowed, `borrow_mut()` while borrowed at all); here it
 * throws a `BorrowError`. A reader count and a writer flag are the whole state it needs.
 *
 * What the rule protects: a shared borrow promises that the value does not change while
 * it is live. A writer alongside it would break that promise, for instance by replacing
 * or shrinking the value a reader is walking through. This is about aliasing on ONE
 * thread: `RefCell` is `!Sync`, so the compiler never lets two threads share one, and
 * there is no data race for it to prevent (across threads, Rust uses `Mutex`/`RwLock`).
 *
 * Where the TypeScript analogy ends: Rust's `Ref`/`RefMut` guards are released by being
 * dropped, and a dropped guard cannot be used again: `drop(guard); guard.len()` does not
 * compile (E0382, use of moved value). So the "released" error below has no run-time
 * counterpart in Rust; it is the compiler's check, done here at run time.
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

  // #region borrow
  borrow(): Ref<T> {
    // A reader may join other readers, never a writer: it was promised a value that
    // does not change while it looks, and a live writer could change it.
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
  // #endregion borrow

  // #region borrow-mut
  borrowMut(): RefMut<T> {
    // A writer must be alone: no readers (each was promised an unchanging value) and no
    // second writer (two exclusive borrows of one value are a contradiction).
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
  // #endregion borrow-mut
}

// #region guard-life
/**
 * The life of one guard: live until released, once. Releasing twice would give the
 * count back twice (the run-time twin of a double free), and reading through a released
 * guard would read a value someone else may now be writing (a use after free), so both
 * throw. Every access checks, the `value` accessors included. `dispose` (what `using`
 * calls) releases only if still live, because a guard may have been released by hand
 * before its block ends.
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
