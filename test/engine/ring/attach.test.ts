import { describe, expect, it } from 'vitest';
import {
  RING_CAPACITY_OFFSET,
  RING_MAGIC_OFFSET,
  RING_VERSION_OFFSET,
  SpscRingBuffer,
  ringByteLength,
} from '../../../engine/ring/spsc-ring-buffer.ts';

describe('SpscRingBuffer: attaching to a buffer', () => {
  it('a second handle over the same buffer sees the same ring (producer and consumer handles)', () => {
    const producer = SpscRingBuffer.create(16);
    const consumer = new SpscRingBuffer(producer.buffer);
    expect(consumer.capacity).toBe(16);
    for (let i = 0; i < 10; i++) producer.tryPush(i * 1.5);
    expect(consumer.size()).toBe(10);
    for (let i = 0; i < 10; i++) expect(consumer.tryPop()).toBe(i * 1.5);
    expect(producer.size()).toBe(0);
    expect(consumer.tryPop()).toBeUndefined();
  });

  it('a handle attached later picks up the indices where they are', () => {
    const a = SpscRingBuffer.create(4);
    for (let i = 0; i < 3; i++) a.tryPush(i);
    a.tryPop();
    const b = new SpscRingBuffer(a.buffer);
    expect(b.size()).toBe(2);
    expect(b.tryPush(3)).toBe(true);
    expect(b.tryPush(4)).toBe(true);
    expect(b.tryPush(5)).toBe(false);
    expect([b.tryPop(), b.tryPop(), b.tryPop(), b.tryPop()]).toEqual([1, 2, 3, 4]);
  });

  it('a role can move to a new handle once the old one has stopped', () => {
    const a = SpscRingBuffer.create(4);
    a.tryPush(1);
    a.tryPush(2);
    const b = new SpscRingBuffer(a.buffer);
    expect(b.tryPop()).toBe(1); // b takes over as consumer
    expect(a.tryPop()).toBe(2); // and hands back: a reads its own index from memory
  });

  it('refuses what is not a ring, saying why', () => {
    const good = SpscRingBuffer.create(8).buffer as SharedArrayBuffer;
    const copy = (mutate: (w: Uint32Array) => void, bytes = good.byteLength): SharedArrayBuffer => {
      const b = new SharedArrayBuffer(bytes);
      new Uint8Array(b).set(new Uint8Array(good).subarray(0, Math.min(bytes, good.byteLength)));
      mutate(new Uint32Array(b, 0, 4));
      return b;
    };
    expect(() => new SpscRingBuffer(new SharedArrayBuffer(ringByteLength(8)))).toThrow(/bad magic/);
    expect(() => new SpscRingBuffer(new SharedArrayBuffer(16))).toThrow(/too small/);
    expect(() => new SpscRingBuffer(copy(() => {}, good.byteLength + 8))).toThrow(/takes \d+ bytes/);
    expect(() => new SpscRingBuffer(copy((w) => (w[RING_VERSION_OFFSET >> 2] = 99)))).toThrow(/version 99/);
    expect(() => new SpscRingBuffer(copy((w) => (w[RING_CAPACITY_OFFSET >> 2] = 12)))).toThrow(/capacity 12/);
    expect(() => new SpscRingBuffer(copy((w) => (w[RING_MAGIC_OFFSET >> 2] = 0)))).toThrow(TypeError);
    expect(() => new SpscRingBuffer(new Float64Array(8) as unknown as SharedArrayBuffer)).toThrow(TypeError);
  });

  it('works over a plain ArrayBuffer on one thread (pages without cross-origin isolation)', () => {
    const ring = SpscRingBuffer.create(4, { shared: false });
    expect(ring.buffer).toBeInstanceOf(ArrayBuffer);
    ring.tryPush(7);
    expect(new SpscRingBuffer(ring.buffer).tryPop()).toBe(7);
  });
});
