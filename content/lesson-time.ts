/**
 * Honest lesson time. A lesson's `minutes` is everything it asks of a student: its reading
 * and checks (`readingMinutes`) plus its exercises (each exercise's meta.json `minutes`).
 * Past {@link MAX_SITTING_MINUTES} in all, one sitting is too long: the lesson is split, or
 * its frontmatter says `exerciseSitting: separate` and the module page says so.
 */

/** The longest lesson, reading and exercises, that is one sitting. */
export const MAX_SITTING_MINUTES = 25;

/** The frontmatter fields about time (content/schemas/lesson.ts). */
export interface LessonTime {
  minutes: number;
  /** Absent for a lesson without exercises: then all of `minutes` is reading. */
  readingMinutes?: number;
  exerciseSitting?: 'same' | 'separate';
}

/** A lesson's time problem, by file and field. */
export interface TimeFinding {
  file: string;
  field: string;
  message: string;
}

/** What is wrong with one lesson's time, given its exercises' minutes. */
export function lessonTimeFindings(file: string, time: LessonTime, exerciseMinutes: readonly number[]): TimeFinding[] {
  const findings: TimeFinding[] = [];
  const exercises = exerciseMinutes.reduce((a, b) => a + b, 0);
  const reading = time.readingMinutes ?? time.minutes;
  const total = reading + exercises;
  if (exercises > 0 && time.readingMinutes === undefined) {
    findings.push({ file, field: 'readingMinutes', message: `missing: the lesson has exercises (${exerciseMinutes.join(' + ')} minutes), so say how long its reading takes and make minutes the sum` });
  } else if (time.minutes !== total) {
    findings.push({ file, field: 'minutes', message: `is ${time.minutes}, but reading (${reading}) and exercises (${exerciseMinutes.join(' + ') || 'none'}) make ${total}: minutes counts both` });
  }
  const sitting = time.exerciseSitting ?? 'same';
  if (total > MAX_SITTING_MINUTES && sitting !== 'separate') {
    findings.push({ file, field: 'exerciseSitting', message: `the lesson takes ${total} minutes in all, over ${MAX_SITTING_MINUTES} for one sitting: split it, or mark its exercise "exerciseSitting: separate"` });
  }
  if (sitting === 'separate' && exerciseMinutes.length === 0) {
    findings.push({ file, field: 'exerciseSitting', message: 'says "separate", but the lesson has no exercise' });
  }
  return findings;
}

/** How the module page states a lesson's time: "About 15 minutes of reading, then a 35-minute exercise in a separate sitting." */
export function timeLabel(time: LessonTime, exerciseMinutes: readonly number[]): string {
  const exercises = exerciseMinutes.reduce((a, b) => a + b, 0);
  const reading = time.readingMinutes ?? time.minutes;
  if (exercises === 0) return `About ${time.minutes} minutes.`;
  const what = exerciseMinutes.length === 1 ? `a ${exercises}-minute exercise` : `${exerciseMinutes.length} exercises (${exercises} minutes)`;
  return time.exerciseSitting === 'separate'
    ? `About ${reading} minutes of reading, then ${what} in a separate sitting.`
    : `About ${time.minutes} minutes: ${reading} of reading and ${what}.`;
}
