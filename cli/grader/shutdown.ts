/**
 * Things to close before the CLI exits (a browser the grader launched), registered by
 * whoever opened them, so that commands that never open one pay nothing for this.
 */
const tasks = new Set<() => Promise<void>>();

export function onShutdown(task: () => Promise<void>): void {
  tasks.add(task);
}

export async function shutdown(): Promise<void> {
  const pending = [...tasks];
  tasks.clear();
  await Promise.allSettled(pending.map((task) => task()));
}
