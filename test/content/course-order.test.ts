/**
 * Course order in one place (content/course.json), checked where it is restated: each
 * exercise's meta.json `lesson` and `order`, and the lesson's `<Exercise slug>` embeds.
 * The course as it is agrees; each kind of disagreement is found and names its file.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { courseOrderFindings, exerciseEmbeds, type CourseOrderInput, type ExercisePlace, type LessonText } from '../../content/course-order.ts';
import { readLessonFiles } from '../../content/lesson-files.ts';
import { courseOutlineSchema, type CourseOutline } from '../../content/schemas/course.ts';
import { exerciseMetaSchema } from '../../content/schemas/exercise.ts';
import { loadCatalog } from '../../cli/catalog.ts';
import { staticFindings } from '../../cli/check/static-checks.ts';
import { tempDir } from '../temp-dir.ts';

const REPO = path.resolve(import.meta.dirname, '../..');

describe('the course as it is', () => {
  it('agrees: every lesson of the outline has its file, every exercise sits in the lesson it names, in its order', () => {
    const outline = courseOutlineSchema.parse(JSON.parse(readFileSync(path.join(REPO, 'content/course.json'), 'utf8')));
    const exercises = readdirSync(path.join(REPO, 'exercises')).map((slug): ExercisePlace => {
      const metaFile = `exercises/${slug}/meta.json`;
      const meta = exerciseMetaSchema.parse(JSON.parse(readFileSync(path.join(REPO, metaFile), 'utf8')));
      return { slug, metaFile, lesson: meta.lesson, order: meta.order };
    });
    const lessons = readLessonFiles(REPO);
    expect(lessons?.length, 'lesson files read').toBeGreaterThan(20);
    expect(exercises.length, 'exercises read').toBeGreaterThan(20);
    expect(courseOrderFindings({ outline, lessons, exercises })).toEqual([]);
  });
});

const outline: CourseOutline = {
  title: 'Fixture',
  modules: [
    { slug: 'basics', title: 'Basics', lessons: [{ slug: 'ticks', title: 'Ticks' }, { slug: 'quotes', title: 'Quotes' }] },
  ],
};
const lesson = (id: string, body: string): LessonText => ({ id, file: `content/lessons/${id}.mdx`, source: `---\ntitle: x\n---\n\n${body}\n` });
const exercise = (slug: string, lessonId: string, order: number): ExercisePlace => ({ slug, metaFile: `exercises/${slug}/meta.json`, lesson: lessonId, order });
/** A sound course: ticks embeds sum-ticks then count-ticks, quotes embeds mid-price. */
function sound(): CourseOrderInput {
  return {
    outline,
    lessons: [
      lesson('basics/ticks', '## Sum\n\n<Exercise slug="sum-ticks" />\n\n## Count\n\n<Exercise slug="count-ticks" />'),
      lesson('basics/quotes', '<Exercise slug="mid-price" />'),
    ],
    exercises: [exercise('sum-ticks', 'basics/ticks', 1), exercise('count-ticks', 'basics/ticks', 2), exercise('mid-price', 'basics/quotes', 1)],
  };
}
const files = (input: CourseOrderInput) => courseOrderFindings(input).map((f) => `${f.file}${f.field ? `#${f.field}` : ''}: ${f.message}`);

describe('courseOrderFindings', () => {
  it('finds nothing in a sound course', () => {
    expect(courseOrderFindings(sound())).toEqual([]);
  });

  it("names the meta.json of an exercise its lesson does not embed", () => {
    const input = sound();
    input.lessons = [lesson('basics/ticks', '<Exercise slug="sum-ticks" />'), input.lessons![1]!];
    expect(files(input)).toEqual([
      'exercises/count-ticks/meta.json#lesson: names lesson "basics/ticks", but content/lessons/basics/ticks.mdx does not embed it: add <Exercise slug="count-ticks" /> there, or name the lesson that does',
    ]);
  });

  it('names the lesson, at its line, that embeds an exercise whose meta.json names another lesson', () => {
    const input = sound();
    input.lessons = [input.lessons![0]!, lesson('basics/quotes', '<Exercise slug="mid-price" />\n\n<Exercise slug="sum-ticks" />')];
    expect(courseOrderFindings(input)).toEqual([
      {
        file: 'content/lessons/basics/quotes.mdx:7',
        exercise: 'sum-ticks',
        message: 'embeds exercise "sum-ticks", whose exercises/sum-ticks/meta.json names lesson "basics/ticks": move the <Exercise> there, or make its "lesson" "basics/quotes"',
      },
    ]);
  });

  it("names the meta.json whose order disagrees with the order of the lesson's embeds", () => {
    const input = sound();
    input.exercises = [exercise('sum-ticks', 'basics/ticks', 2), exercise('count-ticks', 'basics/ticks', 1), exercise('mid-price', 'basics/quotes', 1)];
    expect(files(input)).toEqual([
      'exercises/sum-ticks/meta.json#order: order 2 makes it the 2nd exercise of lesson "basics/ticks", but content/lessons/basics/ticks.mdx embeds it 1st (of 2): number the lesson\'s exercises in the order it embeds them',
      'exercises/count-ticks/meta.json#order: order 1 makes it the 1st exercise of lesson "basics/ticks", but content/lessons/basics/ticks.mdx embeds it 2nd (of 2): number the lesson\'s exercises in the order it embeds them',
    ]);
    // Orders need not be consecutive, only in the embeds' order.
    input.exercises = [exercise('sum-ticks', 'basics/ticks', 10), exercise('count-ticks', 'basics/ticks', 20), exercise('mid-price', 'basics/quotes', 3)];
    expect(courseOrderFindings(input)).toEqual([]);
  });

  it('names course.json for a listed lesson without its file, and the file of a lesson the outline misses', () => {
    const input = sound();
    input.lessons = [input.lessons![0]!, lesson('basics/spreads', 'Spreads.')];
    input.exercises = input.exercises.filter((e) => e.lesson === 'basics/ticks');
    expect(files(input)).toEqual([
      'content/course.json#modules.basics.lessons.quotes: lists lesson "basics/quotes", but content/lessons/basics/quotes.mdx does not exist: write it, or take the lesson out of the outline',
      'content/lessons/basics/spreads.mdx: "basics/spreads" is not a lesson in content/course.json: add it to its module there, or rename the file',
    ]);
  });

  it('an exercise of a lesson without its file is the outline\'s finding only, not a second one', () => {
    const input = sound();
    input.lessons = [input.lessons![0]!];
    expect(files(input)).toEqual([expect.stringMatching(/^content\/course.json#modules.basics.lessons.quotes: lists lesson "basics\/quotes"/)]);
  });

  it('names an embed of no exercise, one without a plain slug, and an exercise embedded twice', () => {
    const input = sound();
    input.lessons = [
      lesson('basics/ticks', '<Exercise slug="sum-ticks" />\n<Exercise slug="count-ticks" />\n<Exercise slug="sum-ticks" />\n<Exercise slug={name} />\n<Exercise slug="nope" />\n<Exercise slug="broken" />'),
      input.lessons![1]!,
    ];
    input.folders = new Set(['sum-ticks', 'count-ticks', 'mid-price', 'broken']);
    expect(files(input)).toEqual([
      'content/lessons/basics/ticks.mdx:7: embeds exercise "sum-ticks" a second time: an exercise has one place in its lesson',
      'content/lessons/basics/ticks.mdx:8: <Exercise> without a plain slug="..." string: write the slug out, so that the course order can be checked',
      'content/lessons/basics/ticks.mdx:9: <Exercise slug="nope" />: there is no exercise "nope" in exercises/',
    ]);
  });

  it('a course with no lesson files at all (exercises only) is checked for its outline alone', () => {
    const input = sound();
    input.lessons = undefined;
    expect(courseOrderFindings(input)).toEqual([]);
    input.outline = { ...outline, modules: [outline.modules[0]!, outline.modules[0]!] };
    expect(files(input)).toEqual(['content/course.json#modules.basics: duplicate module slug']);
  });
});

describe('exerciseEmbeds', () => {
  it('reads the embeds MDX renders, in order, with their lines, spanning lines and any quoting', () => {
    const source = [
      '<Exercise slug="a" />', // 1
      "<Exercise slug='b'/>", // 2
      '<Exercise', // 3
      '  slug={"c"}', // 4
      '/>', // 5
      '<ExerciseList />', // 6: another component
    ].join('\n');
    expect(exerciseEmbeds(source)).toEqual([
      { slug: 'a', line: 1 },
      { slug: 'b', line: 2 },
      { slug: 'c', line: 3 },
    ]);
  });

  it('skips what is not rendered as a component: code fences, inline code and comments', () => {
    const source = [
      '```mdx',
      '<Exercise slug="in-a-fence" />',
      '```',
      'Write `<Exercise slug="in-code" />` in a lesson.',
      '{/* <Exercise slug="in-a-comment" /> */}',
      '<!-- <Exercise slug="in-html-comment" /> -->',
      '<Exercise slug="real" />',
    ].join('\n');
    expect(exerciseEmbeds(source)).toEqual([{ slug: 'real', line: 7 }]);
  });
});

describe("ticklab check's static checks", () => {
  it('run the course-order check once the course has lesson files (the fixture course has none, and passes)', () => {
    const root = tempDir('ticklab-course-order-');
    cpSync(path.join(REPO, 'test/fixtures/course'), root, { recursive: true });
    expect(staticFindings(loadCatalog(root)), 'the fixture course, exercises only').toEqual([]);
    mkdirSync(path.join(root, 'content/lessons/basics'), { recursive: true });
    writeFileSync(path.join(root, 'content/lessons/basics/ticks.mdx'), '---\ntitle: Ticks\n---\n\n<Exercise slug="sum-ticks" />\n<Exercise slug="mid-price" />\n');
    expect(staticFindings(loadCatalog(root)).map((f) => `${f.file}${f.field ? `#${f.field}` : ''}`)).toEqual([
      'content/course.json#modules.basics.lessons.quotes',
      'content/lessons/basics/ticks.mdx:6',
    ]);
  });
});
