import { describe, expect, it } from 'vitest';
import { runInWorkers } from '#engine/run-in-workers';
import fc from 'fast-check';
import { lock, unlock } from './exercise.ts';

type AnyFn = (...args: unknown[]) => unknown;
const WRITES = ['add', 'sub', 'and', 'or', 'xor', 'exchange', 'compareExchange', 'store'];
/** More Atomics calls than this in one lock() or unlock() on one thread is an endless spin. */
const SPIN_LIMIT = 20_000;

/** Thrown by the simulated Atomics.wait to stand for a thread that is now asleep. */
class Asleep extends Error {}

/**
 * One thread's view of a lock word, with the other threads played by the test: Atomics
 * calls are recorded, Atomics.wait never blocks (the scenario decides what the other
 * threads did meanwhile and what wait returns), and a lock that spins without sleeping
 * is stopped with an error that says so.
 */
class World {
  readonly word = new Int32Array(new SharedArrayBuffer(64));
  readonly index = 3;
  /** Whether a thread other than the one under test holds the lock. */
  otherHolds = false;
  readonly calls: string[] = [];
  /** Each Atomics.wait: the value it expected, and what the word held. */
  readonly waits: { expected: number; found: number }[] = [];
  notifies = 0;
  /** What the other threads do while we sleep in a wait that found the expected value. */
  onWait: () => string = () => this.release();
  /** Called once, just before the first Atomics write of the code under test. */
  beforeFirstWrite: (() => void) | undefined;
  /** Called after each Atomics write of the code under test, with the call's name, until it returns true. */
  afterWrite: ((op: string) => boolean) | undefined;

  /** The other holder lets go (as its unlock would) and notifies: wait returns "ok". */
  release(): string {
    this.word[this.index] = 0;
    this.otherHolds = false;
    return 'ok';
  }

  /** Another thread takes the lock (the word becomes 1). */
  takenByOther(): void {
    this.word[this.index] = 1;
    this.otherHolds = true;
  }

  run<T>(f: () => T): T {
    const table = Atomics as unknown as Record<string, AnyFn>;
    const saved = new Map<string, AnyFn>();
    let count = 0;
    for (const name of ['load', ...WRITES, 'wait', 'notify']) {
      const real = table[name]!;
      saved.set(name, real);
      table[name] = (...args: unknown[]) => {
        this.calls[this.calls.length] = name;
        if (++count > SPIN_LIMIT) {
          throw new Error(`${SPIN_LIMIT} Atomics calls without returning: the lock spins instead of sleeping in Atomics.wait, or waits on a value the word no longer holds (last calls: ${this.calls.slice(-6).join(', ')})`);
        }
        if (WRITES.includes(name) && this.beforeFirstWrite) {
          const act = this.beforeFirstWrite;
          this.beforeFirstWrite = undefined;
          act();
        }
        if (name === 'wait') {
          const expected = args[2] as number;
          const found = this.word[this.index]!;
          this.waits[this.waits.length] = { expected, found };
          return found === expected ? this.onWait() : 'not-equal';
        }
        if (name === 'notify') this.notifies += 1;
        const result = real.apply(Atomics, args);
        if (WRITES.includes(name) && this.afterWrite?.(name)) this.afterWrite = undefined;
        return result;
      };
    }
    try {
      return f();
    } finally {
      for (const [name, real] of saved) table[name] = real;
    }
  }

  lock(): void {
    this.run(() => lock(this.word, this.index));
  }

  unlock(): void {
    this.run(() => unlock(this.word, this.index));
  }
}

const staleWaits = (w: World) => w.waits.filter((x) => x.expected !== x.found);

