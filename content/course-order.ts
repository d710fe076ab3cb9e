/**
 * Course order stated once, and checked where it is restated. content/course.json is the
 * outline and the source: its lessons, in teaching order, each with its MDX file. Two
 * other places repeat part of it: an exercise's meta.json names its lesson and its
 * `order` within the lesson, and the lesson places it with `<Exercise slug>`. This finds
 * every place where they disagree, naming the file to change. Pure: the caller reads the
 * files (content/lesson-files.ts for the lessons).
 */
import { lessonIds, type CourseOutline } from './schemas/course.ts';
import { withoutFences } from './mdx-fences.ts';

/** An exercise's place as its meta.json states it. */
export interface ExercisePlace {
  slug: string;
  /** Its meta.json, relative to the course root. */
  metaFile: string;
  lesson: string;
  order: number;
}

/** A lesson's MDX file as written. */
export interface LessonText {
  /** "<module>/<lesson>", from its path. */
  id: string;
  /** Relative to the course root: content/lessons/<module>/<lesson>.mdx. */
  file: string;
  source: string;
}

/** One `<Exercise>` in a lesson: its slug (undefined when not a plain string) and its line. */
export interface ExerciseEmbed {
  slug: string | undefined;
  line: number;
}

/** A disagreement, named by file (and field or line) as `ticklab check` prints it. */
export interface CourseOrderFinding {
  file: string;
  field?: string;
  message: string;
  /** The exercise it concerns, when it concerns one. */
  exercise?: string;
}

/** What the check reads. */
export interface CourseOrderInput {
  outline: CourseOutline;
  /**
   * Every lesson MDX file of the course; undefined for a course with no content/lessons/
   * folder at all (exercises only, no pages), where only the outline itself is checked.
   */
  lessons: readonly LessonText[] | undefined;
  /** Every exercise whose meta.json is valid. */
  exercises: readonly ExercisePlace[];
  /** Every exercise folder, valid or not: an embed of a broken one is the metadata's finding, not this check's. */
  folders?: ReadonlySet<string>;
}

/**
 * Blanks what MDX does not render as components (fenced code, inline code, `{/* *\/}` and
 * HTML comments), keeping every newline so that line numbers still count.
 */
