/**
 * Warming the runner before the first Run: when the exercise comes into view, and the
 * browser is idle, load the compiler (the type-check worker parses every declaration once)
 * and a grading worker with the harness and the exercise's engine modules. None of it
 * runs the student's code; a page never scrolled to the exercise loads none of it, nor
 * does a student who asked the browser to save data.
 */

type Idle = (callback: () => void, options?: { timeout: number }) => number;

/** Calls `warm` once, in idle time, after `root` first comes within 200 px of the viewport. */
export function warmWhenSeen(root: HTMLElement, warm: () => void): void {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  if (connection?.saveData || typeof IntersectionObserver === 'undefined') return;
  const idle: Idle = (globalThis as unknown as { requestIdleCallback?: Idle }).requestIdleCallback ?? ((cb) => setTimeout(cb, 200) as unknown as number);
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      // No deadline: only real idle time, so the page's own loading (and its first paint's
      // measurements) never share the CPU with the compiler's megabytes.
      idle(warm);
    },
    { rootMargin: '200px 0px' },
  );
  observer.observe(root);
}
