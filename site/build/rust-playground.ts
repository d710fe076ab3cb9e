/**
 * A remark plugin for the lessons: every ```rust block (mdbook-style info string, see
 * content/rust-blocks.ts) is highlighted as plain `rust`, and gets a "Run in the Rust
 * Playground" link under it that opens the program the course's test compiles (the block
 * inside its hidden wrapper, if it has one), so a student can compile the wrong version too.
 */
import { fileURLToPath } from 'node:url';
import { parseRustInfo, playgroundUrl, programOf, type RustBlock } from '../../content/rust-blocks.ts';

const WRAPPERS = fileURLToPath(new URL('../../content/rust-wrappers/', import.meta.url));

/** The few mdast fields this plugin reads and writes. */
interface MdNode {
  type: string;
  lang?: string | null;
  meta?: string | null;
  value?: string;
  url?: string;
  children?: MdNode[];
  position?: { start: { line: number } };
  data?: { hProperties?: Record<string, string> };
}

/** The paragraph with the link that follows a block. */
function linkFor(block: RustBlock): MdNode {
  const url = playgroundUrl(programOf(block, WRAPPERS), block.info.edition);
  const note = block.info.compileFail
    ? ` (rustc refuses this one${block.info.code ? `: ${block.info.code}` : ''})`
    : block.info.ignore !== undefined
      ? ` (not compiled by the course: ${block.info.ignore})`
      : '';
  return {
    type: 'paragraph',
    data: { hProperties: { class: 'rust-playground' } },
    children: [{ type: 'link', url, children: [{ type: 'text', value: 'Run in the Rust Playground' }] }, ...(note ? [{ type: 'text', value: note }] : [])],
  };
}

function walk(node: MdNode, file: string): void {
  const children = node.children;
  if (!children) return;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'code' && child.lang && /^rust(,|$)/.test(child.lang)) {
      const line = child.position?.start.line ?? 0;
      const info = parseRustInfo([child.lang, child.meta].filter(Boolean).join(' '), `${file}:${line}`);
      child.lang = 'rust'; // the highlighter knows "rust", not "rust,compile_fail,E0499"
      child.meta = null;
      children.splice(i + 1, 0, linkFor({ file, line, code: `${child.value ?? ''}\n`, info }));
      i++;
    } else {
      walk(child, file);
    }
  }
}

/** remark plugin: register in astro.config.mjs under markdown.remarkPlugins. */
export default function rustPlayground() {
  return (tree: MdNode, vfile: { path?: string }) => walk(tree, vfile.path ?? 'a lesson');
}
