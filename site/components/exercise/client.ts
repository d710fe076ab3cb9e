/**
 * The exercise's behaviour in the page (markup: site/components/Exercise.astro). Small
 * on purpose: this is what a lesson ships before any interaction; the editor
 * (site/lib/editor) and the runner (site/lib/runner) are imported when first needed, the
 * runner warmed in idle time once the exercise is in view (./warm.ts).
 *
 * - The student's code and revealed hints come back from the progress store on load; a
 *   run left `running` means the last run crashed the tab: the page says so, code kept.
 * - Editing starts Monaco, or the plain text area (phones, screen readers, or by choice,
 *   remembered, as is "Tab moves focus"); Ctrl/Cmd+Enter runs from anywhere in the exercise.
 * - Run (./run-view.ts) clears the last results, saves the code, shows the phases, the
 *   tests and the console as they come, saves the result and brings the verdict into view;
 *   a pass offers the next lesson. The solution opens after a first run (./solution-view.ts).
 */
import type { ExerciseResult } from '../../../grading/result-schema.ts';
import type { CodeEditor } from '../../lib/editor/types.ts';
import { exerciseLabel } from '../../../grading/exercise-format.ts';
import { loadExercise, saveExercise, type ExerciseProgress } from '../../lib/progress/store.ts';
import { ConsolePane } from './console-pane.ts';
import { Panes, isPaneShortcut } from './panes.ts';
import { preferredEditor, rememberEditor, rememberTabMovesFocus, tabMovesFocus, type EditorKind } from './preferences.ts';
import { editorProblems, resultsHtml, summary } from './results.ts';
import { RunView } from './run-view.ts';
import { SolutionView } from './solution-view.ts';
import { warmWhenSeen } from './warm.ts';

const SAVE_DELAY_MS = 400;

const isResult = (x: unknown): x is ExerciseResult =>
  typeof x === 'object' && x !== null && Array.isArray((x as ExerciseResult).tests) && Array.isArray((x as ExerciseResult).problems) && typeof (x as ExerciseResult).status === 'string';

class ExerciseView {
  readonly slug: string;
  readonly title: string;
  readonly timeLimitMs: number;
  readonly codeLabel: string;
  readonly browserGraded: boolean;
  readonly starter: string;
  private code: string;
  private progress: ExerciseProgress = { hintsShown: 0, runs: 0 };
  private editor: CodeEditor | undefined;
  private editorLoading: Promise<CodeEditor> | undefined;
  private beforeReset: string | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly q: <T extends HTMLElement = HTMLElement>(selector: string) => T;
  private readonly panes: Panes;
  private readonly console: ConsolePane;
  private readonly solution: SolutionView;
  private readonly runner: RunView;

  constructor(readonly root: HTMLElement) {
    this.q = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
    this.slug = root.dataset.exercise!;
    this.title = root.dataset.title ?? this.slug;
    this.timeLimitMs = Number(root.dataset.timeLimitMs);
    this.codeLabel = exerciseLabel(this.slug);
    this.browserGraded = root.dataset.runsIn !== 'node';
    this.starter = JSON.parse(this.q('[data-starter]').textContent ?? '""') as string;
    this.code = this.starter;
    this.panes = new Panes(this.q('[data-panes]'));
    this.console = new ConsolePane(this.q('[data-console]'), this.q('[data-console-count]'));
    this.solution = new SolutionView(this.q('[data-action="solution"]'), this.q('[data-solution]'), {
      slug: this.slug,
      runs: () => this.progress.runs,
      editor: () => this.startEditing(false),
      currentEditor: () => this.editor,
      status: (text) => this.status(text),
    });
    this.runner = new RunView(
      {
        root,
        slug: this.slug,
        codeLabel: this.codeLabel,
        status: (text, verdict) => this.status(text, verdict),
        takeCode: () => (this.code = this.currentCode()),
        progress: () => this.progress,
        setProgress: (progress) => (this.progress = progress),
        save: (extra) => this.save(extra),
        openEditor: () => void this.startEditing(false),
        showResult: (result) => this.showResult(result),
        afterRun: () => this.solution.refresh(),
      },
      this.console,
    );
  }

