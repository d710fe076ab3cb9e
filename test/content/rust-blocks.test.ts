/**
 * Every ```rust block of every lesson compiles with the machine's rustc as its fence says
 * (content/rust-blocks.ts), and the error or warning the lesson shows after it is rustc's.
 * Without rustc the compiling tests are skipped with the reason printed; on CI (CI set)
 * a missing rustc fails instead.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBlocks, compile, findRustc, judge, parseRustInfo, playgroundUrl, programOf, rustBlocks, RustBlockError, type Compiled } from '../../content/rust-blocks.ts';
import { REPO } from '../cli/helpers.ts';
import { readLessons } from './lesson-source.ts';

const WRAPPERS = path.join(REPO, 'content/rust-wrappers');
const rustc = await findRustc();
if (!rustc.ok) console.warn(`Rust blocks not compiled: ${rustc.reason}`);

describe('info strings', () => {
  it('read compile_fail with its code, wrapper, edition and ignore with its reason', () => {
    expect(parseRustInfo('rust', 'x')).toEqual({ compileFail: false, edition: '2024' });
    expect(parseRustInfo('rust,compile_fail,E0499,wrapper=book', 'x')).toEqual({ compileFail: true, code: 'E0499', wrapper: 'book', edition: '2024' });
    expect(parseRustInfo('rust,edition2021', 'x').edition).toBe('2021');
    expect(parseRustInfo('rust,ignore needs the pyo3 crate', 'x').ignore).toBe('needs the pyo3 crate');
  });
  it('refuse an ignore without a reason, an unknown attribute, a code without compile_fail, and name where', () => {
    expect(() => parseRustInfo('rust,ignore', 'a.mdx:3')).toThrow(/a\.mdx:3: "ignore" needs its reason/);
    expect(() => parseRustInfo('rust,should_panic', 'a.mdx:3')).toThrow(/a\.mdx:3: unknown attribute "should_panic"/);
    expect(() => parseRustInfo('rust,E0499', 'a.mdx:3')).toThrow(/only goes with compile_fail/);
    expect(() => parseRustInfo('rust some words', 'a.mdx:3')).toThrow(/only allowed as the reason of "ignore"/);
    expect(() => parseRustInfo('rust,ignore,compile_fail because of reasons', 'a.mdx:3')).toThrow(RustBlockError);
  });
});

const LESSON = [
  'Text.',
  '```rust,compile_fail,E0382',
  'fn main() { let a = String::new(); let b = a; println!("{a}{b}"); }',
  '```',
  '',
  '```text',
  'error[E0382]: borrow of moved value: `a`',
  ' --> src/main.rs:1:50',
  '```',
  '```rust',
  'pub fn f() {}',
  '```',
].join('\n');

describe('blocks of a lesson', () => {
  it('pair each rust block with the diagnostic shown after it', () => {
    const [failing, fine] = rustBlocks('l.mdx', LESSON);
    expect(failing!.line).toBe(2);
    expect(failing!.shown).toMatchObject({ level: 'error', code: 'E0382', line: 'error[E0382]: borrow of moved value: `a`', at: 7 });
    expect(fine!.shown).toBeUndefined();
  });
  it('set a fragment into its wrapper, and name a missing wrapper', () => {
    const [block] = rustBlocks('l.mdx', '```rust,wrapper=main\nlet x = 1;\n```\n');
    expect(programOf(block!, WRAPPERS)).toMatch(/fn main\(\) \{\n {4}let x = 1;\n\}/);
    const [missing] = rustBlocks('l.mdx', '```rust,wrapper=nowhere\nlet x = 1;\n```\n');
    expect(() => programOf(missing!, WRAPPERS)).toThrow(/l\.mdx:1: wrapper "nowhere" does not exist/);
  });
  it('judge a differing code or first line, an unmarked error and a block that compiles after all', () => {
    const [block] = rustBlocks('l.mdx', LESSON);
    const said = (line: string, ok = false): Compiled => ({ ok, output: line, diagnostics: ok ? [] : [{ level: 'error', code: /E\d{4}/.exec(line)?.[0], line }] });
    expect(judge(block!, said('error[E0382]: borrow of moved value: `a`'))).toBeUndefined();
    expect(judge(block!, said('error[E0505]: cannot move out of `a`'))).toMatch(/marked E0382 but rustc's first error is E0505/);
    expect(judge(block!, said('error[E0382]: use of moved value: `a`'))).toMatch(/the lesson shows \(line 7\)[\s\S]*rustc says[\s\S]*use of moved value/);
    expect(judge(block!, said('', true))).toMatch(/marked compile_fail but rustc compiles it/);
    const unmarked = { ...block!, info: { ...block!.info, compileFail: false, code: undefined } };
    expect(judge(unmarked, said('error[E0382]: borrow of moved value: `a`'))).toMatch(/not marked compile_fail/);
  });
  it('link to the Playground with the whole program URL-encoded', () => {
    expect(playgroundUrl('fn main() { let s = "a&b"; }')).toBe('https://play.rust-lang.org/?version=stable&mode=debug&edition=2024&code=fn%20main()%20%7B%20let%20s%20%3D%20%22a%26b%22%3B%20%7D');
  });
});

describe.skipIf(!rustc.ok)(`lessons' Rust, compiled by ${rustc.ok ? rustc.version : 'rustc (absent)'}`, () => {
  it('catches a lesson whose error block is not what rustc prints', async () => {
    const wrong = LESSON.replace('borrow of moved value', 'use of moved value');
    const [block] = rustBlocks('wrong.mdx', wrong);
    const problem = judge(block!, await compile(programOf(block!, WRAPPERS), '2024', rustc.ok ? rustc.rustc : 'rustc'));
    expect(problem).toMatch(/wrong\.mdx:2: the lesson shows/);
  });

  it('every block compiles as its fence says, with the error the lesson shows', { timeout: 300_000 }, async () => {
    const lessons = readLessons(REPO);
    const blocks = lessons.flatMap((l) => rustBlocks(l.file, l.source));
    const results = await checkBlocks(blocks, WRAPPERS, rustc.ok ? rustc.rustc : 'rustc');
    const skipped = results.filter((r) => r.skipped);
    const failing = results.filter((r) => r.block.info.compileFail).length;
    console.log(
      `Rust blocks: ${results.length - skipped.length} of ${results.length} compiled (${failing} must fail) from ${lessons.length} lessons; ${skipped.length} not compiled:\n` +
        skipped.map((r) => `  ${r.block.file}:${r.block.line}: ${r.skipped}`).join('\n'),
    );
    expect(results.flatMap((r) => (r.problem ? [r.problem] : []))).toEqual([]);
    expect(blocks.length).toBeGreaterThan(40);
  });
});

it.runIf(!rustc.ok && !!process.env.CI)('CI has rustc', () => {
  expect.fail(`CI must compile the lessons' Rust: ${rustc.ok ? '' : rustc.reason}`);
});
