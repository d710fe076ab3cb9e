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

export type LockFn = (word: Int32Array, index: number) => void;

/** The shared memory of one simulated run: index 3 is the lock word, 16 the guarded counter. */
export const LOCK_INDEX = 3;
const COUNTER_INDEX = 16;
/** More Atomics calls than this in one lock() or unlock() is a spin, not a lock that sleeps. */
const CALLS_PER_INVOCATION = 400;
/** Steps of one whole run before it is called a livelock. */
const STEPS_PER_RUN = 20_000;

type AnyFn = (...args: unknown[]) => unknown;
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
export interface RunReport {
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
export function runSchedule(lock: LockFn, unlock: LockFn, threads: number, iterations: number, choices: readonly number[]): RunReport {
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