  runTests(): Promise<void> {
    return this.browserGraded ? this.runner.run() : Promise.resolve();
  }

  async mount(): Promise<void> {
    this.root.addEventListener('click', (e) => this.onClick(e));
    this.root.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && this.browserGraded) {
        e.preventDefault();
        void this.runTests();
      } else if (isPaneShortcut(e)) {
        e.preventDefault();
        this.panes.toggle();
      }
    });
    // Clicking or typing into the highlighted code starts the editor there.
    const view = this.q('[data-starter-view]');
    view.addEventListener('click', () => {
      if (!getSelection()?.toString()) void this.startEditing(true);
    });
    view.addEventListener('keydown', (e) => {
      if ((e.key.length === 1 || e.key === 'Enter') && !e.ctrlKey && !e.metaKey && !e.altKey) void this.startEditing(true);
    });
    this.q<HTMLDialogElement>('[data-reset-dialog]').addEventListener('close', (e) => {
      if ((e.target as HTMLDialogElement).returnValue === 'reset') void this.reset();
    });
    this.updateModeButtons();

    this.progress = await loadExercise(this.slug);
    this.solution.refresh();
    if (this.progress.code !== undefined && this.progress.code !== this.starter) {
      this.code = this.progress.code;
      this.showSavedCode();
    }
    this.showHints(this.progress.hintsShown);
    if (this.progress.running) {
      this.notice(
        `The last run of ${this.title} did not finish: it most likely crashed the tab, for example by allocating memory without end. Your code is kept; look for the runaway loop before you run it again.`,
      );
      await saveExercise(this.slug, { running: false });
    } else if (isResult(this.progress.results)) {
      this.showResult(this.progress.results, this.progress.savedAt);
      // Passed on an earlier visit: the way on is still offered.
      this.q('[data-next]').hidden = this.progress.results.status !== 'pass';
    }
    if (this.root.dataset.needsIsolation && !globalThis.crossOriginIsolated) this.checkIsolation();
    else if (this.browserGraded) warmWhenSeen(this.root, () => void this.warm());
  }

  // ------------------------------------------------------------------ view

  private status(text: string, verdict?: string): void {
    const el = this.q('[data-run-status]');
    el.textContent = text;
    if (verdict) el.dataset.verdict = verdict;
    else delete el.dataset.verdict;
  }

  private notice(text: string): void {
    const el = this.q('[data-notice]');
    el.textContent = text;
    el.hidden = false;
  }

  private checkIsolation(): void {
    // coi-serviceworker reloads the page once to make it isolated; if it is still not
    // after that, say so (a private window, or service workers turned off).
    setTimeout(() => {
      if (globalThis.crossOriginIsolated) return;
      this.notice(
        `${this.title} shares memory between threads (SharedArrayBuffer), which browsers allow only in a cross-origin-isolated page, and this page is not: its host sends no Cross-Origin-Opener-Policy and Cross-Origin-Embedder-Policy headers, and the service worker that adds them could not start (a private window, or service workers turned off). Grade it with \`npx ticklab ${this.slug}\`, or open the course with \`npm start\`.`,
      );
      const run = this.root.querySelector<HTMLButtonElement>('[data-action="run"]');
      if (run) run.disabled = true;
    }, 1500);
  }

  private showSavedCode(): void {
    const view = this.q('[data-starter-view]');
    if (this.editor) return;
    let pre = this.root.querySelector<HTMLPreElement>('pre.saved-code');
    if (!pre) {
      pre = document.createElement('pre');
      pre.className = 'saved-code';
      pre.tabIndex = 0;
      pre.setAttribute('aria-label', `Your code for ${this.title}`);
      pre.addEventListener('click', () => {
        if (!getSelection()?.toString()) void this.startEditing(true);
      });
      view.after(pre);
    }
    pre.textContent = this.code;
    view.hidden = this.code !== this.starter;
    pre.hidden = this.code === this.starter;
    const saved = this.q('[data-saved]');
    saved.hidden = this.code === this.starter;
    saved.textContent = this.progress.savedAt ? `Your code, saved ${new Date(this.progress.savedAt).toLocaleString()}.` : 'Your code.';
  }

  private showHints(count: number): void {
    const items = [...this.root.querySelectorAll<HTMLLIElement>('[data-hint-list] li')];
    items.forEach((li, i) => (li.hidden = i >= count));
    const button = this.q<HTMLButtonElement>('[data-action="hint"]');
    if (count >= items.length) {
      button.textContent = items.length === 1 ? 'The hint is shown' : `All ${items.length} hints are shown`;
      button.disabled = true;
    } else {
      button.textContent = `Show a hint (${count + 1} of ${items.length})`;
      button.disabled = false;
    }
  }

  private showResult(result: ExerciseResult, lastRunAt?: number): void {
    this.q('[data-results]').innerHTML = resultsHtml(result, { codeLabel: this.codeLabel, ...(lastRunAt ? { lastRunAt } : {}) });
    this.status(summary(result, this.timeLimitMs), result.status);
    this.editor?.setProblems(editorProblems(result, this.codeLabel));
  }

  private updateModeButtons(): void {
    const mode = this.q<HTMLButtonElement>('[data-action="editor-mode"]');
    const plain = preferredEditor() === 'plain';
    mode.setAttribute('aria-pressed', String(plain));
    mode.textContent = plain ? 'Plain text editor: on' : 'Plain text editor';
    const tab = this.q<HTMLButtonElement>('[data-action="tab-focus"]');
    const on = tabMovesFocus();
    tab.setAttribute('aria-pressed', String(on));
    tab.textContent = on ? 'Tab moves focus: on' : 'Tab moves focus';
  }

  // ------------------------------------------------------------------ actions

  private onClick(e: MouseEvent): void {
    const target = e.target as HTMLElement;
    const goto = target.closest<HTMLElement>('[data-goto-line]');
    if (goto) {
      void this.startEditing(false).then((editor) => editor.revealLine(Number(goto.dataset.gotoLine), Number(goto.dataset.gotoColumn ?? 1)));
      return;
    }
    const action = target.closest<HTMLElement>('[data-action]')?.dataset.action;
    switch (action) {
      case 'run':
        if (this.runner.running) this.runner.stop();
        else void this.runTests();
        break;
      case 'edit':
        void this.startEditing(true);
        break;
      case 'hint':
        void this.revealHint();
        break;
      case 'reset':
        this.q<HTMLDialogElement>('[data-reset-dialog]').showModal();
        break;
      case 'undo-reset':
        void this.undoReset();
        break;
      case 'solution':
        void this.solution.toggle();
        break;
      case 'editor-mode':
        void this.switchEditor();
        break;
      case 'tab-focus':
        this.setTabMovesFocus(!tabMovesFocus(), true);
        break;
    }
  }

  /** Tab moves focus (or indents): remembered, applied to the editor, announced. */
  private setTabMovesFocus(on: boolean, fromToolbar: boolean): void {
    rememberTabMovesFocus(on);
    if (fromToolbar) this.editor?.setTabMovesFocus(on);
    this.updateModeButtons();
    this.status(on ? 'Tab now moves focus out of the editor (remembered). Turn it off to indent with Tab.' : 'Tab now indents in the editor (remembered); Escape, then Tab, moves on.');
  }

  private currentCode(): string {
    return this.editor?.getValue() ?? this.code;
  }

  private onEdit(code: string): void {
    this.code = code;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), SAVE_DELAY_MS);
  }

  private async save(extra: Partial<ExerciseProgress> = {}): Promise<void> {
    clearTimeout(this.saveTimer);
    const savedAt = Date.now();
    this.progress = { ...this.progress, code: this.code, savedAt, ...extra };
    await saveExercise(this.slug, { code: this.code, savedAt, ...extra });
  }

  /** The compiler and a grading worker, loaded ahead of the first Run (no code runs). */
  private async warm(): Promise<void> {
    if (this.runner.running) return;
    const { warmUp } = await import('../../lib/runner/grade.ts');
    await warmUp(this.slug, this.currentCode());
    // Said in the markup, for the site benchmark's "first Run after the warm-up".
    this.root.dataset.runner = 'warm';
  }

  startEditing(focus: boolean): Promise<CodeEditor> {
    this.editorLoading ??= this.mountEditor(preferredEditor()).then((editor) => {
      if (focus) editor.focus();
      return editor;
    });
    return this.editorLoading;
  }

  private async mountEditor(kind: EditorKind): Promise<CodeEditor> {
    const container = this.q('[data-code]');
    const options = {
      container,
      value: this.code,
      label: `exercise.ts of ${this.title}`,
      onChange: (code: string) => this.onEdit(code),
      onRun: () => {
        if (this.browserGraded && !this.runner.running) void this.runTests();
      },
      tabMovesFocus: tabMovesFocus(),
      onTabMovesFocusChange: (on: boolean) => this.setTabMovesFocus(on, false),
    };
    let editor: CodeEditor;
    if (kind === 'monaco') {
      // Said only when the status line is free: never over a run's phases or its verdict.
      const busy = this.runner.running || this.q('[data-run-status]').textContent ? undefined : 'Loading the editor…';
      if (busy) this.status(busy);
      try {
        const { runnerBase } = await import('../../lib/runner/grade.ts');
        const url = `${runnerBase()}editor/monaco.js`;
        const { createMonacoEditor } = (await import(/* @vite-ignore */ url)) as typeof import('../../lib/editor/monaco.ts');
        editor = await createMonacoEditor(options);
        if (busy && this.q('[data-run-status]').textContent === busy) this.status('');
      } catch (error) {
        this.status(`The rich editor did not load (${String(error)}); here is the plain one.`);
        const { createPlainEditor } = await import('../../lib/editor/plain.ts');
        editor = createPlainEditor(options);
      }
    } else {
      const { createPlainEditor } = await import('../../lib/editor/plain.ts');
      editor = createPlainEditor(options);
    }
    this.q('[data-saved]').hidden = true;
    // The student is about to run: load the compiler and the runner meanwhile (no code runs).
    if (this.browserGraded && !this.runner.running) void this.warm();
    this.editor = editor;
    this.root.dataset.editor = editor.kind;
    const last = this.progress.results;
    if (isResult(last)) editor.setProblems(editorProblems(last, this.codeLabel));
    return editor;
  }

  private async switchEditor(): Promise<void> {
    const next: EditorKind = preferredEditor() === 'plain' ? 'monaco' : 'plain';
    rememberEditor(next);
    this.updateModeButtons();
    if (!this.editor && !this.editorLoading) return;
    await this.editorLoading;
    this.code = this.currentCode();
    this.editor?.dispose();
    this.editor = undefined;
    this.editorLoading = undefined;
    await this.startEditing(true);
    await this.solution.reshow();
  }

  private async revealHint(): Promise<void> {
    const total = Number(this.root.dataset.hints);
    const shown = Math.min(total, this.progress.hintsShown + 1);
    this.progress = { ...this.progress, hintsShown: shown };
    this.showHints(shown);
    const li = this.root.querySelectorAll<HTMLLIElement>('[data-hint-list] li')[shown - 1];
    if (li) {
      li.tabIndex = -1;
      li.focus();
    }
    await saveExercise(this.slug, { hintsShown: shown });
  }

  private async reset(): Promise<void> {
    this.beforeReset = this.currentCode();
    this.code = this.starter;
    if (this.editor) this.editor.setValue(this.starter);
    else this.showSavedCode();
    await this.save();
    const undo = this.q<HTMLButtonElement>('[data-action="undo-reset"]');
    undo.hidden = false;
    this.status('Back to the starting code. "Undo reset" brings your code back.');
    undo.focus();
  }

  private async undoReset(): Promise<void> {
    if (this.beforeReset === undefined) return;
    this.code = this.beforeReset;
    this.beforeReset = undefined;
    if (this.editor) this.editor.setValue(this.code);
    else this.showSavedCode();
    await this.save();
    this.q('[data-action="undo-reset"]').hidden = true;
    this.status('Your code is back.');
    this.editor?.focus();
  }
}

const mounted = new WeakSet<HTMLElement>();

/** Mounts every exercise on the page (once each). */
export function mountAll(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-exercise]')) {
    if (mounted.has(root)) continue;
    mounted.add(root);
    const view = new ExerciseView(root);
    void view.mount();
  }
}
