/**
 * borrow() counts the new reader before checking for a writer, so a refused borrow still counts.
 *
 * The throw comes after `readers += 1`: the refused reader is never released, the count
 * stays one too high, and the cell refuses every writer from then on.
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
    this.#readers += 1;
    if (this.#writing) throw new BorrowError('already-mutably-borrowed', 'cannot borrow: the value is mutably borrowed');
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
