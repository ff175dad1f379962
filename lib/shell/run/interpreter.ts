import { ShellError } from '../errors';
import { Expander, type ExpandHost } from '../expand/expand-word';
import { matchPattern } from '../expand/pattern';
import type { AndOr, Command, Pipeline, Script } from '../parse/ast';
import { ExitSignal, LoopSignal, ReturnSignal } from './control';
import { applyRedirects } from './redirections';
import { type Io, type Runtime, tick } from './runtime';
import { runSimple } from './simple-command';
import { readPasswd } from '../fs/passwd';
import type { ShellState } from './state';
import { BufferOutput, InputStream } from './streams';

/**
 * Walks the tree. Exit statuses follow XCU §2.8.2 and §2.9; `set -e` follows the POSIX rule that
 * conditions, non-final `&&`/`||` operands and `!` pipelines never trigger it, and a compound
 * command does not trigger it merely because something inside it was ignored (bash and dash agree).
 */
export class Interpreter {
  constructor(readonly rt: Runtime) {}

  async runScript(script: Script, st: ShellState, io: Io): Promise<number> {
    let status = 0;
    for (const item of script.items) status = await this.runAndOr(item, st, io);
    return status;
  }

  private async runAndOr(item: AndOr, st: ShellState, io: Io): Promise<number> {
    const chain = [{ op: undefined as '&&' | '||' | undefined, pipeline: item.first }, ...item.rest];
    let status = 0;
    for (let i = 0; i < chain.length; i++) {
      const { op, pipeline } = chain[i] as { op: '&&' | '||' | undefined; pipeline: Pipeline };
      if (op === '&&' && status !== 0) continue;
      if (op === '||' && status === 0) continue;
      const last = i === chain.length - 1;
      if (!last) st.errexitIgnored++;
      try {
        status = await this.runPipeline(pipeline, st, io);
      } finally {
        if (!last) st.errexitIgnored--;
      }
      if (last && status !== 0 && st.options.errexit && st.errexitIgnored === 0 && !pipeline.negate && triggersErrexit(pipeline)) {
        throw new ExitSignal(status);
      }
    }
    return status;
  }

  private async runPipeline(pipeline: Pipeline, st: ShellState, io: Io): Promise<number> {
    if (pipeline.negate) st.errexitIgnored++;
    let status: number;
    try {
      if (pipeline.commands.length === 1) {
        status = await this.runCommand(pipeline.commands[0] as Command, st, io);
      } else {
        // Stages run one after another over buffers; each is a subshell, as in dash.
        let input = io.stdin;
        const statuses: number[] = [];
        for (const [i, cmd] of pipeline.commands.entries()) {
          const last = i === pipeline.commands.length - 1;
          const out = last ? io.stdout : new BufferOutput();
          statuses.push(await this.subshell(st, io.with(0, input).with(1, out), (sub, subIo) => this.runCommand(cmd, sub, subIo)));
          if (!last) input = new InputStream((out as BufferOutput).bytes());
        }
        status = statuses[statuses.length - 1] as number;
        if (st.options.pipefail) status = [...statuses].reverse().find((s) => s !== 0) ?? 0;
      }
    } finally {
      if (pipeline.negate) st.errexitIgnored--;
    }
    if (pipeline.negate) status = status === 0 ? 1 : 0;
    st.lastStatus = status;
    return status;
  }

  /** Runs `body` on a copy of the state; `exit` and fatal expansion errors end only the copy. */
  async subshell(st: ShellState, io: Io, body: (sub: ShellState, io: Io) => Promise<number>): Promise<number> {
    const sub = st.clone();
    try {
      return await body(sub, io);
    } catch (error) {
      return this.shellExit(error, sub, io);
    }
  }