describe('one thread, other threads played by the test', () => {
  it('takes a free lock at once with a compare-and-swap, without waiting', () => {
    const w = new World();
    w.lock();
    expect(w.word[w.index], 'the word after taking a free lock').not.toBe(0);
    expect(w.calls, 'your Atomics calls').toContain('compareExchange');
    expect(w.waits.length, 'waits while taking a free lock').toBe(0);
    expect(Array.from(w.word).filter((_, i) => i !== w.index), 'the other int32s of the buffer').toEqual(new Array(15).fill(0));
  });

  it('unlock releases the word to 0, and the lock can be taken again', () => {
    const w = new World();
    w.lock();
    w.unlock();
    expect(w.word[w.index], 'the word after lock then unlock').toBe(0);
    w.lock();
    expect(w.word[w.index], 'the word after locking again').not.toBe(0);
    w.unlock();
    expect(w.word[w.index], 'the word after the second unlock').toBe(0);
  });

  it('sleeps in Atomics.wait while another thread holds the lock (a spin lock on one core never lets the holder run)', () => {
    const w = new World();
    w.takenByOther();
    w.lock(); // the holder releases while we sleep
    expect(w.waits.length, 'Atomics.wait calls while the lock was held').toBeGreaterThan(0);
    expect(w.otherHolds, 'the other thread still holds the lock when lock() returns').toBe(false);
    expect(w.word[w.index], 'the word after lock() returns').not.toBe(0);
  });

  it('waits only on the value the word holds now, never on a stale one (wait would return at once, and the lock would spin)', () => {
    const w = new World();
    w.takenByOther();
    w.lock();
    expect(staleWaits(w), 'waits whose expected value was not what the word held').toEqual([]);
  });

  it('checks the word again after waking: a thread that took the lock first keeps it', () => {
    const w = new World();
    w.takenByOther();
    let wakeups = 0;
    w.onWait = () => {
      wakeups += 1;
      if (wakeups === 1) {
        // The holder released and notified, but a third thread grabbed the lock before us.
        w.takenByOther();
        return 'ok';
      }
      return w.release();
    };
    w.lock();
    expect(w.otherHolds, 'lock() returned while another thread held the lock (woken is not owning)').toBe(false);
    expect(w.word[w.index], 'the word after lock() returns').not.toBe(0);
    expect(staleWaits(w), 'waits on a value the word no longer held').toEqual([]);
  });

  it('takes the lock with one atomic step: another thread taking it between your check and your write keeps it', () => {
    const w = new World();
    w.beforeFirstWrite = () => w.takenByOther();
    w.lock();
    expect(w.otherHolds, 'lock() returned while the thread that got in first still held the lock').toBe(false);
    expect(w.word[w.index], 'the word after lock() returns').not.toBe(0);
  });

  it('unlock wakes a thread that went to sleep waiting for the lock', () => {
    const w = new World();
    w.lock(); // we hold it
    // Another thread runs the same lock() and goes to sleep in Atomics.wait.
    w.onWait = () => {
      throw new Asleep();
    };
    let slept = false;
    try {
      w.lock();
    } catch (e) {
      if (!(e instanceof Asleep)) throw e;
      slept = true;
    }
    expect(slept, 'a second lock() on a held lock went to sleep in Atomics.wait').toBe(true);
    const before = w.notifies;
    w.unlock();
    expect(w.word[w.index], 'the word after unlock').toBe(0);
    expect(w.notifies - before, 'Atomics.notify calls by unlock while a thread slept in wait (without one, it sleeps forever)').toBeGreaterThan(0);
  });

  it('unlock leaves alone a lock that another thread took the moment unlock released it, waiters or not', () => {
    for (const waiter of [false, true]) {
      const w = new World();
      w.lock(); // we hold it
      if (waiter) {
        // Another thread runs lock() and goes to sleep in Atomics.wait.
        w.onWait = () => {
          throw new Asleep();
        };
        try {
          w.lock();
        } catch (e) {
          if (!(e instanceof Asleep)) throw e;
        }
      }
      // As soon as one of unlock's writes leaves the word 0, a third thread takes the lock (0 -> 1).
      let releasedBy = '';
      w.afterWrite = (op) => {
        if (w.word[w.index] !== 0) return false;
        releasedBy = op;
        w.takenByOther();
        return true;
      };
      const from = w.calls.length;
      w.unlock();
      const mine = w.calls.slice(from).join(', ');
      expect(releasedBy, `unlock never left the word 0 (your calls: ${mine})`).not.toBe('');
      expect(
        w.word[w.index],
        `the word after unlock${waiter ? ', with a thread asleep in wait,' : ''} released the lock with Atomics.${releasedBy} and another thread took it at once (your calls: ${mine}): ` +
          'a later write of 0 frees that thread\'s lock while it is inside, and the next lock() lets a second thread in',
      ).not.toBe(0);
    }
  });
});

// ------------------------------------------------------------------ the replay scheduler
// (In this file, not a module beside it: the page type-checks a test file on its own.)

/**
 * A deterministic scheduler for simulated threads that run the student's lock() and
 * unlock(), with a context switch possible at EVERY Atomics call, not only between calls.
 *
 * A synchronous function cannot be paused in the middle, so each step re-runs the current
 * call from its start ("replay"): the Atomics calls it already made get the results
 * recorded for them, without touching the word again, the next call is performed for real,
 * and the run is cut short there. This works for any shape of code (loops, helpers,
 * closures), because lock() and unlock() may use only their parameters and Atomics, so
 * the same recorded results always lead them down the same path.
 *
 * Atomics.wait is a futex here: if the word holds the expected value the thread sleeps
 * until a notify picks it (first come, first woken) or, if it gave a finite timeout, until
 * no other thread can run and the timeout fires. A schedule in which every unfinished thread sleeps is a lost
 * wake-up, and is reported with the steps that led to it.
 */

type LockFn = (word: Int32Array, index: number) => void;

