import { LineEditor, type EditorAction } from '@/lib/cli';
import type { TerminalApi } from '@/app/_lib/engine/api';
import { CTRL_C, InputSplitter, pasteAsKeys } from './keys';
import { colourPrompt, cursorToEnd, drawPromptLine, formatCandidates, updatePromptLine, type DrawnLine } from './prompt-line';

/**
 * The terminal's behaviour between xterm and the engine's session, without React or the DOM:
 * keys go in (`input`), escape sequences come out on the screen. The prompt line is edited by
 * lib/cli's LineEditor (readline's keys); Enter runs the line in the session and streams what
 * it prints; keys typed meanwhile wait, as a real terminal buffers them, and Ctrl+C cancels the
 * run (and drops the waiting keys, as a tty flushes its input on SIGINT). Tab completes,
 * Ctrl+L clears, Ctrl+D on an empty line exits, a pasted block runs line by line.
 */
export interface TerminalScreen {
  write(data: string): void;
  /** Resolves once everything written so far is on the screen (xterm parses writes later). */
  flush(): Promise<void>;
  columns(): number;
  /** Column of the cursor (0-based), after a flush. */
  cursorColumn(): number;
}

/** `starting`: fetching the first prompt; `ready`: waiting at the prompt; `busy`: completing; `running`: a command runs. */
export type TerminalState = 'starting' | 'ready' | 'busy' | 'running';

export interface ControllerOptions {
  onState?(state: TerminalState): void;
  /** All that one run printed, once it finished (the page offers its images as links). */
  onOutput?(output: string): void;
}

type QueuedUnit = { kind: 'key'; data: string } | { kind: 'text'; text: string };

const RESET = '\x1b[0m';
const ERROR_COLOUR = '\x1b[31m';
/** bash asks before listing more completions than this (`completion-query-items`). */
const MAX_LISTED = 100;

export class TerminalController {
  private readonly editor: LineEditor;
  private readonly splitter = new InputSplitter();
  private history: readonly string[] = [];
  private prompt = '';
  private drawn: DrawnLine | undefined;
  private queue: QueuedUnit[] = [];
  private pumping = false;
  private running = false;
  private started = false;
  private disposed = false;
  private state: TerminalState = 'starting';
  private idleWaiters: (() => void)[] = [];
  private size: [number, number] = [0, 0];

  constructor(
    private readonly api: TerminalApi,
    private readonly screen: TerminalScreen,
    private readonly options: ControllerOptions = {},
  ) {
    this.editor = new LineEditor(() => this.history);
  }

  /** Fetches the prompt and history, shows the prompt, then takes the keys typed meanwhile. */
  async start(): Promise<void> {
    try {
      [this.prompt, this.history] = await Promise.all([this.api.prompt(), this.api.history()]);
    } catch (error) {
      this.screen.write(`${ERROR_COLOUR}The terminal could not start: ${messageOf(error)}${RESET}\r\n`);
      this.prompt = '$ ';
    }
    if (this.disposed) return;
    await this.showPrompt();
    this.started = true;
    await this.pump();
  }

  /** Raw input from xterm's `onData`. */
  input(data: string): void {
    for (const unit of this.splitter.split(data)) {
      if (unit.kind === 'key' && unit.data === CTRL_C && this.running) {
        this.queue = [];
        ignoreFailure(() => this.api.cancel());
        continue;
      }
      if (unit.kind === 'paste') this.queue.push(...pasteAsKeys(unit.text.replace(/\t/g, ' ')));
      else this.queue.push(unit);
    }
    void this.pump();
  }

  /** The screen's size changed: the session learns it (`COLUMNS`, `LINES`) when the API can take it. */
  resized(columns: number, rows: number): void {
    if (this.size[0] === columns && this.size[1] === rows) return;
    this.size = [columns, rows];
    ignoreFailure(() => this.api.resize?.(columns, rows));
  }

  /** Resolves when no input is waiting and nothing runs (tests, and the page's `data-state`). */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  dispose(): void {
    this.disposed = true;
    this.queue = [];
    this.settleIdle();
  }

  private isIdle(): boolean {
    return this.started && !this.pumping && this.queue.length === 0;
  }

  private setState(state: TerminalState): void {
    if (state === this.state) return;
    this.state = state;
    this.options.onState?.(state);
  }

