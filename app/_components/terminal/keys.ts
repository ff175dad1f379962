/**
 * Cuts what xterm reports as input (`onData`) into single keys and pastes, so the terminal can
 * act on them one at a time: a key typed while a command runs waits its turn, Ctrl+C does not.
 * One `onData` event may carry several keys (fast typing, IME commits, `Terminal.input`) and a
 * bracketed paste may in principle arrive in pieces; both are handled here. Pure: no DOM.
 */
export type InputUnit =
  /** One key as the terminal sends it: a character, a control byte or an escape sequence. */
  | { kind: 'key'; data: string }
  /** The text of a bracketed paste (`ESC[200~ … ESC[201~`), line ends as `\n`. */
  | { kind: 'paste'; text: string };

export const CTRL_C = '\x03';
const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

export class InputSplitter {
  /** Text of a paste whose end marker has not arrived yet. */
  private pasting: string | undefined;

  split(data: string): InputUnit[] {
    const units: InputUnit[] = [];
    let i = 0;
    while (i < data.length) {
      if (this.pasting !== undefined) {
        const end = data.indexOf(PASTE_END, i);
        this.pasting += data.slice(i, end < 0 ? undefined : end);
        if (end < 0) break;
        units.push({ kind: 'paste', text: this.pasting.replace(/\r\n?/g, '\n') });
        this.pasting = undefined;
        i = end + PASTE_END.length;
        continue;
      }
      if (data.startsWith(PASTE_START, i)) {
        this.pasting = '';
        i += PASTE_START.length;
        continue;
      }
      const length = keyLength(data, i);
      units.push({ kind: 'key', data: data.slice(i, i + length) });
      i += length;
    }
    return units;
  }
}

/** Length of the key starting at `i`: an escape sequence whole, a surrogate pair whole. */
function keyLength(data: string, i: number): number {
  const c = data.charCodeAt(i);
  if (c === 0x1b) {
    // CSI (ESC [ params intermediates final), SS3 (ESC O x), Meta+key (ESC x), or a lone ESC.
    const m = /^\x1b(?:\[[0-9;?<=>]*[ -/]*[@-~]|O.|[^\x1b])?/.exec(data.slice(i)) as RegExpExecArray;
    return m[0].length;
  }
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < data.length) return 2;
  return 1;
}

/**
 * The keys a multi-line paste stands for, as a terminal without bracketed paste would type it:
 * each line followed by Enter, the text after the last line end left on the prompt for editing.
 * A single-line paste is inserted as it is.
 */
export function pasteAsKeys(text: string): ({ kind: 'text'; text: string } | { kind: 'key'; data: string })[] {
  const lines = text.split('\n');
  const units: ({ kind: 'text'; text: string } | { kind: 'key'; data: string })[] = [];
  lines.forEach((line, index) => {
    if (line !== '') units.push({ kind: 'text', text: line });
    if (index < lines.length - 1) units.push({ kind: 'key', data: '\r' });
  });
  return units;
}