function renderedPart(source: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  return withoutFences(source)
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, blank)
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/`[^`\n]*`/g, blank);
}

/** Every `<Exercise ...>` a lesson renders, in order, with its line (an embed may span lines). */
export function exerciseEmbeds(source: string): ExerciseEmbed[] {
  const text = renderedPart(source);
  const embeds: ExerciseEmbed[] = [];
  for (const m of text.matchAll(/<Exercise(?=[\s/>])([^>]*)>/g)) {
    const slug = /\bslug\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["']([^"']*)["']\s*\})/.exec(m[1]!);
    embeds.push({ slug: slug ? (slug[1] ?? slug[2] ?? slug[3]) : undefined, line: text.slice(0, m.index).split('\n').length });
  }
  return embeds;
}

const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;

/** Every disagreement between the outline, the lessons' MDX files and the exercises' meta.json. */
export function courseOrderFindings(input: CourseOrderInput): CourseOrderFinding[] {
  const findings = outlineFindings(input.outline);
  if (input.lessons) findings.push(...placeFindings(input.outline, input.lessons, input));
  return findings;
}

/** The outline on its own: each module and each lesson of a module once. */
function outlineFindings(outline: CourseOutline): CourseOrderFinding[] {
  const findings: CourseOrderFinding[] = [];
  const modules = new Set<string>();
  for (const m of outline.modules) {
    if (modules.has(m.slug)) findings.push({ file: 'content/course.json', field: `modules.${m.slug}`, message: 'duplicate module slug' });
    modules.add(m.slug);
    const lessons = new Set<string>();
    for (const l of m.lessons) {
      if (lessons.has(l.slug)) findings.push({ file: 'content/course.json', field: `modules.${m.slug}.lessons.${l.slug}`, message: 'duplicate lesson slug' });
      lessons.add(l.slug);
    }
  }
  return findings;
}

/** The outline against the lesson files, and the exercises' meta.json against the lessons' embeds. */
function placeFindings(outline: CourseOutline, lessons: readonly LessonText[], input: CourseOrderInput): CourseOrderFinding[] {
  const findings: CourseOrderFinding[] = [];
  const inOutline = new Set(lessonIds(outline));
  const lessonById = new Map(lessons.map((l) => [l.id, l]));
  const bySlug = new Map(input.exercises.map((e) => [e.slug, e]));

  // The outline and the lesson files: one lesson, one file.
  for (const m of outline.modules) {
    for (const l of m.lessons) {
      const id = `${m.slug}/${l.slug}`;
      if (!lessonById.has(id)) {
        findings.push({ file: 'content/course.json', field: `modules.${m.slug}.lessons.${l.slug}`, message: `lists lesson "${id}", but content/lessons/${id}.mdx does not exist: write it, or take the lesson out of the outline` });
      }
    }
  }
  for (const l of lessons) {
    if (!inOutline.has(l.id)) findings.push({ file: l.file, message: `"${l.id}" is not a lesson in content/course.json: add it to its module there, or rename the file` });
  }

  // What each lesson embeds: exercises that name it, each once.
  const embedded = new Map<string, string[]>(); // lesson id -> its own exercises' slugs, in embed order
  for (const l of lessons) {
    const own: string[] = [];
    for (const embed of exerciseEmbeds(l.source)) {
      const at = `${l.file}:${embed.line}`;
      if (embed.slug === undefined) {
        findings.push({ file: at, message: '<Exercise> without a plain slug="..." string: write the slug out, so that the course order can be checked' });
        continue;
      }
      const exercise = bySlug.get(embed.slug);
      if (!exercise) {
        if (!input.folders?.has(embed.slug)) findings.push({ file: at, message: `<Exercise slug="${embed.slug}" />: there is no exercise "${embed.slug}" in exercises/` });
        continue;
      }
      if (exercise.lesson !== l.id) {
        findings.push({
          file: at,
          exercise: exercise.slug,
          message: `embeds exercise "${exercise.slug}", whose ${exercise.metaFile} names lesson "${exercise.lesson}": move the <Exercise> there, or make its "lesson" "${l.id}"`,
        });
      } else if (own.includes(exercise.slug)) {
        findings.push({ file: at, exercise: exercise.slug, message: `embeds exercise "${exercise.slug}" a second time: an exercise has one place in its lesson` });
      } else {
        own.push(exercise.slug);
      }
    }
    embedded.set(l.id, own);
  }

  // Each exercise: embedded by the lesson it names, at the place its order says.
  const byLesson = new Map<string, ExercisePlace[]>();
  for (const e of input.exercises) byLesson.set(e.lesson, [...(byLesson.get(e.lesson) ?? []), e]);
  for (const [lessonId, exercises] of byLesson) {
    const lesson = lessonById.get(lessonId);
    // An unknown lesson is the metadata's finding, a lesson without its file the outline's.
    if (!lesson || !inOutline.has(lessonId)) continue;
    const own = embedded.get(lessonId) ?? [];
    for (const e of exercises) {
      if (!own.includes(e.slug)) {
        findings.push({ file: e.metaFile, field: 'lesson', exercise: e.slug, message: `names lesson "${lessonId}", but ${lesson.file} does not embed it: add <Exercise slug="${e.slug}" /> there, or name the lesson that does` });
      }
    }
    const byOrder = exercises.filter((e) => own.includes(e.slug)).sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
    own.forEach((slug, i) => {
      const e = bySlug.get(slug)!;
      const rank = byOrder.indexOf(e);
      if (rank !== i) {
        findings.push({
          file: e.metaFile,
          field: 'order',
          exercise: e.slug,
          message: `order ${e.order} makes it the ${ordinal(rank + 1)} exercise of lesson "${lessonId}", but ${lesson.file} embeds it ${ordinal(i + 1)} (of ${own.length}): number the lesson's exercises in the order it embeds them`,
        });
      }
    });
  }
  return findings;
}
