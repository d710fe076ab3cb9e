// engine/simd/kernels-wasm.ts is generated from engine/simd/kernels.wat: rebuilding it from the
// .wat must give the checked-in file byte for byte (the same check as
// `ticklab build-wasm --check`), and its bytes must be what wabt assembles.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { assembleWat, buildKernelsModule, buildWasmCommand } from '../../../cli/commands/author/build-wasm.ts';
import { KERNELS_WASM_SHA256, kernelsWasmBytes } from '../../../engine/simd/kernels-wasm.ts';
import { createHash } from 'node:crypto';

describe('build-wasm', () => {
  it('rebuilding from kernels.wat reproduces the checked-in kernels-wasm.ts', async () => {
    const checkedIn = await readFile(new URL('../../../engine/simd/kernels-wasm.ts', import.meta.url), 'utf8');
    expect(await buildKernelsModule()).toBe(checkedIn);
  });

  it('the embedded bytes are the assembled .wat, and the recorded hash is theirs', async () => {
    const wat = await readFile(new URL('../../../engine/simd/kernels.wat', import.meta.url), 'utf8');
    const fresh = await assembleWat(wat);
    expect(Buffer.from(kernelsWasmBytes()).equals(Buffer.from(fresh))).toBe(true);
    expect(createHash('sha256').update(fresh).digest('hex')).toBe(KERNELS_WASM_SHA256);
  });

  it('--check reports up to date (exit code 0)', async () => {
    const out = process.stdout.write;
    process.stdout.write = () => true;
    try {
      expect(await buildWasmCommand({ check: true })).toBe(0);
    } finally {
      process.stdout.write = out;
    }
  });

  it('assembly errors are reported, not swallowed', async () => {
    await expect(assembleWat('(module (func (result f64) (f64x2.add)))')).rejects.toThrow();
  });
});
