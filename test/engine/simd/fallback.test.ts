// Where the platform lacks wasm SIMD: loadSimd rejects with a clear error, and
// loadKernels falls back to the scalar kernels and says so. The platform is simulated
// by making WebAssembly.validate reject, which is how the detection works.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SimdUnsupportedError, loadKernels, loadSimd, scalar, simdSupported } from '../../../engine/simd/kernels.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('without WebAssembly SIMD', () => {
  it('loadSimd rejects with SimdUnsupportedError saying what is missing', async () => {
    vi.spyOn(WebAssembly, 'validate').mockReturnValue(false);
    expect(simdSupported()).toBe(false);
    await expect(loadSimd()).rejects.toBeInstanceOf(SimdUnsupportedError);
    await expect(loadSimd()).rejects.toThrow(/WebAssembly SIMD is not available/);
  });

  it('loadKernels falls back to scalar and says which it chose, and why', async () => {
    vi.spyOn(WebAssembly, 'validate').mockReturnValue(false);
    const lines: string[] = [];
    const k = await loadKernels({ log: (l) => lines.push(l) });
    expect(k.kind).toBe('scalar');
    expect(k.description).toMatch(/fallback.*SIMD is not available/);
    expect(lines).toEqual([`kernels: ${k.description}`]);
    const p = k.alloc(3), v = k.alloc(3);
    p.set([100, 101, 102]);
    v.set([1, 1, 2]);
    expect(k.vwap(p, v)).toBe(scalar.vwap(p, v));
    expect(k.vwap(p, v)).toBe(101.25);
  });

  it('with SIMD, loadKernels chooses it', async () => {
    const lines: string[] = [];
    const k = await loadKernels({ log: (l) => lines.push(l) });
    expect(k.kind).toBe('simd');
    expect(lines[0]).toMatch(/WebAssembly SIMD/);
  });

  it('without WebAssembly at all, the error says so', async () => {
    vi.stubGlobal('WebAssembly', undefined);
    try {
      expect(simdSupported()).toBe(false);
      await expect(loadSimd()).rejects.toThrow(/no WebAssembly/);
      expect((await loadKernels()).kind).toBe('scalar');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
