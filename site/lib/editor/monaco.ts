/**
 * Monaco, loaded only when a student starts editing or presses Run (it and its
 * TypeScript worker are megabytes; a lesson's first paint ships none of it). Bundled by
 * esbuild at build time with the runner (`/runner/editor/monaco.js`), not by Vite: the
 * page imports it by URL. Set up with
 * the CLI's compiler options and the declarations the build generated (the engine's,
 * from engine/; vitest's and fast-check's), so IntelliSense and type errors are those of
 * `ticklab grade`. The reference solution opens in Monaco's diff editor, beside the
 * student's code, read-only: nothing is overwritten.
 */
import * as monaco from 'monaco-editor';
import { loadManifest, runnerBase } from '../runner/grade.ts';
import type { TypesBundle } from '../runner/protocol.ts';
import { focusOutside } from './focus-out.ts';
import { LEAVE_HINT, LEAVE_HINT_TAB_FOCUS, onThemeChange, pageTheme, type CodeEditor, type EditorOptions, type EditorProblem } from './types.ts';

// Built with the runner (site/build/runner-files.ts) into /runner/editor/: this module,
// its stylesheet and its two workers sit side by side.
(self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    const script = label === 'typescript' || label === 'javascript' ? 'ts.worker.js' : 'editor.worker.js';
    return new Worker(new URL(script, import.meta.url), { type: 'module', name: `monaco ${label}` });
  },
};
if (!document.querySelector('link[data-monaco-css]')) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('monaco.css', import.meta.url).href;
  link.dataset.monacoCss = '';
  document.head.append(link);
}

const ts = monaco.typescript;
const themeName = () => (pageTheme() === 'dark' ? 'vs-dark' : 'vs');
onThemeChange(() => monaco.editor.setTheme(themeName()));

/** TypeScript's `ModuleResolutionKind.Bundler` (Monaco's enum lists only the two older kinds). */
const BUNDLER = 100;
/** TypeScript's `ScriptTarget.ES2022`, the CLI's target (Monaco's enum stops at ES2020). */
const ES2022 = 9;

let configured: Promise<void> | undefined;

