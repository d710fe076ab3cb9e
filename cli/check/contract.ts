/**
 * The details of an exercise's contract that its tests pin in text: the error classes they
 * expect thrown, and the regexes and literal strings they match messages against. A test
 * that demands a detail the exercise text does not state rejects a right answer, so
 * `ticklab check` prints these beside the exercise text, and warns when the text (the
 * starting file's header comment, or the lesson) says nothing of what they pin.
 */
import { createRequire } from 'node:module';
import type * as TS from 'typescript';
import { EXERCISE_FILES } from '../../grading/exercise-format.ts';

const ts: typeof TS = createRequire(import.meta.url)('typescript');

/** One assertion of a test file on an error or a message. */
export interface TextAssertion {
  /** 1-based line in the test file. */
  line: number;
  /** The matcher: toThrow, toMatch, toContain, ... */
  matcher: string;
  /** What it pins: an error class, a regex, a literal string, or an expression built at run time. */
  kind: 'class' | 'regex' | 'text' | 'expression';
  /** The argument as written. */
  source: string;
  /** The assertion's own label (expect's second argument), when it is a literal. */
  label?: string;
  /** What the text is: an error or its message, or a value the code returns (a regex on a checksum's format). */
  on: 'error' | 'value';
}

const THROWS = new Set(['toThrow', 'toThrowError']);
const TEXT_MATCHERS = new Set(['toMatch', 'toContain', 'toBe', 'toEqual', 'toStrictEqual']);

function kindOf(arg: TS.Expression): TextAssertion['kind'] {
  if (ts.isRegularExpressionLiteral(arg)) return 'regex';
  if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return 'text';
  if (ts.isIdentifier(arg) && /Error$/.test(arg.text)) return 'class';
  return 'expression';
}

/** The `expect(subject, label?)` call a matcher chain starts from (through .not, .rejects, ...). */
function expectCall(node: TS.Expression): TS.CallExpression | undefined {
  let e: TS.Expression = node;
  while (ts.isPropertyAccessExpression(e)) e = e.expression;
  return ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'expect' ? e : undefined;
}

/** Whether the subject is a message: `x.message`, a variable named message, or `String(error)`. */
function isMessage(subject: TS.Expression | undefined): boolean {
  if (!subject) return false;
  if (ts.isPropertyAccessExpression(subject)) return subject.name.text === 'message';
  if (ts.isIdentifier(subject)) return /message/i.test(subject.text);
  return false;
}

/** Every assertion in a test file's source on a thrown error or a message's text. */
export function textAssertions(source: string, fileName: string = EXERCISE_FILES.test): TextAssertion[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: TextAssertion[] = [];
  const visit = (node: TS.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.arguments.length === 1) {
      const matcher = node.expression.name.text;
      const start = expectCall(node.expression.expression);
      const arg = node.arguments[0]!;
      const onError = THROWS.has(matcher) || (TEXT_MATCHERS.has(matcher) && isMessage(start?.arguments[0]));
      const pins = onError || (TEXT_MATCHERS.has(matcher) && kindOf(arg) === 'regex');
      if (start && pins) {
        const label = start.arguments[1];
        found.push({
          line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1,
          matcher,
          kind: kindOf(arg),
          source: arg.getText(file),
          on: onError ? 'error' : 'value',
          ...(label && (ts.isStringLiteral(label) || ts.isNoSubstitutionTemplateLiteral(label)) ? { label: label.text } : {}),
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The text of a file's leading block comment, without its comment markers. */
export function headerText(source: string): string {
  const body = /^\s*\/\*\*?([\s\S]*?)\*\//.exec(source)?.[1] ?? '';
  return body.replace(/^\s*\* ?/gm, '').replace(/\s+/g, ' ').trim();
}

/** The sentences of a text that speak of errors: what a student reads about them. */
export function errorSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z`])/).filter((s) => /error|throw|message/i.test(s));
}

/**
 * What an assertion pins that the exercise text does not state, or undefined: an error
 * class the text never names, or a message's content when the text never says what a
 * message holds ("names", "message", "says"...).
 */
export function unstated(a: TextAssertion, text: string): string | undefined {
  // A value's format is the exercise's output, stated where its API is; only what errors say is checked here.
  if (a.on === 'value') return undefined;
  if (a.kind === 'class') return text.includes(a.source) ? undefined : `the error class ${a.source}, which the exercise text never names`;
  if (a.kind === 'expression' && THROWS.has(a.matcher) && /^[A-Z]\w*Error$/.test(a.source)) return undefined;
  const saysWhatMessagesHold = /\b(names?|naming|message|says|saying|mentions?|with the text|reads?)\b/i.test(errorSentences(text).join(' '));
  return saysWhatMessagesHold ? undefined : `a message matching ${a.source}, but the exercise text never says what an error's message holds`;
}
