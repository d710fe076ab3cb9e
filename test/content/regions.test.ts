/** Marked regions: how lessons quote tested files. */
import { describe, expect, it } from 'vitest';
import { extractRegion, listRegions, RegionError } from '../../content/regions.ts';

const SOURCE = [
  'const a = 1;',
  '// #region outer',
  'function f() {',
  '  // #region inner',
  '  return 2;',
  '  // #endregion inner',
  '}',
  '// #endregion outer',
].join('\n');

describe('regions', () => {
  it('quotes a region without its markers or nested ones, dedented', () => {
    expect(extractRegion(SOURCE, 'outer')).toBe('function f() {\n  return 2;\n}');
    expect(extractRegion(SOURCE, 'inner')).toBe('return 2;');
  });

  it('names the missing region and lists the ones there are', () => {
    expect(() => extractRegion(SOURCE, 'nope', 'x.ts')).toThrow(new RegionError('x.ts: no region "nope"; regions are: inner, outer'));
  });

  it('rejects a region marked twice, a stray end, a mismatched end and an unclosed region, with the line', () => {
    expect(() => listRegions('// #region a\n// #endregion a\n// #region a\n// #endregion', 'f.ts')).toThrow('f.ts:3: region "a" is marked twice');
    expect(() => listRegions('x\n// #endregion', 'f.ts')).toThrow('f.ts:2: #endregion without a #region');
    expect(() => listRegions('// #region a\n// #endregion b', 'f.ts')).toThrow('f.ts:2: #endregion b closes region "a"');
    expect(() => listRegions('// #region a\nx', 'f.ts')).toThrow('f.ts:1: region "a" is never closed');
  });
});
