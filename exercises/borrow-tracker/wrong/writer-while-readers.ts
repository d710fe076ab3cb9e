/**
 * borrowMut() refuses a second writer but lets a writer in while readers are live.
 *
 * Only `writing` is checked, not `readers`: a reader that was promised an unchanging
 * value can see it change under it. Many readers XOR one writer needs both checks.
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
    if (this.#writing) throw new BorrowError('already-borrowed', 'cannot borrow mutably: the value is already mutably borrowed');
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

/** The life of one guard: live until released, once. */
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
