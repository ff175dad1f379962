import { isFsError, type FsErrorCode } from '../fs/shell-fs';
import { resolvePath } from '../fs/paths';
import type { Redirect } from '../parse/ast';
import type { Interpreter } from './interpreter';
import { Io } from './runtime';
import type { ShellState } from './state';
import { BufferOutput, InputStream, nullOutput, type OutputStream } from './streams';

/**
 * Applies a command's redirections (XCU §2.7) left to right. Output files are truncated when
 * opened, as open(O_TRUNC) does — so `cat f > f` empties f — and receive what was written when
 * the command finishes. Failures print dash's words and make the command fail without running.
 */
export interface Redirected {
  io: Io;
  flush(): Promise<void>;
}

// dash's short errno texts for redirections ("cannot create x: Directory nonexistent").
const OPEN_TEXT: Partial<Record<FsErrorCode, string>> = {
  ENOENT: 'No such file',
  ENOTDIR: 'Directory nonexistent',
  EISDIR: 'Is a directory',
  EACCES: 'Permission denied',
};

export async function applyRedirects(redirects: Redirect[], st: ShellState, io: Io, interp: Interpreter): Promise<Redirected | undefined> {
  if (redirects.length === 0) return { io, flush: async () => {} };
  const fds = new Map(io.fds);
  const files: { path: string; out: BufferOutput }[] = [];
  const { fs } = interp.rt;
  const fail = (message: string): undefined => {
    io.stderr.write(`${st.argv0}: ${st.line}: ${message}\n`);
    return undefined;
  };
  const flush = async (): Promise<void> => {
    for (const f of files) {
      const bytes = f.out.drain();
      if (bytes.length > 0) await fs.writeFile(f.path, bytes, { append: true });
    }
  };
  for (const r of redirects) {
    const expander = interp.expander(st, new Io(fds));
    if (r.op === '<<' || r.op === '<<-') {
      const body = r.heredoc?.body;
      const text = body === undefined ? '' : r.heredoc?.quoted ? body.raw : await expander.string(body);
      fds.set(r.fd, new InputStream(text));
      continue;
    }
    const target = await expander.string(r.target);
    if (r.op === '>&' || r.op === '<&') {
      if (target === '-') {
        fds.delete(r.fd);
        continue;
      }
      const source = /^[0-9]+$/.test(target) ? fds.get(Number(target)) : undefined;
      if (source === undefined) return fail(`${target}: Bad file descriptor`);
      fds.set(r.fd, source);
      continue;
    }
    const path = resolvePath(st.cwd, target);
    if (r.op === '<' || r.op === '<>') {
      if (path === '/dev/null') {
        fds.set(r.fd, new InputStream());
        continue;
      }
      if (path === '/dev/stdin') continue;
      try {
        fds.set(r.fd, new InputStream(await fs.readFile(path)));
      } catch (error) {
        return fail(`cannot open ${target}: ${openText(error)}`);
      }
      continue;
    }
    const special = specialOutput(path, io);
    if (special !== undefined) {
      fds.set(r.fd, special);
      continue;
    }
    try {
      if (r.op === '>>') await fs.writeFile(path, '', { append: true });
      else await fs.writeFile(path, '');
    } catch (error) {
      await flush();
      return fail(`cannot create ${target}: ${isFsError(error, 'ENOENT') ? 'Directory nonexistent' : openText(error)}`);
    }
    const out = new BufferOutput();
    files.push({ path, out });
    fds.set(r.fd, out);
  }
  return { io: new Io(fds), flush };
}

function specialOutput(path: string, io: Io): OutputStream | undefined {
  if (path === '/dev/null') return nullOutput;
  if (path === '/dev/stdout') return io.stdout;
  if (path === '/dev/stderr') return io.stderr;
  return undefined;
}

function openText(error: unknown): string {
  if (isFsError(error)) return OPEN_TEXT[error.code] ?? error.message;
  return error instanceof Error ? error.message : String(error);
}