/** The shared memory of one simulated run: index 3 is the lock word, 16 the guarded counter. */
const LOCK_INDEX = 3;
const COUNTER_INDEX = 16;
/** More Atomics calls than this in one lock() or unlock() is a spin, not a lock that sleeps. */
const CALLS_PER_INVOCATION = 400;
/** Steps of one whole run before it is called a livelock. */
const STEPS_PER_RUN = 20_000;

type Phase = 'lock' | 'read' | 'write' | 'unlock' | 'done';

interface Thread {
  id: number;
  phase: Phase;
  /** Iterations (lock, read, write, unlock) still to do, this one included. */
  left: number;
  /** The results of the Atomics calls made so far in the current lock() or unlock(). */
  recorded: unknown[];
  /** The names of those calls, to detect code that does not replay the same way. */
  names: string[];
  /** Asleep in Atomics.wait: whether a scheduler may time it out. */
  asleep?: { timed: boolean };
  /** The counter value this thread read in its critical section. */
  seen?: number;
}

class Cut extends Error {}

/** What happened in a run; `problem` is set when the lock broke a rule. */
interface RunReport {
  problem?: string;
  trace: string[];
  counter: number;
  word: number;
}

/**
 * Runs `threads` simulated threads, each doing lock, a plain read-then-write increment of
 * the counter (two steps, so another thread may run between them), and unlock, `iterations`
 * times; `choices` decides which runnable thread takes each step.
 */
function runSchedule(lock: LockFn, unlock: LockFn, threads: number, iterations: number, choices: readonly number[]): RunReport {
  const word = new Int32Array(32); // not shared: a real Atomics.wait would throw, never block
  const all: Thread[] = Array.from({ length: threads }, (_, id) => ({ id, phase: 'lock', left: iterations, recorded: [], names: [] }));
  const sleepers: Thread[] = [];
  const trace: string[] = [];
  /** The thread between its lock() returning and its unlock() starting. */
  let inside: Thread | undefined;
  let current: Thread | undefined;
  let position = 0;

  const table = Atomics as unknown as Record<string, AnyFn>;
  const saved = new Map<string, AnyFn>();
  const names = ['load', 'store', 'add', 'sub', 'and', 'or', 'xor', 'exchange', 'compareExchange', 'wait', 'waitAsync', 'notify'];
  const report = (problem?: string): RunReport => ({ problem, trace, counter: word[COUNTER_INDEX]!, word: word[LOCK_INDEX]! });

  for (const name of names) {
    const real = table[name];
    if (!real) continue;
    saved.set(name, real);
    table[name] = (...args: unknown[]) => {
      const t = current!;
      const at = position++;
      if (at > CALLS_PER_INVOCATION) {
        throw new Error(`thread ${t.id} made ${CALLS_PER_INVOCATION} Atomics calls in one ${t.phase}() without sleeping: it spins (last calls: ${t.names.slice(-6).join(', ')})`);
      }
      if (at < t.recorded.length) {
        if (t.names[at] !== name) throw new Error(`thread ${t.id}'s ${t.phase}() made different Atomics calls when run again with the same results: it depends on something other than its parameters and Atomics`);
        return t.recorded[at];
      }
      if (args[0] !== word) throw new Error(`thread ${t.id}'s ${t.phase}() called Atomics.${name} on an array other than the lock's word`);
      let result: unknown;
      if (name === 'wait') {
        const [, index, expected, timeout] = args as [Int32Array, number, number, number | undefined];
        if (word[index] !== expected) result = 'not-equal';
        else {
          t.asleep = { timed: timeout !== undefined && Number.isFinite(Number(timeout)) };
          sleepers.push(t);
          trace.push(`thread ${t.id}: Atomics.wait(word, ${index}, ${expected}) sleeps (word holds ${expected})`);
          throw new Cut();
        }
      } else if (name === 'waitAsync') {
        throw new Error('Atomics.waitAsync cannot block a thread: lock() must sleep with Atomics.wait');
      } else if (name === 'notify') {
        const [, index, count] = args as [Int32Array, number, number | undefined];
        let woken = 0;
        const limit = count === undefined ? Infinity : count;
        if (index === LOCK_INDEX) {
          while (woken < limit && sleepers.length > 0) {
            const s = sleepers.shift()!;
            s.asleep = undefined;
            s.recorded.push('ok');
            s.names.push('wait');
            woken += 1;
          }
        }
        result = woken;
      } else {
        result = saved.get(name)!.apply(Atomics, args);
      }
      t.recorded.push(result);
      t.names.push(name);
      trace.push(`thread ${t.id}: Atomics.${name}(word, ${args.slice(1).map(String).join(', ')}) -> ${String(result)}; word is now ${word[LOCK_INDEX]}`);
      throw new Cut();
    };
  }

  try {
    for (let step = 0; step < STEPS_PER_RUN; step++) {
      const runnable = all.filter((t) => t.phase !== 'done' && !t.asleep);
      const timed = sleepers.filter((t) => t.asleep!.timed);
      if (runnable.length === 0 && timed.length === 0) {
        if (all.every((t) => t.phase === 'done')) return report();
        return report(`every unfinished thread is asleep in Atomics.wait and nobody is left to notify it: a lost wake-up (sleeping: ${sleepers.map((t) => `thread ${t.id} in ${t.phase}()`).join(', ')})`);
      }
      const choice = choices.length === 0 ? step : choices[step % choices.length]! + step;
      // A timeout is a last resort: it fires only when no thread can run, as a slow timer would.
      const pool = runnable.length > 0 ? runnable : timed;
      const t = pool[choice % pool.length]!;
      if (t.asleep) {
        // Its timeout ran out: wait returns 'timed-out'.
        sleepers.splice(sleepers.indexOf(t), 1);
        t.asleep = undefined;
        t.recorded.push('timed-out');
        t.names.push('wait');
        trace.push(`thread ${t.id}: its Atomics.wait times out`);
        continue;
      }
      if (t.phase === 'read') {
        t.seen = word[COUNTER_INDEX]!;
        t.phase = 'write';
        continue;
      }
      if (t.phase === 'write') {
        word[COUNTER_INDEX] = t.seen! + 1;
        // The critical section ends here: from its first Atomics call on, unlock() may have released the lock.
        inside = undefined;
        t.phase = 'unlock';
        continue;
      }
      current = t;
      position = 0;
      let finished = false;
      try {
        (t.phase === 'lock' ? lock : unlock)(word, LOCK_INDEX);
        finished = true;
      } catch (error) {
        if (!(error instanceof Cut)) return report(`thread ${t.id}'s ${t.phase}() threw: ${(error as Error).message}`);
      }
      if (!finished) continue;
      if (position < t.recorded.length) return report(`thread ${t.id}'s ${t.phase}() returned before making the Atomics calls it made the first time: it depends on something other than its parameters and Atomics`);
      t.recorded = [];
      t.names = [];
      if (t.phase === 'lock') {
        trace.push(`thread ${t.id}: lock() returns`);
        if (inside) return report(`thread ${t.id}'s lock() returned while thread ${inside.id} held the lock: two threads in the critical section`);
        inside = t;
        t.phase = 'read';
      } else {
        trace.push(`thread ${t.id}: unlock() returns`);
        t.left -= 1;
        t.phase = t.left > 0 ? 'lock' : 'done';
      }
    }
    return report(`${STEPS_PER_RUN} steps without every thread finishing: a livelock, or a lock that spins`);
  } finally {
    for (const [name, real] of saved) table[name] = real;
  }
}

