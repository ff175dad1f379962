import { joinPath, type Command, type CommandContext } from '@/lib/shell';
import { expand, MakeSyntaxError, parseMakefile, type Makefile } from './makefile-parse';

/**
 * GNU make over the Makefile in the working directory (or -f FILE, -C DIR): builds the goals
 * (default: the first target), prerequisites first, echoing each recipe line unless `@` and
 * running it in its own shell through ctx.runScript, as make runs `/bin/sh -c` per line. Files
 * have no meaningful mtimes in a layer, so a file target is up to date when it exists and no
 * prerequisite was remade in this run. Errors are make's, exit 2.
 */
export const make: Command = async (ctx) => {
  const args = [...ctx.args];
  let file: string | undefined;
  let dir = ctx.cwd;
  let silent = false;
  let dryRun = false;
  let keepGoing = false;
  const goals: string[] = [];
  const overrides = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '-f' || arg === '--file') file = args[++i];
    else if (arg.startsWith('-f') && arg.length > 2) file = arg.slice(2);
    else if (arg === '-C' || arg === '--directory') dir = ctx.resolve(joinPath(dir, args[++i] ?? '.'));
    else if (arg === '-s' || arg === '--silent' || arg === '--quiet') silent = true;
    else if (arg === '-n' || arg === '--dry-run') dryRun = true;
    else if (arg === '-k' || arg === '--keep-going') keepGoing = true;
    else if (arg === '-j' || arg.startsWith('-j') || arg.startsWith('--jobs')) {
      if (arg === '-j' && /^\d+$/.test(args[i + 1] ?? '')) i++;
    } else if (arg.startsWith('-')) {
      ctx.stderr.write(`make: invalid option -- '${arg.replace(/^-+/, '')}'\nUsage: make [options] [target] ...\n`);
      return 2;
    } else if (/^[A-Za-z_][\w.-]*=/.test(arg)) overrides.set(arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1));
    else goals.push(arg);
  }
  if (dir !== ctx.cwd) ctx.stdout.write(`make: Entering directory '${dir}'\n`);
  const candidates = file !== undefined ? [file] : ['GNUmakefile', 'makefile', 'Makefile'];
  let name: string | undefined;
  let text: string | undefined;
  for (const c of candidates) {
    try {
      text = new TextDecoder().decode(await ctx.fs.readFile(c.startsWith('/') ? c : joinPath(dir, c)));
      name = c;
      break;
    } catch {
      if (file !== undefined) {
        ctx.stderr.write(`make: ${file}: No such file or directory\nmake: *** No rule to make target '${file}'.  Stop.\n`);
        return 2;
      }
    }
  }
  let mf: Makefile;
  try {
    mf = parseMakefile(text ?? '', overrides);
  } catch (error) {
    if (!(error instanceof MakeSyntaxError)) throw error;
    ctx.stderr.write(`${name}:${error.line}: *** missing separator.  Stop.\n`);
    return 2;
  }
  if (goals.length === 0) {
    if (mf.defaultTarget === undefined) {
      ctx.stderr.write(text === undefined ? 'make: *** No targets specified and no makefile found.  Stop.\n' : 'make: *** No targets.  Stop.\n');
      return 2;
    }
    goals.push(mf.defaultTarget);
  }
  const runner = new MakeRun(ctx, mf, name ?? 'Makefile', dir, { silent, dryRun, keepGoing });
  for (const goal of goals) {
    const result = await runner.build(goal, undefined);
    if (result === 'error') return 2;
    if (result === 'nothing') ctx.stdout.write(mf.rules.get(goal)?.recipe.length === 0 || mf.phony.has(goal) ? `make: Nothing to be done for '${goal}'.\n` : `make: '${goal}' is up to date.\n`);
  }
  return 0;
};

type Outcome = 'remade' | 'nothing' | 'error';

class MakeRun {
  private readonly done = new Map<string, Outcome>();

  constructor(
    private readonly ctx: CommandContext,
    private readonly mf: Makefile,
    private readonly file: string,
    private readonly dir: string,
    private readonly opts: { silent: boolean; dryRun: boolean; keepGoing: boolean },
  ) {}

  private exists = (target: string): Promise<boolean> => this.ctx.fs.exists(target.startsWith('/') ? target : joinPath(this.dir, target)).catch(() => false);

  async build(target: string, parent: string | undefined): Promise<Outcome> {
    const known = this.done.get(target);
    if (known !== undefined) return known;
    const rule = this.mf.rules.get(target);
    if (rule === undefined) {
      if (await this.exists(target)) return this.finish(target, 'nothing');
      this.ctx.stderr.write(parent === undefined ? `make: *** No rule to make target '${target}'.  Stop.\n` : `make: *** No rule to make target '${target}', needed by '${parent}'.  Stop.\n`);
      return this.finish(target, 'error');
    }
    let remadeDep = false;
    for (const dep of rule.prerequisites) {
      const r = await this.build(dep, target);
      if (r === 'error') return this.finish(target, 'error');
      if (r === 'remade') remadeDep = true;
    }
    const isFile = !this.mf.phony.has(target) && (await this.exists(target));
    if ((isFile && !remadeDep) || rule.recipe.length === 0) return this.finish(target, remadeDep ? 'remade' : 'nothing');
    const auto = new Map([['@', target], ['<', rule.prerequisites[0] ?? ''], ['^', [...new Set(rule.prerequisites)].join(' ')]]);
    for (const step of rule.recipe) {
      let line = expand(this.mf, step.text, auto, this.ctx.env);
      let echo = !this.opts.silent;
      let ignore = false;
      for (;;) {
        if (line.startsWith('@')) echo = false;
        else if (line.startsWith('-')) ignore = true;
        else if (!line.startsWith('+')) break;
        line = line.slice(1);
      }
      if (echo || this.opts.dryRun) this.ctx.stdout.write(`${line}\n`);
      if (this.opts.dryRun || line.trim() === '') continue;
      // make runs each line in its own /bin/sh, from the directory make is in (-C).
      const script = this.dir === this.ctx.cwd ? line : `cd '${this.dir.replace(/'/g, `'\\''`)}' && ${line}`;
      const status = await this.ctx.runScript(script, { argv0: '/bin/sh' });
      if (status !== 0) {
        this.ctx.stderr.write(`make: *** [${this.file}:${step.line}: ${target}] Error ${status}${ignore ? ' (ignored)' : ''}\n`);
        if (!ignore) return this.finish(target, 'error');
      }
    }
    return this.finish(target, 'remade');
  }

  private finish(target: string, outcome: Outcome): Outcome {
    this.done.set(target, outcome);
    return outcome;
  }
}