  /** Turns what ends a shell into its status; rethrows what must end the whole run. */
  shellExit(error: unknown, st: ShellState, io: Io): number {
    if (error instanceof ExitSignal) return error.status;
    if (error instanceof ShellError && (error.code === 'syntax' || error.code === 'expansion')) {
      io.stderr.write(`${st.argv0}: ${error.line ?? st.line}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof ReturnSignal) return error.status;
    if (error instanceof LoopSignal) return st.lastStatus;
    throw error;
  }

  async runCommand(cmd: Command, st: ShellState, io: Io): Promise<number> {
    if (cmd.kind === 'simple') return runSimple(this, cmd, st, io);
    if (cmd.kind === 'function') {
      st.functions.set(cmd.name, cmd.body);
      return 0;
    }
    st.line = cmd.line;
    const redirected = await applyRedirects(cmd.redirects, st, io, this);
    if (redirected === undefined) return (st.lastStatus = 2);
    try {
      const status = await this.runCompound(cmd, st, redirected.io);
      st.lastStatus = status;
      return status;
    } finally {
      await redirected.flush();
    }
  }

  private async runCompound(cmd: Exclude<Command, { kind: 'simple' | 'function' }>, st: ShellState, io: Io): Promise<number> {
    switch (cmd.kind) {
      case 'group':
        return this.runScript(cmd.body, st, io);
      case 'subshell':
        return this.subshell(st, io, (sub, subIo) => this.runScript(cmd.body, sub, subIo));
      case 'if': {
        for (const clause of cmd.clauses) {
          if ((await this.condition(clause.cond, st, io)) === 0) return this.runScript(clause.body, st, io);
        }
        return cmd.elseBody === undefined ? 0 : this.runScript(cmd.elseBody, st, io);
      }
      case 'while': {
        let status = 0;
        for (;;) {
          await tick(this.rt);
          const cond = await this.condition(cmd.cond, st, io);
          if ((cond === 0) === cmd.until) break;
          const r = await this.loopBody(() => this.runScript(cmd.body, st, io), st);
          if (r === 'break') break;
          status = typeof r === 'number' ? r : st.lastStatus;
        }
        return status;
      }
      case 'for': {
        const items = cmd.items === undefined ? [...st.positional] : await this.expander(st, io).fields(cmd.items);
        let status = 0;
        for (const item of items) {
          await tick(this.rt);
          if (!st.set(cmd.name, item)) throw new ShellError('expansion', `${cmd.name}: is read only`);
          const r = await this.loopBody(() => this.runScript(cmd.body, st, io), st);
          if (r === 'break') break;
          status = typeof r === 'number' ? r : st.lastStatus;
        }
        return status;
      }
      case 'case': {
        const expander = this.expander(st, io);
        const subject = await expander.string(cmd.word);
        for (const item of cmd.items) {
          for (const p of item.patterns) {
            if (matchPattern(await expander.pattern(p), subject)) return this.runScript(item.body, st, io);
          }
        }
        return 0;
      }
    }
  }

  private async condition(script: Script, st: ShellState, io: Io): Promise<number> {
    st.errexitIgnored++;
    try {
      return await this.runScript(script, st, io);
    } finally {
      st.errexitIgnored--;
    }
  }

  /** Runs one loop iteration; `break`/`continue` with levels left propagate outward. */
  private async loopBody(body: () => Promise<number>, st: ShellState): Promise<number | 'break' | 'continue'> {
    st.loopDepth++;
    try {
      return await body();
    } catch (error) {
      if (!(error instanceof LoopSignal)) throw error;
      if (error.levels > 1) throw new LoopSignal(error.kind, error.levels - 1);
      return error.kind;
    } finally {
      st.loopDepth--;
    }
  }

  /** Calls a shell function with its own positional parameters and `local` scope. */
  async callFunction(name: string, body: Command, args: string[], st: ShellState, io: Io): Promise<number> {
    if (this.rt.depth >= this.rt.limits.depth) throw new ShellError('recursion', `${name}: maximum nesting depth exceeded (${this.rt.limits.depth})`);
    const saved = st.positional;
    st.positional = args;
    st.localFrames.push(new Map());
    this.rt.depth++;
    try {
      return await this.runCommand(body, st, io);
    } catch (error) {
      if (error instanceof ReturnSignal) return error.status;
      throw error;
    } finally {
      this.rt.depth--;
      st.positional = saved;
      for (const [k, v] of st.localFrames.pop() ?? []) {
        if (v === undefined) st.vars.delete(k);
        else st.vars.set(k, v);
      }
    }
  }

  /** Runs `$(...)`: a subshell whose stdout becomes the text; `$?` is its status. */
  async commandSub(body: Script, st: ShellState, io: Io): Promise<string> {
    const out = new BufferOutput();
    st.subStatus = await this.subshell(st, io.with(1, out), (sub, subIo) => this.runScript(body, sub, subIo));
    return out.text();
  }

  expander(st: ShellState, io: Io): Expander {
    const host: ExpandHost = {
      lookup: (name) => specialParam(name, st) ?? st.get(name),
      positional: () => st.positional,
      assign: (name, value) => {
        if (!st.set(name, value)) throw new ShellError('expansion', `${name}: is read only`);
      },
      commandSub: (body) => this.commandSub(body, st, io),
      homeOf: async (user) => (await readPasswd(this.rt.fs)).find((e) => e.name === user)?.home,
      fs: this.rt.fs,
      cwd: st.cwd,
      nounset: st.options.nounset,
      noglob: st.options.noglob,
    };
    return new Expander(host);
  }
}

function specialParam(name: string, st: ShellState): string | undefined {
  switch (name) {
    case '?':
      return String(st.lastStatus);
    case '$':
      return '1';
    case '#':
      return String(st.positional.length);
    case '-':
      return st.optionLetters();
    case '0':
      return st.argv0;
    case '!':
      return undefined;
    default:
      return /^[1-9][0-9]*$/.test(name) ? st.positional[Number(name) - 1] : undefined;
  }
}

/** Simple commands, subshells and real pipelines trigger `set -e`; other compounds do not. */
function triggersErrexit(p: Pipeline): boolean {
  if (p.commands.length > 1) return true;
  const kind = p.commands[0]?.kind;
  return kind === 'simple' || kind === 'subshell';
}
