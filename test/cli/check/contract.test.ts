/** What a test file pins in text (error classes, message regexes and strings), and whether the exercise text states it. */
import { describe, expect, it } from 'vitest';
import { errorSentences, headerText, textAssertions, unstated } from '../../../cli/check/contract.ts';

const TESTS = `import { expect, it } from 'vitest';
import { parse } from './exercise.ts';
it('refuses bad input', () => {
  expect(() => parse('x'), 'a letter').toThrow(RangeError);
  expect(() => parse('x'), 'the message names it').toThrow(/"x"/);
  expect(() => parse(''), 'empty').toThrowError('empty input');
  let message = '';
  try { parse('y'); } catch (e) { message = (e as Error).message; }
  expect(message).toContain('y');
  expect(parse('1')).toBe(1);
  expect(String(parse('2'))).toMatch(/^2$/);
});
`;

describe('textAssertions', () => {
  it('finds thrown classes, message regexes and strings, with their lines and labels, and nothing else', () => {
    expect(textAssertions(TESTS)).toEqual([
      { line: 4, matcher: 'toThrow', kind: 'class', source: 'RangeError', label: 'a letter', on: 'error' },
      { line: 5, matcher: 'toThrow', kind: 'regex', source: '/"x"/', label: 'the message names it', on: 'error' },
      { line: 6, matcher: 'toThrowError', kind: 'text', source: "'empty input'", label: 'empty', on: 'error' },
      { line: 9, matcher: 'toContain', kind: 'text', source: "'y'", on: 'error' },
      { line: 11, matcher: 'toMatch', kind: 'regex', source: '/^2$/', on: 'value' },
    ]);
  });
});

describe('unstated', () => {
  const [cls, regex] = textAssertions(TESTS);
  it('accepts what the exercise text states', () => {
    const text = headerText('/**\n * Exercise: parse.\n *\n * Bad input is a RangeError whose message names the input.\n */\nexport {};\n');
    expect(errorSentences(text)).toEqual(['Bad input is a RangeError whose message names the input.']);
    expect(unstated(cls!, text)).toBeUndefined();
    expect(unstated(regex!, text)).toBeUndefined();
  });
  it('names the class the text never names, and a message the text never describes', () => {
    const text = headerText('/** Exercise: parse. Bad input throws. */');
    expect(unstated(cls!, text)).toMatch(/the error class RangeError, which the exercise text never names/);
    expect(unstated(regex!, text)).toMatch(/a message matching \/"x"\/, but the exercise text never says what an error's message holds/);
  });
  it('leaves a regex on a returned value to the exercise text of that value: it is no message', () => {
    const value = textAssertions(TESTS).find((a) => a.on === 'value')!;
    expect(unstated(value, headerText('/** Exercise: parse. Bad input throws. */'))).toBeUndefined();
  });
});
