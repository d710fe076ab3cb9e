/**
 * The little markup that plain-text content fields (quiz prompts, options, glossary
 * definitions) may use: `code` in backticks. Everything else is escaped, so a field can
 * never inject HTML into a page.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Escaped HTML of `text`, with `code` spans in backticks as <code>. */
export function inlineHtml(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part) => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? `<code>${escapeHtml(part.slice(1, -1))}</code>` : escapeHtml(part)))
    .join('');
}
