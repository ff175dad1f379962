import { joinPath, type CommandContext } from '@/lib/shell';

/**
 * `python -m pytest`: collects test_*.py / *_test.py under the given paths (default: cwd), counts
 * `def test_` functions, and fails a test whose body holds `assert False`, `pytest.fail(` or the
 * marker `# layerlab: fail`. The report follows pytest 7's layout and exit codes
 * (0 passed, 1 failures, 4 bad path, 5 nothing collected).
 */

const SKIP_DIRS = new Set(['.git', '__pycache__', 'node_modules', '.venv', 'venv', '.tox', 'site-packages']);

async function collect(ctx: CommandContext, path: string, out: string[]): Promise<void> {
  const st = await ctx.fs.stat(path).catch(() => undefined);
  if (st === undefined) return;
  if (st.type === 'file') {
    if (/(^|\/)(test_[^/]*|[^/]*_test)\.py$/.test(path)) out.push(path);
    return;
  }
  for (const name of await ctx.fs.readdir(path)) if (!SKIP_DIRS.has(name)) await collect(ctx, joinPath(path, name), out);
}

function tests(source: string): { name: string; failed: boolean }[] {
  const found: { name: string; failed: boolean }[] = [];
  const re = /^(\s*)(?:async\s+)?def\s+(test\w*)\s*\(/gm;
  const starts = [...source.matchAll(re)];
  starts.forEach((m, i) => {
    const end = starts[i + 1]?.index ?? source.length;
    const body = source.slice(m.index, end);
    found.push({ name: m[2] as string, failed: /assert\s+False\b|pytest\.fail\(|#\s*layerlab:\s*fail/.test(body) });
  });
  return found;
}

const banner = (text: string, fill = '='): string => {
  const inner = ` ${text} `;
  const left = Math.max(1, Math.floor((80 - inner.length) / 2));
  return `${fill.repeat(left)}${inner}${fill.repeat(Math.max(1, 80 - inner.length - left))}`;
};

export async function runPytest(ctx: CommandContext, args: readonly string[], versions: { python: string; pytest: string; pluggy: string }): Promise<number> {
  const quiet = args.includes('-q') || args.includes('--quiet');
  const paths = args.filter((a) => !a.startsWith('-'));
  const files: string[] = [];
  for (const p of paths.length === 0 ? ['.'] : paths) {
    const abs = ctx.resolve(p);
    if (!(await ctx.fs.exists(abs))) {
      ctx.stderr.write(`ERROR: file or directory not found: ${p}\n\n`);
      return 4;
    }
    await collect(ctx, abs, files);
  }
  const results = await Promise.all(files.map(async (f) => ({ file: f, tests: tests(new TextDecoder().decode(await ctx.fs.readFile(f))) })));
  const total = results.reduce((n, r) => n + r.tests.length, 0);
  const failed = results.flatMap((r) => r.tests.filter((t) => t.failed).map((t) => ({ file: r.file, name: t.name })));
  const rel = (f: string) => (f.startsWith(`${ctx.cwd}/`) ? f.slice(ctx.cwd.length + 1) : f);
  const lines: string[] = [];
  if (!quiet) {
    lines.push(banner('test session starts'), `platform linux -- Python ${versions.python}, pytest-${versions.pytest}, pluggy-${versions.pluggy}`, `rootdir: ${ctx.cwd}`);
    lines.push(`collected ${total} item${total === 1 ? '' : 's'}`, '');
  }
  let done = 0;
  for (const r of results) {
    if (r.tests.length === 0) continue;
    done += r.tests.length;
    const marks = r.tests.map((t) => (t.failed ? 'F' : '.')).join('');
    const head = `${rel(r.file)} ${marks}`;
    lines.push(`${head.padEnd(75)}[${String(Math.round((done / total) * 100)).padStart(3)}%]`);
  }
  const seconds = (0.01 + total * 0.003).toFixed(2);
  ctx.addSimulatedSeconds(0.5 + total * 0.003);
  if (total === 0) {
    lines.push('', banner(`no tests ran in ${seconds}s`));
    ctx.stdout.write(`${lines.join('\n')}\n`);
    return 5;
  }
  if (failed.length > 0) {
    lines.push('', banner('FAILURES'));
    for (const f of failed) lines.push(banner(f.name, '_'), '', '    assert False', 'E   assert False', '', `${rel(f.file)}: AssertionError`);
    lines.push(banner('short test summary info'), ...failed.map((f) => `FAILED ${rel(f.file)}::${f.name} - assert False`));
  }
  const passed = total - failed.length;
  const summary = [failed.length > 0 ? `${failed.length} failed` : '', passed > 0 ? `${passed} passed` : ''].filter(Boolean).join(', ');
  lines.push(...(failed.length > 0 ? [] : ['']), banner(`${summary} in ${seconds}s`));
  ctx.stdout.write(`${lines.join('\n')}\n`);
  return failed.length > 0 ? 1 : 0;
}