/** Compiler options and declarations, once per page. */
function configure(): Promise<void> {
  configured ??= (async () => {
    const manifest = await loadManifest();
    const paths: Record<string, string[]> = {};
    for (const [name, file] of Object.entries(manifest.engine)) paths[`#engine/${name}`] = [file.replace(/^\//, '')];
    const o = manifest.compilerOptions as { strict?: boolean; noUncheckedIndexedAccess?: boolean; noImplicitOverride?: boolean };
    ts.typescriptDefaults.setCompilerOptions({
      target: ES2022 as unknown as monaco.typescript.ScriptTarget,
      module: ts.ModuleKind.ESNext,
      moduleResolution: BUNDLER as unknown as monaco.typescript.ModuleResolutionKind,
      lib: ['es2023', 'dom', 'dom.iterable', 'esnext.disposable'],
      strict: o.strict ?? true,
      noUncheckedIndexedAccess: o.noUncheckedIndexedAccess ?? true,
      noImplicitOverride: o.noImplicitOverride ?? true,
      allowImportingTsExtensions: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      noEmit: true,
      skipLibCheck: true,
      allowNonTsExtensions: true,
      baseUrl: 'file:///',
      paths,
      types: [],
    });
    ts.typescriptDefaults.setEagerModelSync(true);
    const types = (await (await fetch(`${runnerBase()}types.json`)).json()) as TypesBundle;
    // The engine's declarations and the libraries' (not TypeScript's own libs, which
    // Monaco has, nor Node's, which an exercise's file does not use).
    const libs = Object.entries(types.files)
      .filter(([path]) => !path.startsWith('/node_modules/typescript/') && !path.startsWith('/node_modules/@types/node/'))
      .map(([path, content]) => ({ filePath: `file://${path}`, content }));
    ts.typescriptDefaults.setExtraLibs(libs);
  })();
  return configured;
}

let models = 0;

export async function createMonacoEditor(options: EditorOptions): Promise<CodeEditor> {
  await configure();
  const { container } = options;
  container.replaceChildren();
  const host = document.createElement('div');
  host.className = 'monaco-host';
  // The same sentence as under the plain editor: how to leave by keyboard (it works here too).
  const help = document.createElement('p');
  help.className = 'editor-help';
  help.id = `monaco-help-${models + 1}`;
  container.append(host, help);
  // Each exercise on a page gets its own folder, so two exercises' files do not clash.
  const model = monaco.editor.createModel(options.value, 'typescript', monaco.Uri.parse(`file:///exercise-${++models}/exercise.ts`));
  const editor = monaco.editor.create(host, {
    model,
    theme: themeName(),
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 14,
    tabSize: 2,
    ariaLabel: `${options.label}. Ctrl+Enter runs the tests. Escape, then Tab, leaves the editor; Ctrl+M switches Tab between indenting and moving focus.`,
    tabFocusMode: options.tabMovesFocus,
    accessibilitySupport: 'auto',
    fixedOverflowWidgets: true,
  });
  editor.onDidChangeModelContent(() => options.onChange(model.getValue()));
  const tabFocus = () => editor.getOption(monaco.editor.EditorOption.tabFocusMode);
  const showHelp = () => (help.textContent = tabFocus() ? LEAVE_HINT_TAB_FOCUS : LEAVE_HINT);
  showHelp();
  // Ctrl+M flips Monaco's own (page-wide) switch: follow it, so the toolbar and the memory agree.
  let lastTabFocus = tabFocus();
  editor.onDidChangeConfiguration((e) => {
    if (!e.hasChanged(monaco.editor.EditorOption.tabFocusMode) || tabFocus() === lastTabFocus) return;
    lastTabFocus = tabFocus();
    showHelp();
    options.onTabMovesFocusChange?.(lastTabFocus);
  });
  // Escape, then Tab: out of the editor, as in the plain one. Caught before Monaco sees the Tab.
  let escaped = false;
  host.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Escape') {
        escaped = true;
        return;
      }
      if (e.key === 'Tab' && escaped && !tabFocus() && !e.ctrlKey && !e.altKey && !e.metaKey) {
        e.preventDefault();
        e.stopPropagation();
        focusOutside(host, e.shiftKey);
      }
      if (e.key !== 'Shift') escaped = false;
    },
    true,
  );
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => options.onRun());

  // One diff editor per exercise, made on first use and kept: disposing its models while
  // Monaco's worker still computes a diff rejects with "no diff result available" (showing,
  // hiding and showing again did exactly that). Hiding takes it out of the page; showing
  // again puts it back with fresh texts.
  let diff: { editor: monaco.editor.IStandaloneDiffEditor; original: monaco.editor.ITextModel; modified: monaco.editor.ITextModel; box: HTMLElement } | undefined;
  const diffEditor = () => {
    if (diff) return diff;
    const box = document.createElement('div');
    box.className = 'monaco-diff-host';
    const original = monaco.editor.createModel('', 'typescript');
    const modified = monaco.editor.createModel('', 'typescript');
    const editorOfDiff = monaco.editor.createDiffEditor(box, {
      theme: themeName(),
      automaticLayout: true,
      readOnly: true,
      originalEditable: false,
      renderSideBySide: true,
      useInlineViewWhenSpaceIsLimited: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      ariaLabel: 'Your code (left) and the reference solution (right)',
      originalAriaLabel: 'Your code',
      modifiedAriaLabel: 'Reference solution',
      tabFocusMode: true,
    });
    editorOfDiff.setModel({ original, modified });
    diff = { editor: editorOfDiff, original, modified, box };
    return diff;
  };
  const disposeDiff = () => {
    if (!diff) return;
    const { editor: e, original, modified } = diff;
    diff = undefined;
    e.setModel(null);
    e.dispose();
    original.dispose();
    modified.dispose();
  };

  return {
    kind: 'monaco',
    getValue: () => model.getValue(),
    setValue(code) {
      // An edit (not setValue), so that Ctrl+Z takes it back.
      editor.pushUndoStop();
      editor.executeEdits('ticklab', [{ range: model.getFullModelRange(), text: code }]);
      editor.pushUndoStop();
    },
    focus: () => editor.focus(),
    setTabMovesFocus(on) {
      editor.updateOptions({ tabFocusMode: on });
      // Still on after Ctrl+M turned Monaco's page-wide switch on: flip that one back too.
      if (tabFocus() !== on) editor.trigger('ticklab', 'editor.action.toggleTabFocusMode', null);
      lastTabFocus = tabFocus();
      showHelp();
    },
    revealLine(line, column = 1) {
      editor.revealLineInCenter(line);
      editor.setPosition({ lineNumber: line, column });
      editor.focus();
    },
    setProblems(problems: readonly EditorProblem[]) {
      monaco.editor.setModelMarkers(
        model,
        'ticklab',
        problems.map((p) => {
          const text = model.getLineContent(Math.min(p.line, model.getLineCount()));
          const column = p.column ?? 1;
          return {
            severity: monaco.MarkerSeverity.Error,
            message: p.message,
            startLineNumber: p.line,
            startColumn: column,
            endLineNumber: p.line,
            endColumn: Math.max(column + 1, text.length + 1),
          };
        }),
      );
    },
    showSolution(solution, where) {
      if (solution === undefined) {
        diff?.box.remove();
        return;
      }
      const d = diffEditor();
      d.original.setValue(model.getValue());
      d.modified.setValue(solution);
      where.replaceChildren(d.box);
    },
    dispose() {
      disposeDiff();
      editor.dispose();
      model.dispose();
      container.replaceChildren();
    },
  };
}
