/** The remark plugin that puts a Playground link under each lesson's Rust block (site/build/rust-playground.ts). */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { describe, expect, it } from 'vitest';
import rustPlayground from '../../site/build/rust-playground.ts';

const render = async (markdown: string) =>
  String(await unified().use(remarkParse).use(rustPlayground).use(remarkRehype).use(rehypeStringify).process({ path: 'lesson.mdx', value: markdown }));

describe('Rust Playground links', () => {
  it('follow each rust block, open its program URL-encoded and say when rustc refuses it', async () => {
    const html = await render('```rust,compile_fail,E0382\nfn main() { let a = 1 & 2; }\n```\n\n```text\nerror\n```\n');
    expect(html).toContain('<code class="language-rust">');
    expect(html).toContain('<p class="rust-playground"><a href="https://play.rust-lang.org/?version=stable&#x26;mode=debug&#x26;edition=2024&#x26;code=fn%20main()%20%7B%20let%20a%20%3D%201%20%26%202%3B%20%7D%0A">Run in the Rust Playground</a> (rustc refuses this one: E0382)</p>');
    expect(html.match(/rust-playground/g)).toHaveLength(1); // the text block gets none
  });
  it('open a fragment inside its wrapper, so the Playground compiles what the course compiles', async () => {
    const html = await render('```rust,wrapper=main\nlet x = 1;\n```\n');
    const href = decodeURIComponent(/href="([^"]+)"/.exec(html)![1]!.replace(/&#x26;/g, '&'));
    expect(href).toMatch(/fn main\(\) \{\n {4}let x = 1;\n\}/);
  });
  it('name the file and line of a malformed fence', async () => {
    await expect(render('text\n\n```rust,ignore\nfn f() {}\n```\n')).rejects.toThrow(/lesson\.mdx:3: "ignore" needs its reason/);
  });
});
