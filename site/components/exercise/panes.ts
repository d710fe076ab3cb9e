/**
 * The panes under the editor, Results and Console, as tabs (the WAI-ARIA tabs pattern:
 * arrow keys, Home and End move between the tabs, one tab stop), and one shortcut from
 * anywhere in the exercise, the editor included: Alt+Shift+P switches to the other pane
 * and puts focus on its tab, so that a keyboard user reads either without hunting.
 */

export const PANE_SHORTCUT = 'Alt+Shift+P';

/** Whether a keydown is the pane shortcut (by key position, so Option on a Mac works too). */
export const isPaneShortcut = (e: KeyboardEvent) => e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyP';

export class Panes {
  private readonly tabs: HTMLButtonElement[];

  constructor(private readonly root: HTMLElement) {
    this.tabs = [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    for (const tab of this.tabs) {
      tab.addEventListener('click', () => this.select(tab.dataset.pane!, false));
      tab.addEventListener('keydown', (e) => this.onKey(e, tab));
    }
  }

  get selected(): string {
    return this.tabs.find((t) => t.getAttribute('aria-selected') === 'true')?.dataset.pane ?? 'results';
  }

  /** Shows one pane (`results` or `console`); with `focus`, its tab gets the focus. */
  select(pane: string, focus: boolean): void {
    for (const tab of this.tabs) {
      const on = tab.dataset.pane === pane;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      const panel = this.root.querySelector<HTMLElement>(`#${tab.getAttribute('aria-controls')}`);
      if (panel) panel.hidden = !on;
      if (on && focus) tab.focus();
    }
  }

  /** The shortcut: the other pane, focused. */
  toggle(): void {
    this.select(this.selected === 'results' ? 'console' : 'results', true);
  }

  private onKey(e: KeyboardEvent, tab: HTMLButtonElement): void {
    const i = this.tabs.indexOf(tab);
    const to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? this.tabs.length - 1 : undefined;
    if (to === undefined) return;
    e.preventDefault();
    this.select(this.tabs[(to + this.tabs.length) % this.tabs.length]!.dataset.pane!, true);
  }
}
