/**
 * Leaving an editor by keyboard: the element that Tab (or Shift+Tab) reaches after the
 * editor's own box, in document order, skipping everything inside the box. Both editors
 * use it for "Escape, then Tab"; Monaco would otherwise keep Tab for indenting.
 */

const TABBABLE = 'a[href], button, input, select, textarea, summary, [tabindex], [contenteditable="true"], iframe';

function tabbable(el: HTMLElement): boolean {
  if (el.matches(':disabled') || el.closest('[hidden], [inert]')) return false;
  const index = el.getAttribute('tabindex');
  if (index !== null && Number(index) < 0) return false;
  return el.getClientRects().length > 0;
}

/** Moves focus to the first tabbable element after (or, `backwards`, before) `box`; returns it. */
export function focusOutside(box: HTMLElement, backwards: boolean): HTMLElement | undefined {
  const all = [...document.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => !box.contains(el) && tabbable(el));
  const after = (el: HTMLElement) => Boolean(box.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  const target = backwards ? all.filter((el) => !after(el)).at(-1) : all.find(after);
  target?.focus();
  return target;
}
