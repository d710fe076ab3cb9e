/** A numeric quiz answer typed with the unit its question names ("70%", "65x", "1.5 µs") is read, not refused. */
import { describe, expect, it } from 'vitest';
import { parseNumber, readNumericAnswer, unitSpellings } from '../../../site/lib/quiz/numeric-answer.ts';

describe('numeric answers', () => {
  it('read a bare number as before', () => {
    expect(parseNumber('1,000')).toBe(1000);
    expect(parseNumber('0,5')).toBe(0.5);
    expect(readNumericAnswer(' 80 ', '%')).toEqual({ value: 80 });
  });

  it('accept the unit the question names, as students write it', () => {
    expect(readNumericAnswer('70%', '%')).toEqual({ value: 70 });
    expect(readNumericAnswer('70 %', '%')).toEqual({ value: 70 });
    expect(readNumericAnswer('70 percent', '%')).toEqual({ value: 70 });
    expect(readNumericAnswer('65x', 'x')).toEqual({ value: 65 });
    expect(readNumericAnswer('65×', 'x')).toEqual({ value: 65 });
    expect(readNumericAnswer('65 X', 'x')).toEqual({ value: 65 });
    expect(readNumericAnswer('1.5 µs', 'µs')).toEqual({ value: 1.5 });
    expect(readNumericAnswer('1.5μs', 'µs')).toEqual({ value: 1.5 });
    expect(readNumericAnswer('1.5us', 'µs')).toEqual({ value: 1.5 });
    expect(readNumericAnswer('120,050 units', 'units')).toEqual({ value: 120050 });
    expect(readNumericAnswer('1 round trip', 'round trips')).toEqual({ value: 1 });
    expect(readNumericAnswer('-2.5e3 ns', 'ns')).toEqual({ value: -2500 });
  });

  it('refuse another unit, saying which one the question asks for', () => {
    expect(readNumericAnswer('70 ns', '%')).toEqual({ error: 'This answer is in %: type the number of %, such as 70 or 70%, not "ns".' });
    expect(readNumericAnswer('3 µs', 'ns')).toEqual({ error: 'This answer is in ns: type the number of ns, such as 3 or 3 ns, not "µs".' });
    expect(readNumericAnswer('70%', null)).toEqual({ error: 'Type just the number, without "%".' });
  });

  it('say "Type a number first." only when nothing is typed, and name text that is no number', () => {
    expect(readNumericAnswer('  ', 'x')).toEqual({ error: 'Type a number first.' });
    expect(readNumericAnswer('eighty', 'x')).toEqual({ error: '"eighty" is not a number: type digits, such as 42 or 1.5 (x may follow).' });
  });

  it('spell units both ways', () => {
    expect(unitSpellings('bytes')).toContain('byte');
    expect(unitSpellings('%')).toContain('percent');
  });
});
