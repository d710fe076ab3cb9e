/**
 * The plain editor: a labelled <textarea>, for phones and screen readers, or for anyone
 * who picks it. Tab indents by two spaces (code needs it) unless "Tab moves focus" is on;
 * Escape then Tab leaves the field, as the hint under it says. Ctrl/Cmd+Enter runs.
 * Problems are listed under the field with their lines, and "go to line" selects the line.
 */
import { LEAVE_HINT, LEAVE_HINT_TAB_FOCUS, type CodeEditor, type EditorOptions, type EditorProblem } from './types.ts';

let counter = 0;

export function createPlainEditor(options: EditorOptions): CodeEditor {
  const { container } = options;
  const id = `plain-editor-${++counter}`;
  container.replaceChildren();
  const label = document.createElement('label');
  label.htmlFor = id;
  label.className = 'visually-hidden';
  label.textContent = options.label;
  const help = document.createElement('p');
  help.id = `${id}-help`;
  help.className = 'editor-help';
  let tabMovesFocus = options.tabMovesFocus;
  const showHelp = () => (help.textContent = tabMovesFocus ? LEAVE_HINT_TAB_FOCUS : LEAVE_HINT);
  showHelp();
  const area = document.createElement('textarea');
  area.id = id;
  area.className = 'plain-editor';
  area.value = options.value;
  area.spellcheck = false;
  area.setAttribute('autocapitalize', 'off');
  area.setAttribute('autocomplete', 'off');
  area.setAttribute('aria-describedby', help.id);
  area.rows = Math.min(40, Math.max(12, options.value.split('\n').length + 2));
  const problems = document.createElement('ul');
  problems.className = 'editor-problems';
  problems.hidden = true;
  container.append(label, area, help, problems);

  let escaped = false;
  area.addEventListener('input', () => options.onChange(area.value));
  area.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      options.onRun();
      return;
    }
    if (e.key === 'Escape') {
      escaped = true;
      return;
    }
    if (e.key === 'Tab' && !escaped && !tabMovesFocus && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      const { selectionStart: start, selectionEnd: end, value } = area;
      if (e.shiftKey) {
        const lineStart = value.lastIndexOf('\n', start - 1) + 1;
        if (value.startsWith('  ', lineStart)) {
          area.setRangeText('', lineStart, lineStart + 2, 'preserve');
          area.setSelectionRange(Math.max(lineStart, start - 2), Math.max(lineStart, end - 2));
        }
      } else {
        area.setRangeText('  ', start, end, 'end');
      }
      options.onChange(area.value);
      return;
    }
    escaped = false;
  });

  let solution: HTMLElement | undefined;

  function revealLine(line: number, column = 1): void {
    const lines = area.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    const end = start + (lines[line - 1]?.length ?? 0);
    area.focus();
    area.setSelectionRange(Math.min(start + column - 1, end), end);
    // Scroll the line into view: the text area has a fixed line height.
    const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 20;
    area.scrollTop = Math.max(0, (line - 3) * lineHeight);
  }

  return {
    kind: 'plain',
    getValue: () => area.value,
    setValue(code) {
      area.value = code;
    },
    focus: () => area.focus(),
    revealLine,
    setTabMovesFocus(on) {
      tabMovesFocus = on;
      showHelp();
    },
    setProblems(list: readonly EditorProblem[]) {
      problems.replaceChildren(
        ...list.map((p) => {
          const li = document.createElement('li');
          const go = document.createElement('button');
          go.type = 'button';
          go.className = 'link';
          go.textContent = `line ${p.line}${p.column ? `:${p.column}` : ''}`;
          go.setAttribute('aria-label', `Go to line ${p.line}`);
          go.addEventListener('click', () => revealLine(p.line, p.column));
          li.append(go, `: ${p.message}`);
          return li;
        }),
      );
      problems.hidden = list.length === 0;
      area.setAttribute('aria-invalid', String(list.length > 0));
    },
    showSolution(code, where) {
      solution?.remove();
      solution = undefined;
      if (code === undefined) return;
      solution = document.createElement('div');
      solution.className = 'solution-plain';
      const mine = document.createElement('figure');
      const theirs = document.createElement('figure');
      for (const [figure, title, text] of [
        [mine, 'Your code', area.value],
        [theirs, 'Reference solution', code],
      ] as const) {
        const caption = document.createElement('figcaption');
        caption.textContent = title;
        const pre = document.createElement('pre');
        pre.tabIndex = 0;
        pre.textContent = text;
        figure.append(caption, pre);
      }
      solution.append(mine, theirs);
      where.replaceChildren(solution);
    },
    dispose() {
      solution?.remove();
      container.replaceChildren();
    },
  };
}
