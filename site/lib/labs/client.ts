/**
 * In the page: every `<Lab>` box (site/components/Lab.astro). Nothing runs on page load.
 * Run starts a Web Worker (the engine's lab worker, engine/labs/lab-worker.ts, built by
 * the runner into `/runner/engine-workers/lab-worker.js`) that measures while the page
 * stays responsive, shows its progress, and on the result loads the plotting code (uPlot,
 * ./plot.ts) for the first time and draws the student's figures beside the reference
 * machine's. Cancel terminates the worker, which stops every worker it started.
 *
 * Quick mode (tiny sizes, for tests and a first look): a `?quick` URL parameter, or
 * `data-quick="true"` on the box.
 *
 * State for tests and styles: `data-state` on the box is `idle`, `running`, `done`,
 * `cancelled`, `error` or `unavailable` (a lab that needs shared memory on a page that is
 * not cross-origin isolated).
 */
import type { LabMessage, LabRequest } from '../../../engine/labs/protocol.ts';
import type { LabName, LabResult } from '../../../engine/labs/result.ts';
import type { LabReferenceView } from './reference.ts';

/** The lab worker's URL: the runner's folder under the site's base. */
export function labWorkerUrl(): string {
  const base: string = import.meta.env.BASE_URL ?? '/';
  return new URL(`${base.replace(/\/?$/, '/')}runner/engine-workers/lab-worker.js`, location.href).href;
}

type State = 'idle' | 'running' | 'done' | 'cancelled' | 'error' | 'unavailable';

function setUp(box: HTMLElement): void {
  const name = box.dataset.lab as LabName;
  const q = <T extends Element>(sel: string) => box.querySelector<T>(sel)!;
  const run = q<HTMLButtonElement>('[data-lab-run]');
  const cancel = q<HTMLButtonElement>('[data-lab-cancel]');
  const bar = q<HTMLProgressElement>('[data-lab-progress]');
  const status = q<HTMLElement>('[data-lab-status]');
  const output = q<HTMLElement>('[data-lab-output]');
  const reading = q<HTMLElement>('[data-lab-reading]');
  const busy = q<HTMLElement>('[data-lab-busy]');
  const charts = q<HTMLElement>('[data-lab-charts]');
  const refJson = box.querySelector<HTMLScriptElement>('script[data-lab-reference]');
  const reference: LabReferenceView | null = refJson?.textContent ? (JSON.parse(refJson.textContent) as LabReferenceView) : null;
  let worker: Worker | undefined;

  const setState = (state: State) => {
    box.dataset.state = state;
    const running = state === 'running';
    run.hidden = running;
    cancel.hidden = !running;
    bar.hidden = !running;
    run.textContent = state === 'idle' || state === 'unavailable' ? 'Run on this machine' : 'Run again';
  };
  const stop = () => {
    worker?.terminate();
    worker = undefined;
  };

  if (box.dataset.needsSharedMemory === 'true' && !globalThis.crossOriginIsolated) {
    q<HTMLElement>('[data-lab-isolation]').hidden = false;
    run.disabled = true;
    setState('unavailable');
    return;
  }
  setState('idle');

  run.addEventListener('click', () => {
    stop();
    const quick = new URLSearchParams(location.search).has('quick') || box.dataset.quick === 'true';
    setState('running');
    bar.value = 0;
    status.textContent = `Running${quick ? ' (quick mode: tiny sizes)' : ''}… the page stays usable meanwhile.`;
    const w = new Worker(labWorkerUrl(), { type: 'module', name: `lab ${name}` });
    worker = w;
    w.onmessage = (event: MessageEvent<LabMessage>) => {
      if (worker !== w) return;
      const m = event.data;
      if (m.type === 'progress') {
        bar.value = m.fraction;
        status.textContent = `${Math.round(m.fraction * 100)}%: ${m.note}`;
      } else if (m.type === 'result') {
        stop();
        void show(m.result);
      } else {
        stop();
        setState(m.cancelled ? 'cancelled' : 'error');
        status.textContent = m.cancelled ? 'Cancelled.' : `The lab failed: ${m.message}`;
      }
    };
    w.onerror = (event) => {
      event.preventDefault();
      if (worker !== w) return;
      stop();
      setState('error');
      status.textContent = `The lab's worker failed to start or crashed${event.message ? `: ${event.message}` : ''}.`;
    };
    w.postMessage({ type: 'run', name, quick } satisfies LabRequest);
  });

  cancel.addEventListener('click', () => {
    stop();
    setState('cancelled');
    status.textContent = 'Cancelled: the measuring workers were stopped.';
    run.focus();
  });

  async function show(result: LabResult): Promise<void> {
    status.textContent = 'Drawing…';
    try {
      const { renderCharts } = await import('./plot.ts');
      output.hidden = false;
      reading.textContent = `On your machine, ${result.reading}.`;
      busy.textContent = result.busy ?? '';
      busy.hidden = !result.busy;
      renderCharts(charts, result, reference?.result ?? null);
      setState('done');
      status.textContent = `Done: medians of ${result.rounds} rounds${result.quick ? ' (quick mode: too small to read anything into)' : ''}.`;
    } catch (error) {
      setState('error');
      status.textContent = `The figures could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}

/** Wires every lab box on the page (once each). */
export function initLabs(): void {
  for (const box of document.querySelectorAll<HTMLElement>('section.lab[data-lab]')) {
    if (box.dataset.ready === 'true') continue;
    setUp(box);
    box.dataset.ready = 'true';
  }
}
