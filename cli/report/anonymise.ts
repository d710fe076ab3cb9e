/**
 * `--anonymous`: students' names replaced by "student-01", "student-02", ... (in the order
 * of their names, so the same class gives the same numbers), in the results and the
 * progress files alike, before anything is analysed or written.
 */
import type { LoadedClass } from './load.ts';

export function anonymise<T extends Pick<LoadedClass, 'results' | 'answers'>>(loaded: T): T & { aliases: Map<string, string> } {
  const names = [...new Set([...loaded.results.map((r) => r.student ?? ''), ...loaded.answers.map((a) => a.student)])].filter(Boolean).sort();
  const width = Math.max(2, String(names.length).length);
  const aliases = new Map(names.map((name, i) => [name, `student-${String(i + 1).padStart(width, '0')}`]));
  const hide = (text: string, name: string | undefined) => (name ? text.split(name).join(aliases.get(name)!) : text);
  return {
    ...loaded,
    aliases,
    results: loaded.results.map((r) => {
      if (!r.student) return r;
      const { output: _output, ...rest } = r; // printed output may carry anything, the name included
      return {
        ...rest,
        student: aliases.get(r.student)!,
        tests: r.tests.map((t) => (t.message ? { ...t, message: hide(t.message, r.student) } : t)),
        problems: r.problems.map((p) => ({ ...p, message: hide(p.message, r.student), ...(p.file ? { file: hide(p.file, r.student) } : {}) })),
      };
    }),
    answers: loaded.answers.map((a) => ({ ...a, student: aliases.get(a.student) ?? a.student, file: '' })),
  };
}
