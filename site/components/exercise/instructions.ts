/**
 * An exercise's instructions are its starting file's header comment (the file alone tells
 * the task, as in the terminal). This turns that comment into HTML for the page:
 * paragraphs, "- " bullet lists (continuation lines indented), `code` in backticks.
 * Everything is escaped. The title line ("Exercise: <slug>.") and the pointer to
 * `ticklab hint` are left out: the page shows the title, and its hints are a click away.
 */
import { inlineHtml } from '../../lib/inline.ts';

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

const SKIP = [/^Exercise: [a-z0-9-]+\.?$/, /`?ticklab hint\b/];

/** The header comment as HTML blocks. */
export function instructionsHtml(source: string): string {
  const blocks = headerComment(source).split(/\n\s*\n/);
  const html: string[] = [];
  for (const block of blocks) {
    const text = block.trim();
    if (!text || SKIP.some((re) => re.test(text))) continue;
    const lines = text.split('\n');
    if (/^[-*] /.test(lines[0]!)) {
      const items: string[] = [];
      for (const line of lines) {
        if (/^[-*] /.test(line)) items.push(line.slice(2).trim());
        else if (items.length > 0) items[items.length - 1] += ` ${line.trim()}`;
      }
      html.push(`<ul>${items.map((i) => `<li>${inlineHtml(i)}</li>`).join('')}</ul>`);
    } else {
      // A paragraph may end in a list: "Build X:\n- a\n- b".
      const at = lines.findIndex((l) => /^[-*] /.test(l));
      const prose = (at < 0 ? lines : lines.slice(0, at)).map((l) => l.trim()).join(' ');
      html.push(`<p>${inlineHtml(prose)}</p>`);
      if (at >= 0) html.push(instructionsHtml(`/**\n${lines.slice(at).join('\n')}\n*/`));
    }
  }
  return html.join('\n');
}
