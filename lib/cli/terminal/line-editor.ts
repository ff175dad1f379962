import type { Completion } from './completion';

/**
 * The line being typed at the prompt, as readline edits it: the xterm view feeds it the raw
 * input (`onData`) and draws `line` with the cursor at `cursor`; what the keys mean to the
 * terminal (run this line, Ctrl+C, complete, clear) comes back as actions. Pure: no DOM.
 */
export type EditorAction =
  | { kind: 'submit'; line: string }
  | { kind: 'interrupt' }
  | { kind: 'eof' }
  | { kind: 'complete' }
  | { kind: 'clear-screen' };

/** Escape sequences xterm sends, longest first so a prefix never shadows a longer key. */
const KEYS: readonly (readonly [string, (e: LineEditor) => EditorAction | void])[] = [
  ['\x1b[1;5D', (e) => e.wordLeft()],
  ['\x1b[1;5C', (e) => e.wordRight()],
  ['\x1b[3~', (e) => e.deleteForward()],
  ['\x1b[1~', (e) => e.home()],
  ['\x1b[4~', (e) => e.end()],
  ['\x1b[A', (e) => e.historyPrevious()],
  ['\x1b[B', (e) => e.historyNext()],
  ['\x1b[C', (e) => e.right()],
  ['\x1b[D', (e) => e.left()],
  ['\x1b[H', (e) => e.home()],
  ['\x1b[F', (e) => e.end()],
  ['\x1bOH', (e) => e.home()],
  ['\x1bOF', (e) => e.end()],
  ['\x1bb', (e) => e.wordLeft()],
  ['\x1bf', (e) => e.wordRight()],
  ['\x01', (e) => e.home()],
  ['\x02', (e) => e.left()],
  ['\x03', (e) => e.interrupt()],
  ['\x04', (e) => e.eofOrDelete()],
  ['\x05', (e) => e.end()],
  ['\x06', (e) => e.right()],
  ['\x08', (e) => e.backspace()],
  ['\x7f', (e) => e.backspace()],
  ['\x09', () => ({ kind: 'complete' })],
  ['\x0b', (e) => e.killToEnd()],
  ['\x0c', () => ({ kind: 'clear-screen' })],
  ['\x0d', (e) => e.submit()],
  ['\x0e', (e) => e.historyNext()],
  ['\x10', (e) => e.historyPrevious()],
  ['\x15', (e) => e.killToStart()],
  ['\x17', (e) => e.killWordBack()],
  ['\x19', (e) => e.yank()],
];

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

export class LineEditor {
  line = '';
  cursor = 0;
  private historyIndex: number | undefined;
  private draft = '';
  private killed = '';
  /** Text of a bracketed paste that has not ended yet (xterm may split it across events). */
  private pasting: string | undefined;

  /** `history` gives the terminal's entries, oldest first, when Up/Down need them. */
  constructor(private readonly history: () => readonly string[] = () => []) {}

  /** Feeds raw terminal input; returns what the terminal must do, in order. */
  feed(data: string): EditorAction[] {
    const actions: EditorAction[] = [];
    let i = 0;
    while (i < data.length) {
      if (this.pasting !== undefined) {
        const end = data.indexOf(PASTE_END, i);
        this.pasting += data.slice(i, end < 0 ? undefined : end);
        if (end < 0) break;
        // Pasted newlines stay in the line, as bash's bracketed paste keeps them; Enter runs it all.
        this.insert(this.pasting.replace(/\r\n?/g, '\n'));
        this.pasting = undefined;
        i = end + PASTE_END.length;
        continue;
      }
      if (data.startsWith(PASTE_START, i)) {
        this.pasting = '';
        i += PASTE_START.length;
        continue;
      }
      const key = KEYS.find(([seq]) => data.startsWith(seq, i));
      if (key !== undefined) {
        const action = key[1](this);
        if (action !== undefined) actions.push(action);
        i += key[0].length;
        continue;
      }
      const c = data[i] as string;
      if (c === '\x1b') {
        // An escape sequence we do not bind: skip it whole (CSI … final byte).
        const m = /^\x1b(\[[0-9;?]*[ -/]*[@-~]|O.|.)?/.exec(data.slice(i)) as RegExpExecArray;
        i += m[0].length;
        continue;
      }
      if (c === '\n') actions.push(this.submit());
      else if (c >= ' ') this.insert(c);
      i++;
    }
    return actions;
  }

  insert(text: string): void {
    this.line = this.line.slice(0, this.cursor) + text + this.line.slice(this.cursor);
    this.cursor += text.length;
  }

  backspace(): void {
    if (this.cursor === 0) return;
    this.line = this.line.slice(0, this.cursor - 1) + this.line.slice(this.cursor);
    this.cursor--;
  }

  deleteForward(): void {
    this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1);
  }

