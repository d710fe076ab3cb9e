// The wasm module really is SIMD: it does not even validate without the SIMD feature,
// and the disassembly of each kernel contains f64x2 (two-lane) operations.
import wabt from 'wabt';
import { describe, expect, it } from 'vitest';
import { kernelsWasmBytes } from '../../../engine/simd/kernels-wasm.ts';
import { simdSupported } from '../../../engine/simd/kernels.ts';

const bytes = kernelsWasmBytes();

/** The text of each function, keyed by name, from wabt's disassembly. */
async function disassemble(): Promise<Map<string, string>> {
  const w = await wabt();
  const mod = w.readWasm(bytes, { simd: true, readDebugNames: true });
  try {
    mod.validate();
    mod.applyNames();
    const text = mod.toText({ foldExprs: false, inlineExport: true });
    const funcs = new Map<string, string>();
    for (const part of text.split(/\n(?=\s*\(func )/).slice(1)) {
      const name = /\(func \$(\w+)/.exec(part)?.[1];
      if (name) funcs.set(name, part);
    }
    return funcs;
  } finally {
    mod.destroy();
  }
}

describe('the kernels module uses SIMD', () => {
  it('fails to validate when SIMD is switched off', async () => {
    const w = await wabt();
    expect(() => w.readWasm(bytes, { simd: false }).validate()).toThrow(/local type|v128|simd/i);
  });

  it('validates in this engine (Node 20 has wasm SIMD) and simdSupported agrees', () => {
    expect(WebAssembly.validate(bytes)).toBe(true);
    expect(simdSupported()).toBe(true);
  });

  it('each kernel is written with two-lane f64 operations', async () => {
    const funcs = await disassemble();
    const expected: Record<string, RegExp[]> = {
      sum: [/f64x2\.add/, /v128\.load/],
      dot: [/f64x2\.mul/, /f64x2\.add/],
      vwap_parts: [/f64x2\.mul/, /f64x2\.add/],
      min_max: [/f64x2\.min/, /f64x2\.max/],
      notional_by_symbol: [/i64x2\.eq/, /v128\.and/, /f64x2\.mul/, /v128\.load32x2_u/],
      read_probe: [/v128\.or/],
    };
    expect([...funcs.keys()].sort()).toEqual(Object.keys(expected).sort());
    for (const [name, patterns] of Object.entries(expected)) {
      for (const re of patterns) expect(funcs.get(name), `${name} uses ${re}`).toMatch(re);
    }
    // The main loops do several vectors a turn: eight independent adds in sum.
    expect(funcs.get('sum')!.match(/f64x2\.add/g)!.length).toBeGreaterThanOrEqual(8);
  });
});
