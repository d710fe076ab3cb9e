/**
 * The console pane: what the student's code and the tests printed during the last run,
 * one line per call, each with its level in words (not colour alone) and the test it
 * came from; the cap's "output truncated" line stands out. Cleared at each Run.
 */
import type { ConsoleEntry } from '../../../grading/console-capture.ts';
import { escapeHtml } from '../../lib/inline.ts';

/** One console line's HTML. */
export function consoleEntryHtml(entry: ConsoleEntry): string {
  const test = entry.test ? ` <span class="console-test">in ${escapeHtml(entry.test)}</span>` : '';
  if (entry.truncated) return `<li data-level="warn" data-truncated="true"><strong>${escapeHtml(entry.text)}</strong>${test}</li>`;
  return `<li data-level="${entry.level}"><span class="console-level">${entry.level}</span>${test}<pre>${escapeHtml(entry.text)}</pre></li>`;
}

export const EMPTY_CONSOLE = 'Nothing printed yet: <code>console.log</code> in your code or the tests shows here after Run.';

/** Keeps the pane's list and its tab's count in step with the entries of the run. */
export class ConsolePane {
  private count = 0;

  constructor(
    private readonly panel: HTMLElement,
    private readonly tabCount: HTMLElement,
  ) {}

  clear(note = EMPTY_CONSOLE): void {
    this.count = 0;
    this.panel.innerHTML = `<p class="console-empty">${note}</p>`;
    this.tabCount.textContent = '';
  }

  add(entry: ConsoleEntry): void {
    let list = this.panel.querySelector('ol.console-lines');
    if (!list) {
      this.panel.innerHTML = '<ol class="console-lines"></ol>';
      list = this.panel.querySelector('ol.console-lines')!;
    }
    list.insertAdjacentHTML('beforeend', consoleEntryHtml(entry));
    if (!entry.truncated) this.count += 1;
    this.tabCount.textContent = entry.truncated ? ` (${this.count}+)` : ` (${this.count})`;
  }

  /** After a run that printed nothing. */
  finish(): void {
    if (this.count === 0 && !this.panel.querySelector('[data-truncated]')) this.clear('The last run printed nothing.');
  }
}
