/**
 * One Run of an exercise in the page: the last run's results, console and "next lesson"
 * cleared first (a verdict from old code must not stand beside new code), the code saved
 * marked `running` (if the run takes the tab down, the next visit can say so), the phases
 * shown as they happen, each test as it finishes, the console as it prints, then the
 * result saved and the verdict brought into view: in the sticky pane beside the lesson
 * only the pane scrolls, so the lesson keeps the student's place.
 */
import type { ExerciseResult } from '../../../grading/result-schema.ts';
import { saveExercise, type ExerciseProgress } from '../../lib/progress/store.ts';
import type { ConsolePane } from './console-pane.ts';
import { applyPhase, applyTestEvent, boardHtml, boardText, startBoard, type PhaseBoard } from './phases.ts';
import { resultsHtml } from './results.ts';

/** What a run needs of its exercise's view. */
export interface RunHost {
  readonly root: HTMLElement;
  readonly slug: string;
  readonly codeLabel: string;
  status(text: string, verdict?: string): void;
  /** The code to grade (what the editor holds now). */
  takeCode(): string;
  progress(): ExerciseProgress;
  setProgress(progress: ExerciseProgress): void;
  save(extra: Partial<ExerciseProgress>): Promise<void>;
  /** Opens the editor (without focus) once the run is over. */
  openEditor(): void;
  showResult(result: ExerciseResult): void;
  /** After a graded run (the solution button unlocks after the first). */
  afterRun(): void;
}

const isResult = (x: unknown): x is ExerciseResult => typeof x === 'object' && x !== null && Array.isArray((x as ExerciseResult).tests);

export class RunView {
  private controller: AbortController | undefined;

  constructor(
    private readonly host: RunHost,
    private readonly console: ConsolePane,
  ) {}

  get running(): boolean {
    return this.controller !== undefined;
  }

  stop(): void {
    this.controller?.abort();
  }

  private q<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.host.root.querySelector<T>(selector)!;
  }

  private showBoard(board: PhaseBoard): void {
    const list = this.q('[data-phases]');
    list.innerHTML = boardHtml(board);
    list.hidden = false;
    this.host.status(boardText(board));
  }

  private showPartial(tests: ExerciseResult['tests']): void {
    this.q('[data-results]').innerHTML = resultsHtml({ exercise: this.host.slug, status: 'fail', durationMs: 0, tests, problems: [] }, { codeLabel: this.host.codeLabel });
  }

  private clearLastRun(total: number | undefined): PhaseBoard {
    this.q('[data-results]').innerHTML = '<p class="results-empty">Running the tests…</p>';
    this.q('[data-next]').hidden = true;
    this.console.clear('Nothing printed yet in this run.');
    const board = startBoard(total);
    this.showBoard(board);
    return board;
  }

  /** The verdict at the top (less its scroll margin: the toolbar stays in sight), the results under it. */
  private revealVerdict(passed: boolean): void {
    this.q('[data-next]').hidden = !passed;
    const verdict = this.q('[data-run-status]');
    const behavior: ScrollBehavior = matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
    const root = this.host.root;
    if (getComputedStyle(root).position === 'sticky') root.scrollTo({ top: verdict.offsetTop - parseFloat(getComputedStyle(verdict).scrollMarginTop || '0'), behavior });
    else verdict.scrollIntoView({ block: 'start', behavior });
  }

  async run(): Promise<void> {
    if (this.controller) return;
    const controller = new AbortController();
    this.controller = controller;
    const button = this.q<HTMLButtonElement>('[data-action="run"]');
    button.textContent = 'Stop';
    const code = this.host.takeCode();
    const last = this.host.progress().results;
    // The count the last run ran (skipped tests are not run here), shown as "3 of 14 done".
    const ran = isResult(last) ? last.tests.filter((t) => t.status !== 'skip').length : 0;
    let board = this.clearLastRun(ran > 0 ? ran : undefined);
    try {
      await this.host.save({ running: true });
      const { gradeInPage } = await import('../../lib/runner/grade.ts');
      const done: ExerciseResult['tests'] = [];
      const result = await gradeInPage(this.host.slug, code, {
        signal: controller.signal,
        onPhase: (phase) => this.showBoard((board = applyPhase(board, phase))),
        onConsole: (entry) => this.console.add(entry),
        onEvent: (event) => {
          board = applyTestEvent(board, event);
          this.showBoard(board);
          // Each finished test shows at once; the verdict follows with the type-check.
          if (event.type === 'test-end') {
            done.push(event.result);
            this.showPartial(done);
          }
        },
      });
      this.q('[data-phases]').hidden = true;
      this.console.finish();
      if (controller.signal.aborted) {
        await saveExercise(this.host.slug, { running: false });
        this.host.setProgress({ ...this.host.progress(), running: false });
        this.host.status('Stopped. Your code is kept.');
        return;
      }
      const runs = this.host.progress().runs + 1;
      this.host.setProgress({ ...this.host.progress(), running: false, runs, status: result.status, results: result });
      await saveExercise(this.host.slug, { running: false, runs, status: result.status, results: result });
      this.host.showResult(result);
      this.host.afterRun();
      this.revealVerdict(result.status === 'pass');
    } catch (error) {
      this.q('[data-phases]').hidden = true;
      await saveExercise(this.host.slug, { running: false });
      this.host.status(`The run could not start: ${String(error)}`, 'error');
    } finally {
      this.controller = undefined;
      button.textContent = 'Run tests';
      // The editor opens after the verdict, so a failing test can be fixed at once; not
      // during the run, where Monaco's megabytes would compete with the first compile.
      this.host.openEditor();
    }
  }
}