  private settleIdle(): void {
    if (!this.isIdle() && !this.disposed) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private async pump(): Promise<void> {
    if (this.pumping || !this.started || this.disposed) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0 && !this.disposed) {
        const unit = this.queue.shift() as QueuedUnit;
        try {
          await this.handle(unit);
        } catch (error) {
          await this.recover(error);
        }
      }
    } finally {
      this.pumping = false;
      this.setState('ready');
      this.settleIdle();
    }
  }

  private async handle(unit: QueuedUnit): Promise<void> {
    if (unit.kind === 'text') {
      this.editor.insert(unit.text);
      this.redraw();
      return;
    }
    // One key is one edit or one action; an action (Enter, Ctrl+C) keeps the line on screen as typed.
    const actions = this.editor.feed(unit.data);
    if (actions.length === 0) this.redraw();
    for (const action of actions) await this.act(action);
  }

  private async act(action: EditorAction): Promise<void> {
    switch (action.kind) {
      case 'submit':
        return this.run(action.line);
      case 'interrupt':
        return this.interrupt();
      case 'eof':
        // Bash on Ctrl+D at an empty prompt: the shell ends as if `exit` was typed.
        this.editor.insert('exit');
        this.redraw();
        this.editor.reset();
        return this.run('exit');
      case 'complete':
        return this.complete();
      case 'clear-screen':
        this.screen.write('\x1b[H\x1b[2J');
        this.drawn = undefined;
        return this.showPrompt();
    }
  }

  /** Enter: the line as typed goes to the session; its output streams onto the screen. */
  private async run(line: string): Promise<void> {
    this.finishLine();
    this.running = true;
    this.setState('running');
    let output = '';
    try {
      const result = await this.api.run(line, (_stream, text) => {
        if (this.disposed) return;
        output += text;
        this.screen.write(text.replace(/\r?\n/g, '\r\n'));
      });
      this.prompt = result.prompt;
    } finally {
      this.running = false;
    }
    this.setState('busy');
    this.history = await this.api.history();
    this.options.onOutput?.(output);
    await this.showPrompt();
  }

  /** Ctrl+C at the prompt: `^C`, the line is dropped, a fresh prompt (a `> ` continuation ends too). */
  private async interrupt(): Promise<void> {
    const wasContinuation = this.prompt === '> ';
    this.finishLine('^C');
    if (wasContinuation) {
      ignoreFailure(() => this.api.cancel());
      this.prompt = await this.api.prompt();
    }
    await this.showPrompt();
  }

  private async complete(): Promise<void> {
    this.setState('busy');
    const { line, cursor } = this.editor;
    const completion = await this.api.complete(line, cursor);
    // The line may not have changed meanwhile: keys typed during the lookup wait in the queue.
    const word = line.slice(completion.start, cursor);
    if (completion.candidates.length === 0) {
      this.screen.write('\x07');
      return;
    }
    if (completion.candidates.length === 1 || completion.common.length > word.length) {
      this.editor.applyCompletion(completion);
      this.redraw();
      return;
    }
    // Several candidates and nothing more in common: list them under the line, then redraw it.
    const listed = completion.candidates.length > MAX_LISTED ? [...completion.candidates.slice(0, MAX_LISTED), `… ${completion.candidates.length - MAX_LISTED} more`] : completion.candidates;
    this.finishLine();
    this.screen.write(formatCandidates(listed, word, this.screen.columns()));
    this.drawn = undefined;
    await this.showPrompt();
  }

  /** Puts the cursor past the drawn line and starts a new row (Enter, Ctrl+C, a completion list). */
  private finishLine(suffix = ''): void {
    if (this.drawn !== undefined) this.screen.write(cursorToEnd(this.drawn, this.screen.columns()));
    this.screen.write(`${suffix}\r\n`);
    this.drawn = undefined;
  }

  /** Writes the prompt where the cursor is (after output that did not end its line, too). */
  private async showPrompt(): Promise<void> {
    await this.screen.flush();
    if (this.disposed) return;
    const next: DrawnLine = { startColumn: this.screen.cursorColumn(), prompt: colourPrompt(this.prompt), line: this.editor.line, cursor: this.editor.cursor };
    this.screen.write(drawPromptLine(next, this.screen.columns()));
    this.drawn = next;
  }

  /** Shows the editor's line and cursor, rewriting only what changed. */
  private redraw(): void {
    if (this.drawn === undefined) return;
    const next: DrawnLine = { ...this.drawn, line: this.editor.line, cursor: this.editor.cursor };
    const update = updatePromptLine(this.drawn, next, this.screen.columns());
    if (update !== '') this.screen.write(update);
    this.drawn = next;
  }

  /** A call to the engine failed (the worker crashed, a bug): say so and give a prompt back. */
  private async recover(error: unknown): Promise<void> {
    this.running = false;
    if (this.drawn !== undefined) this.finishLine();
    await this.screen.flush();
    if (this.screen.cursorColumn() > 0) this.screen.write('\r\n');
    this.screen.write(`${ERROR_COLOUR}layerlab: ${messageOf(error)}${RESET}\r\n`);
    this.editor.reset();
    await this.showPrompt();
  }
}

/** A fire-and-forget call to the worker (over Comlink even a `void` method returns a promise). */
function ignoreFailure(call: () => unknown): void {
  try {
    void Promise.resolve(call()).catch(() => undefined);
  } catch {
    // Nothing to do: the next call that matters reports the failure.
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
