/**
 * An exercise's instructions are its starting file's header comment (the file alone tells
 * the task, as in the terminal). This turns that comment into HTML for the page:
 * paragraphs, "- " / "* " bullet lists and "1. " numbered lists (continuation lines
 * indented), `code` in backticks, *emphasis* and **strong**. Everything is escaped. The
 * title line ("Exercise: <slug>.") and the sentence pointing to `ticklab hint` are left
 * out: the page shows the title, and its hints are a click away.
 */
import { escapeHtml } from '../../lib/inline.ts';

/** The text of the file's first `/** ... *\/` comment, without the stars; empty when there is none. */
export function headerComment(source: string): string {
  const m = /^\s*\/\*\*([\s\S]*?)\*\//.exec(source);
  if (!m) return '';
  return m[1]!
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, '').replace(/\s+$/, ''))
    .join('\n')
    .trim();
}

const TITLE = /^Exercise: [a-z0-9-]+\.?$/;
/** "Run `ticklab hint x` if you are stuck." (or "`ticklab hint x` has ..."): the terminal's pointer, one sentence. */
const HINT_SENTENCE = /(^|\s)[^.!?]*`?ticklab hint\b[^.!?]*[.!?]?/g;

/** Emphasis in one run of plain text (no code spans), already escaped: `**strong**`, then `*em*`. */
function emphasis(escaped: string): string {
  return escaped
    .replace(/(^|[^\w*])\*\*(?=\S)([^*\n]*?\S)\*\*(?![\w*])/g, '$1<strong>$2</strong>')
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/g, '$1<em>$2</em>');
}

/** Escaped HTML of one line of instructions: `code` spans, then emphasis outside them. */
export function instructionInline(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part) => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? `<code>${escapeHtml(part.slice(1, -1))}</code>` : emphasis(escapeHtml(part))))
    .join('');
}

type ListKind = 'ul' | 'ol';
const BULLET = /^[-*] +/;
const NUMBERED = /^(\d+)[.)] +/;

function listKind(line: string): ListKind | undefined {
  if (BULLET.test(line)) return 'ul';
  if (NUMBERED.test(line)) return 'ol';
  return undefined;
}

/** One block (text between blank lines): a paragraph, a list, or a paragraph that ends in a list. */
function blockHtml(text: string): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => listKind(l) !== undefined);
  const html: string[] = [];
  const prose = (at < 0 ? lines : lines.slice(0, at)).map((l) => l.trim()).join(' ');
  if (prose) html.push(`<p>${instructionInline(prose)}</p>`);
  if (at < 0) return html;
  let kind: ListKind | undefined;
  let start = 1;
  let items: string[] = [];
  const flush = () => {
    if (!kind || items.length === 0) return;
    const open = kind === 'ol' && start !== 1 ? `<ol start="${start}">` : `<${kind}>`;
    html.push(`${open}${items.map((i) => `<li>${instructionInline(i)}</li>`).join('')}</${kind}>`);
    items = [];
  };
  for (const line of lines.slice(at)) {
    const k = listKind(line);
    if (k) {
      if (k !== kind) {
        flush();
        kind = k;
        start = k === 'ol' ? Number(NUMBERED.exec(line)![1]) : 1;
      }
      items.push(line.replace(k === 'ul' ? BULLET : NUMBERED, '').trim());
    } else if (items.length > 0) items[items.length - 1] += ` ${line.trim()}`;
  }
  flush();
  return html;
}

/** The header comment as HTML blocks. */
export function instructionsHtml(source: string): string {
  const html: string[] = [];
  for (const block of headerComment(source).split(/\n\s*\n/)) {
    const text = block.replace(HINT_SENTENCE, '').trim();
    if (!text || TITLE.test(text)) continue;
    html.push(...blockHtml(text));
  }
  return html.join('\n');
}
