/**
 * The toolbar's "Show solution": the reference solution beside the student's code (a
 * diff in Monaco, two columns in the plain editor), read-only. Locked until the student's
 * first run, the same rule as the lesson's solution excerpts (site/components/Solution.astro):
 * the button says so and stays focusable (aria-disabled), so a screen reader finds it
 * and hears why. One load at a time: a second click while loading only flips the state.
 */
import type { CodeEditor } from '../../lib/editor/types.ts';
import { EXERCISE_FILES, exerciseLabel } from '../../../grading/exercise-format.ts';

export interface SolutionHost {
  readonly slug: string;
  /** Runs so far (from the progress store). */
  runs(): number;
  /** The editor, started if need be. */
  editor(): Promise<CodeEditor>;
  /** The editor if one is started. */
  currentEditor(): CodeEditor | undefined;
  status(text: string): void;
}

export const LOCKED_TEXT = 'Show solution (after your first run)';

export class SolutionView {
  private shown = false;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly button: HTMLButtonElement,
    private readonly panel: HTMLElement,
    private readonly host: SolutionHost,
  ) {}

  get isShown(): boolean {
    return this.shown;
  }

  /** Locks or unlocks the button from the run count. */
  refresh(): void {
    const locked = this.host.runs() === 0;
    this.button.setAttribute('aria-disabled', String(locked));
    if (!this.shown) this.button.textContent = locked ? LOCKED_TEXT : 'Show solution';
  }

  async toggle(): Promise<void> {
    if (this.host.runs() === 0) {
      this.host.status('The reference solution opens after your first run: press Run tests once, whatever your code does.');
      return;
    }
    this.shown = !this.shown;
    this.button.setAttribute('aria-expanded', String(this.shown));
    this.button.textContent = this.shown ? 'Hide solution' : 'Show solution';
    if (!this.shown) {
      this.host.currentEditor()?.showSolution(undefined, this.panel);
      this.panel.replaceChildren();
      this.panel.hidden = true;
      return;
    }
    this.loading ??= this.show().finally(() => (this.loading = undefined));
    await this.loading;
  }

  /** Shows it again in a new editor (the student switched editors while it was open). */
  async reshow(): Promise<void> {
    if (this.shown) await this.show();
  }

  private async show(): Promise<void> {
    this.panel.hidden = false;
    this.panel.textContent = 'Loading the reference solution…';
    const { runnerBase } = await import('../../lib/runner/grade.ts');
    const response = await fetch(`${runnerBase()}${exerciseLabel(this.host.slug, EXERCISE_FILES.solution)}`);
    if (!response.ok) {
      this.panel.textContent = `The reference solution could not be loaded (${response.status}).`;
      return;
    }
    const solution = await response.text();
    const editor = await this.host.editor();
    if (!this.shown) return;
    const heading = document.createElement('h4');
    heading.textContent = 'Your code beside the reference solution (read-only: your code is not changed)';
    const box = document.createElement('div');
    this.panel.replaceChildren(heading, box);
    editor.showSolution(solution, box);
  }
}
