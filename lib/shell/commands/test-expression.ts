import type { FileStat, ShellFs } from '../fs/shell-fs';
import { resolvePath } from '../fs/paths';

/**
 * test(1) / `[` (XCU test): the POSIX argument-count rules for up to four arguments, then a
 * recursive parser for `!`, `-a`, `-o` and parentheses. Permission tests assume root (RUN's
 * default user), for whom only `-x` depends on the mode bits.
 */
const UNARY_FILE = new Set(['-e', '-f', '-d', '-h', '-L', '-r', '-w', '-x', '-s', '-b', '-c', '-p', '-S', '-g', '-u', '-k', '-O', '-G']);
const BINARY = new Set(['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef', '<', '>']);

class TestError extends Error {}

export async function evaluateTest(args: readonly string[], fs: ShellFs, cwd: string): Promise<{ status: number; error?: string }> {
  try {
    return { status: (await evaluate([...args], fs, cwd)) ? 0 : 1 };
  } catch (error) {
    if (error instanceof TestError) return { status: 2, error: error.message };
    throw error;
  }
}

async function evaluate(args: string[], fs: ShellFs, cwd: string): Promise<boolean> {
  switch (args.length) {
    case 0:
      return false;
    case 1:
      return args[0] !== '';
    case 2:
      if (args[0] === '!') return args[1] === '';
      if (isUnary(args[0] as string)) return unary(args[0] as string, args[1] as string, fs, cwd);
      throw new TestError(`${args[0]}: unexpected operator`);
    case 3:
      if (BINARY.has(args[1] as string)) return binary(args[0] as string, args[1] as string, args[2] as string, fs, cwd);
      if (args[0] === '!') return !(await evaluate(args.slice(1), fs, cwd));
      if (args[0] === '(' && args[2] === ')') return args[1] !== '';
      break;
    case 4:
      if (args[0] === '!') return !(await evaluate(args.slice(1), fs, cwd));
      if (args[0] === '(' && args[3] === ')') return evaluate(args.slice(1, 3), fs, cwd);
      break;
  }
  const parser = new ExprParser(args, fs, cwd);
  const result = await parser.or();
  if (parser.pos < args.length) throw new TestError(`${args[parser.pos]}: unexpected operator`);
  return result;
}

class ExprParser {
  pos = 0;
  constructor(
    private readonly args: string[],
    private readonly fs: ShellFs,
    private readonly cwd: string,
  ) {}

  async or(): Promise<boolean> {
    let v = await this.and();
    while (this.args[this.pos] === '-o') {
      this.pos++;
      const r = await this.and();
      v = v || r;
    }
    return v;
  }

  async and(): Promise<boolean> {
    let v = await this.not();
    while (this.args[this.pos] === '-a') {
      this.pos++;
      const r = await this.not();
      v = v && r;
    }
    return v;
  }

  async not(): Promise<boolean> {
    if (this.args[this.pos] === '!') {
      this.pos++;
      return !(await this.not());
    }
    return this.primary();
  }

  async primary(): Promise<boolean> {
    const a = this.args[this.pos];
    if (a === undefined) throw new TestError('argument expected');
    if (a === '(') {
      this.pos++;
      const v = await this.or();
      if (this.args[this.pos] !== ')') throw new TestError('closing paren expected');
      this.pos++;
      return v;
    }
    const op = this.args[this.pos + 1];
    if (op !== undefined && BINARY.has(op) && this.args[this.pos + 2] !== undefined) {
      this.pos += 3;
      return binary(a, op, this.args[this.pos - 1] as string, this.fs, this.cwd);
    }
    if (isUnary(a) && op !== undefined) {
      this.pos += 2;
      return unary(a, op, this.fs, this.cwd);
    }
    this.pos++;
    return a !== '';
  }
}

function isUnary(op: string): boolean {
  return UNARY_FILE.has(op) || op === '-n' || op === '-z' || op === '-t';
}

async function statOf(fs: ShellFs, path: string, follow = true): Promise<FileStat | undefined> {
  try {
    return follow ? await fs.stat(path) : await fs.lstat(path);
  } catch {
    return undefined;
  }
}

async function unary(op: string, arg: string, fs: ShellFs, cwd: string): Promise<boolean> {
  if (op === '-n') return arg !== '';
  if (op === '-z') return arg === '';
  if (op === '-t') return false; // a build step has no terminal
  const path = resolvePath(cwd, arg);
  if (arg === '') return false;
  const st = await statOf(fs, path, op !== '-h' && op !== '-L');
  if (st === undefined) return false;
  switch (op) {
    case '-e':
    case '-r':
    case '-w':
      return true;
    case '-f':
      return st.type === 'file';
    case '-d':
      return st.type === 'dir';
    case '-h':
    case '-L':
      return st.type === 'symlink';
    case '-x':
      return st.type === 'dir' || (st.mode & 0o111) !== 0;
    case '-s':
      return st.size > 0;
    case '-u':
      return (st.mode & 0o4000) !== 0;
    case '-g':
      return (st.mode & 0o2000) !== 0;
    case '-k':
      return (st.mode & 0o1000) !== 0;
    case '-O':
    case '-G':
      return st.uid === 0;
    default:
      return false; // -b -c -p -S: the model has no devices, fifos or sockets
  }
}

function integer(s: string): number {
  if (!/^\s*[-+]?[0-9]+\s*$/.test(s)) throw new TestError(`Illegal number: ${s}`);
  return Number(s);
}

async function binary(a: string, op: string, b: string, fs: ShellFs, cwd: string): Promise<boolean> {
  switch (op) {
    case '=':
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '-eq':
      return integer(a) === integer(b);
    case '-ne':
      return integer(a) !== integer(b);
    case '-lt':
      return integer(a) < integer(b);
    case '-le':
      return integer(a) <= integer(b);
    case '-gt':
      return integer(a) > integer(b);
    case '-ge':
      return integer(a) >= integer(b);
    default: {
      const sa = await statOf(fs, resolvePath(cwd, a));
      const sb = await statOf(fs, resolvePath(cwd, b));
      if (op === '-nt') return sa !== undefined && (sb === undefined || (sa.mtime ?? 0) > (sb.mtime ?? 0));
      if (op === '-ot') return sb !== undefined && (sa === undefined || (sa.mtime ?? 0) < (sb.mtime ?? 0));
      return sa !== undefined && sb !== undefined && resolvePath(cwd, a) === resolvePath(cwd, b);
    }
  }
}
