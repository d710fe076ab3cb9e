import { describe, expect, it } from 'vitest';
import { AtomicsMutex, MUTEX_BYTES } from '../../../engine/sync/atomics-mutex.ts';

describe('AtomicsMutex on one thread', () => {
  it('tryLock takes a free lock once; unlock frees it', () => {
    const m = AtomicsMutex.create();
    expect(m.buffer.byteLength).toBe(MUTEX_BYTES);
    expect(m.byteOffset).toBe(64);
    expect(m.isLocked()).toBe(false);
    expect(m.tryLock()).toBe(true);
    expect(m.isLocked()).toBe(true);
    expect(m.tryLock()).toBe(false);
    m.unlock();
    expect(m.isLocked()).toBe(false);
    expect(m.tryLock()).toBe(true);
  });

  it('lock with a timeout gives up on a held lock and leaves it held', () => {
    const m = AtomicsMutex.create();
    const other = new AtomicsMutex(m.buffer, m.byteOffset); // a second handle, as another thread would have
    expect(m.lock()).toBe(true);
    expect(other.lock(10)).toBe(false);
    expect(m.isLocked()).toBe(true);
    m.unlock(); // the word was marked contended: unlock resets it to 0 (and notifies)
    expect(m.isLocked()).toBe(false);
    expect(other.lock(10)).toBe(true);
  });

  it('withLock releases the lock even when the function throws', () => {
    const m = AtomicsMutex.create();
    expect(m.withLock(() => 42)).toBe(42);
    expect(() =>
      m.withLock(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(m.isLocked()).toBe(false);
  });

  it('lockAsync waits without blocking the thread until the holder unlocks', async () => {
    const m = AtomicsMutex.create();
    m.lock();
    let acquired = false;
    const waiting = m.lockAsync().then(() => (acquired = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(acquired).toBe(false);
    m.unlock();
    await waiting;
    expect(acquired).toBe(true);
    expect(m.isLocked()).toBe(true);
  });

  it('refuses a misaligned or out-of-range lock word', () => {
    const b = new SharedArrayBuffer(16);
    expect(() => new AtomicsMutex(b, 2)).toThrow(RangeError);
    expect(() => new AtomicsMutex(b, 16)).toThrow(RangeError);
    expect(() => new AtomicsMutex(b, -4)).toThrow(RangeError);
  });
});
