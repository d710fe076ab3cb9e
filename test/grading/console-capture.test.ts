/**
 * Console output as the student reads it: formatted as Node's util.inspect prints it
 * (compared with util.inspect itself where the two should agree), depth-limited, and
 * capped with a visible "output truncated".
 */
import { inspect as nodeInspect, format as nodeFormat } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConsoleCapture, captureConsole, truncatedText, type ConsoleEntry } from '../../grading/console-capture.ts';
import { formatArgs, inspect } from '../../grading/console-format.ts';

class Order {
  constructor(
    public id: number,
    public side: string,
  ) {}
}

describe('console values, as util.inspect shows them', () => {
  const same: [string, unknown][] = [
    ['a number', 42],
    ['minus zero', -0],
    ['a bigint', 12n],
    ['a nested string', { s: "it's" }],
    ['an object', { a: 1, b: 'x', c: [1, 2, 3] }],
    ['an array', [1, 'two', null, undefined]],
    ['a class instance', new Order(7, 'buy')],
    ['a map', new Map([['k', 1]])],
    ['a set', new Set([1, 2])],
    ['a typed array', new Float64Array([1.5, 2])],
    ['a named function', function price() {}],
    ['a class', Order],
    ['depth beyond 2', { a: { b: { c: { d: 1 } } } }],
    ['an array beyond depth 2', [[[[1]]]]],
    ['an empty object and array', { o: {}, a: [] }],
    ['a symbol key', { [Symbol('s')]: 1 }],
    ['a quoted key', { 'a-b': 1 }],
  ];
  for (const [what, value] of same) {
    it(`${what}: ${nodeInspect(value)}`, () => expect(inspect(value)).toBe(nodeInspect(value)));
  }

  it('shows a string bare at the top level, as console.log does', () => {
    expect(formatArgs(['price', 100, { a: 1 }])).toBe(nodeFormat('price', 100, { a: 1 }));
  });

  it('fills printf placeholders as Node does', () => {
    expect(formatArgs(['%s bought %d at %i (%j) 100%%', 'ann', 3.5, 9.9, { q: 1 }])).toBe(nodeFormat('%s bought %d at %i (%j) 100%%', 'ann', 3.5, 9.9, { q: 1 }));
  });

  it('marks a circular reference and never calls a getter', () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = a;
    expect(inspect(a)).toBe('{ x: 1, self: [Circular] }');
    let called = false;
    const g = {
      get boom() {
        called = true;
        throw new Error('no');
      },
    };
    expect(inspect(g)).toBe('{ boom: [Getter] }');
    expect(called, 'the getter was called').toBe(false);
  });

  it('breaks a long object over lines and cuts a long array at 100 items', () => {
    const long = { first: 'a'.repeat(40), second: 'b'.repeat(40) };
    expect(inspect(long)).toBe(`{\n  first: '${'a'.repeat(40)}',\n  second: '${'b'.repeat(40)}'\n}`);
    expect(inspect(Array.from({ length: 150 }, () => 0))).toMatch(/\.\.\. 50 more items\n\]$/);
  });

  it('shows an error with its stack', () => {
    const e = new Error('bad price');
    expect(inspect(e)).toBe(e.stack);
  });
});

describe('console capture', () => {
  it('tags each entry with its level and the running test', () => {
    const entries: ConsoleEntry[] = [];
    const capture = new ConsoleCapture((e) => entries.push(e));
    const fake = { log() {}, info() {}, warn() {}, error() {}, debug() {} } as unknown as Console;
    const restore = captureConsole(fake, capture);
    fake.log('before');
    capture.test = 'book > matches';
    fake.warn('careful', { qty: 2 });
    fake.error(new RangeError('x').name);
    restore();
    fake.log('after');
    expect(entries).toEqual([
      { level: 'log', text: 'before' },
      { level: 'warn', text: 'careful { qty: 2 }', test: 'book > matches' },
      { level: 'error', text: 'RangeError', test: 'book > matches' },
    ]);
  });

  it('stops at the cap with one visible "output truncated" entry and counts the rest', () => {
    const entries: ConsoleEntry[] = [];
    const capture = new ConsoleCapture((e) => entries.push(e), { maxEntries: 3 });
    for (let i = 0; i < 10_000; i++) capture.push('log', [i]);
    expect(entries.map((e) => e.text)).toEqual(['0', '1', '2', truncatedText(capture.limits)]);
    expect(entries.at(-1)?.truncated).toBe(true);
    expect(truncatedText(capture.limits)).toMatch(/^output truncated/);
    expect(capture.dropped).toBe(9_997);
  });

  it('caps the characters of all entries and of one entry', () => {
    const entries: ConsoleEntry[] = [];
    const capture = new ConsoleCapture((e) => entries.push(e), { maxChars: 100, maxEntryChars: 30 });
    capture.push('log', ['x'.repeat(50)]);
    expect(entries[0]?.text).toBe(`${'x'.repeat(30)}… (20 more characters)`);
    for (let i = 0; i < 10; i++) capture.push('log', ['y'.repeat(20)]);
    expect(entries.at(-1)?.truncated, 'truncated after 100 characters').toBe(true);
    expect(entries.filter((e) => !e.truncated).reduce((n, e) => n + e.text.length, 0)).toBeLessThanOrEqual(100);
  });
});
