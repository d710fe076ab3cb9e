/**
 * The student's editor choices, remembered in localStorage (they are about this device,
 * not about progress): which editor (Monaco or the plain text area) and whether Tab moves
 * focus out of it. A storage that refuses (a private window) means "not remembered".
 */

export type EditorKind = 'monaco' | 'plain';

const EDITOR_PREF = 'ticklab-editor';
const TAB_FOCUS_PREF = 'ticklab-tab-focus';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // not remembered: fine
  }
}

/** The editor chosen, else the device's default: the plain one on a phone or a touch screen. */
export function preferredEditor(): EditorKind {
  const chosen = read(EDITOR_PREF);
  if (chosen === 'plain' || chosen === 'monaco') return chosen;
  return matchMedia('(max-width: 40rem), (pointer: coarse)').matches ? 'plain' : 'monaco';
}

export function rememberEditor(kind: EditorKind): void {
  write(EDITOR_PREF, kind);
}

/** Whether Tab moves focus out of the editor (off unless the student turned it on). */
export function tabMovesFocus(): boolean {
  return read(TAB_FOCUS_PREF) === 'on';
}

export function rememberTabMovesFocus(on: boolean): void {
  write(TAB_FOCUS_PREF, on ? 'on' : 'off');
}
