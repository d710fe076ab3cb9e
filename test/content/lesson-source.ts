/**
 * Reading lessons' MDX sources without building the site, for the content tests: the
 * `<Term id>`s a lesson uses and the section anchors its headings get (the same slugs
 * Astro gives them: github-slugger over the heading's text).
 */
import GithubSlugger from 'github-slugger';
import { readLessonFiles } from '../../content/lesson-files.ts';
import { withoutFences } from '../../content/mdx-fences.ts';

export interface LessonSource {
  /** "<module>/<lesson>" */
  id: string;
  file: string;
  source: string;
}

/** Every content/lessons/<module>/<lesson>.mdx under `root` (none when it has no content/lessons/), sorted by id. */
export function readLessons(root: string): LessonSource[] {
  return readLessonFiles(root) ?? [];
}

/** Every `<Term id="...">` in a lesson, with its line; `id: undefined` when the id is not a plain string. */
export function termUses(source: string): { id: string | undefined; line: number }[] {
  const uses: { id: string | undefined; line: number }[] = [];
  withoutFences(source)
    .split('\n')
    .forEach((text, i) => {
      for (const m of text.matchAll(/<Term\b([^>]*)>/g)) {
        const id = /\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["']([^"']*)["']\s*\})/.exec(m[1]!);
        uses.push({ id: id ? (id[1] ?? id[2] ?? id[3]) : undefined, line: i + 1 });
      }
    });
  return uses;
}

/** The anchors of a lesson's `##` to `######` headings, as the site renders them. */
export function headingAnchors(source: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
  for (const line of withoutFences(body).split('\n')) {
    const h = /^#{2,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!h) continue;
    // The heading's text as rendered: inline code keeps its text, links their label, emphasis goes.
    const text = h[1]!
      .replace(/`([^`]*)`/g, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|__|\*|_)(.*?)\1/g, '$2')
      .replace(/<[^>]+>/g, '');
    anchors.add(slugger.slug(text));
  }
  return anchors;
}