describe('two to four simulated threads, a context switch possible at every Atomics call', () => {
  it('keeps the lock exclusive and loses no wake-up on 200 seeded schedules (two or more waiters included)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.array(fc.nat(1_000), { minLength: 1, maxLength: 64 }), (threads, iterations, choices) => {
        const run = runSchedule(lock, unlock, threads, iterations, choices);
        const fail = (problem: string) =>
          expect.fail(`${threads} threads, ${iterations} lock/increment/unlock each: ${problem}\nthe schedule, last 24 steps:\n  ${run.trace.slice(-24).join('\n  ')}`);
        if (run.problem) fail(run.problem);
        if (run.counter !== threads * iterations) fail(`the guarded counter is ${run.counter}, not ${threads * iterations}: an update was lost`);
        if (run.word !== 0) fail(`the lock word is ${run.word} once every thread has unlocked, not 0`);
      }),
      { seed: 20261203, numRuns: 200, includeErrorInReport: true },
    );
  });
});

describe('four real workers', () => {
  it('lose no update to a plain counter guarded by the lock, and never deadlock', async () => {
    const buffer = new SharedArrayBuffer(128);
    const iterations = 5_000;
    // The counter (int32 index 16) is read and written with plain, non-atomic accesses:
    // only the lock keeps two workers from interleaving them.
    const source =
      `(buffer, n) => { const lock = (${lock.toString()}); const unlock = (${unlock.toString()}); ` +
      `const w = new Int32Array(buffer); ` +
      `for (let k = 0; k < n; k++) { lock(w, 3); w[16] = w[16] + 1; unlock(w, 3); } }`;
    try {
      await runInWorkers({ source, buffer, workers: 4, iterations, timeoutMs: 20_000 });
    } catch (error) {
      throw new Error(
        `the lock failed in real workers (your functions run there from their source text, so they may use only their parameters and globals such as Atomics): ${(error as Error).message}`,
      );
    }
    const view = new Int32Array(buffer);
    expect(view[16], 'the counter after four workers incremented it 5,000 times each under the lock').toBe(4 * iterations);
    expect(view[3], 'the lock word once every worker has finished').toBe(0);
  });
});
