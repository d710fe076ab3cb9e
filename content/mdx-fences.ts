/**
 * An MDX source without its fenced code blocks (whose text is code, not MDX), each fenced
 * line blanked so that line numbers still count. Shared by the checks that read lessons
 * without building the site (content/course-order.ts) and the content tests.
 */
export function withoutFences(source: string): string {
  let fenced = false;
  return source
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        fenced = !fenced;
        return '';
      }
      return fenced ? '' : line;
    })
    .join('\n');
}
