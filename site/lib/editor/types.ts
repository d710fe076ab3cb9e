/**
 * What the exercise asks of an editor, whichever it is: Monaco (IntelliSense, type errors
 * as you type, the solution in a diff editor) or a plain text area (a phone, a screen
 * reader, or a student who prefers it). Both do the same job; the page switches between
 * them without losing a keystroke.
 */

/** A problem to mark in the code: a syntax, import or type error at a line. */
export interface EditorProblem {
  line: number;
  column?: number;
  message: string;
}

export interface EditorOptions {
  /** Where the editor goes; emptied first. */
  container: HTMLElement;
  value: string;
  /** The accessible name of the editing area ("exercise.ts of Borrow tracker"). */
  label: string;
  onChange(code: string): void;
  /** Ctrl/Cmd+Enter. */
  onRun(): void;
  /** Whether Tab moves focus out of the editor instead of indenting (the student's choice, remembered). */
  tabMovesFocus: boolean;
  /** The editor's own key (Monaco's Ctrl+M) changed that mode. */
  onTabMovesFocusChange?(on: boolean): void;
}

/** The sentence under both editors that says how to leave them by keyboard. */
export const LEAVE_HINT = 'Tab indents; press Escape, then Tab, to move on (or turn on "Tab moves focus"). Ctrl+Enter (⌘+Enter on a Mac) runs the tests.';
export const LEAVE_HINT_TAB_FOCUS = 'Tab moves focus out of the editor ("Tab moves focus" is on). Ctrl+Enter (⌘+Enter on a Mac) runs the tests.';

export interface CodeEditor {
  readonly kind: 'monaco' | 'plain';
  getValue(): string;
  setValue(code: string): void;
  focus(): void;
  /** Moves the caret to a line (and column) and shows it. */
  revealLine(line: number, column?: number): void;
  /** Marks these problems in the code (replacing the previous ones). */
  setProblems(problems: readonly EditorProblem[]): void;
  /** Tab moves focus (true) or indents (false). */
  setTabMovesFocus(on: boolean): void;
  /** Shows the reference solution beside the student's code, or hides it (undefined). */
  showSolution(solution: string | undefined, container: HTMLElement): void;
  dispose(): void;
}

/** The theme the page shows now: the student's choice (html[data-theme]) or the system's. */
export function pageTheme(): 'light' | 'dark' {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Calls `listener` whenever the page's theme changes (the toggle, or the system's setting). */
export function onThemeChange(listener: () => void): () => void {
  const observer = new MutationObserver(listener);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const media = matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', listener);
  return () => {
    observer.disconnect();
    media.removeEventListener('change', listener);
  };
}