  left(): void {
    this.cursor = Math.max(0, this.cursor - 1);
  }

  right(): void {
    this.cursor = Math.min(this.line.length, this.cursor + 1);
  }

  home(): void {
    this.cursor = 0;
  }

  end(): void {
    this.cursor = this.line.length;
  }

  wordLeft(): void {
    let i = this.cursor;
    while (i > 0 && !isWordChar(this.line[i - 1])) i--;
    while (i > 0 && isWordChar(this.line[i - 1])) i--;
    this.cursor = i;
  }

  wordRight(): void {
    let i = this.cursor;
    while (i < this.line.length && !isWordChar(this.line[i])) i++;
    while (i < this.line.length && isWordChar(this.line[i])) i++;
    this.cursor = i;
  }

  /** Ctrl+U (unix-line-discard): cut from the start of the line to the cursor. */
  killToStart(): void {
    this.killed = this.line.slice(0, this.cursor);
    this.line = this.line.slice(this.cursor);
    this.cursor = 0;
  }

  /** Ctrl+K: cut from the cursor to the end. */
  killToEnd(): void {
    this.killed = this.line.slice(this.cursor);
    this.line = this.line.slice(0, this.cursor);
  }

  /** Ctrl+W (unix-word-rubout): cut the whitespace-delimited word before the cursor. */
  killWordBack(): void {
    let i = this.cursor;
    while (i > 0 && /\s/.test(this.line[i - 1] as string)) i--;
    while (i > 0 && !/\s/.test(this.line[i - 1] as string)) i--;
    this.killed = this.line.slice(i, this.cursor);
    this.line = this.line.slice(0, i) + this.line.slice(this.cursor);
    this.cursor = i;
  }

  /** Ctrl+Y: paste what the last cut removed. */
  yank(): void {
    this.insert(this.killed);
  }

  historyPrevious(): void {
    const entries = this.history();
    const index = this.historyIndex ?? entries.length;
    if (index === 0) return;
    if (this.historyIndex === undefined) this.draft = this.line;
    this.show(entries[index - 1] as string, index - 1);
  }

  historyNext(): void {
    if (this.historyIndex === undefined) return;
    const entries = this.history();
    if (this.historyIndex + 1 >= entries.length) this.show(this.draft, undefined);
    else this.show(entries[this.historyIndex + 1] as string, this.historyIndex + 1);
  }

  /** Replaces the word the completion was for by the candidates' common prefix (plus a space when unique). */
  applyCompletion(completion: Completion): void {
    const tail = this.line.slice(this.cursor);
    const text = completion.common + (completion.complete ? ' ' : '');
    if (completion.candidates.length === 0 || completion.common.length < this.cursor - completion.start) return;
    this.line = this.line.slice(0, completion.start) + text + tail;
    this.cursor = completion.start + text.length;
  }

  submit(): EditorAction {
    const line = this.line;
    this.reset();
    return { kind: 'submit', line };
  }

  interrupt(): EditorAction {
    this.reset();
    return { kind: 'interrupt' };
  }

  /** Ctrl+D: end of input on an empty line, else delete under the cursor (readline). */
  eofOrDelete(): EditorAction | void {
    if (this.line === '') return { kind: 'eof' };
    this.deleteForward();
  }

  reset(): void {
    this.line = '';
    this.cursor = 0;
    this.historyIndex = undefined;
    this.draft = '';
  }

  private show(line: string, index: number | undefined): void {
    this.line = line;
    this.cursor = line.length;
    this.historyIndex = index;
  }
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_]/.test(c);
}
