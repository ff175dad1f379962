/**
 * LL1006: deleting, in a later RUN, files an earlier instruction created. The material's
 * "Clean Up in Same Layer" step: a layer is a read-only change set, so a later `rm` only adds a
 * whiteout and the bytes stay in the earlier layer. We track what instructions leave behind
 * (package indexes and caches, downloads, cloned repositories, copied files) per stage, and
 * report an `rm` (or a cache-clean command) in a later RUN that targets them.
 */
import type { RunInstruction } from '../../instructions/types';
import type { StageInfo } from '../context';
import { argsNoFlags, basename, cmdHasArgs, firstNonFlag, hasArg, hasFlag, isFlag } from '../shell/command-args';
import type { ShellCommand, ShellWord } from '../shell/parse-shell';
import type { CommandRef } from '../shell/run-analysis';
import type { LintRule } from '../types';
import { isPipInstall } from './hadolint-packages';
import { ArtifactIndex, resolvePath, type Artifact } from './artifact-index';
import { dropQuotes } from './shared';

const APT_LISTS = '/var/lib/apt/lists';
const APK_CACHE = '/var/cache/apk';
const PIP_CACHE = '/root/.cache/pip';
const NPM_CACHE = '/root/.npm';
const YARN_CACHE = '/usr/local/share/.cache/yarn';

const URL_PREFIX = /^(https?|ftp):\/\//;
const urlBasename = (url: string): string => basename(url.replace(/[?#].*$/, '').replace(/\/+$/, ''));

/** The value of an option given as `-o v`, `-ov` (last in a cluster), `--long v` or `--long=v`. */
function optionValue(cmd: ShellCommand, short: string, long: string): string | null {
  const args = cmd.args;
  for (let i = 0; i < args.length; i++) {
    const v = (args[i] as ShellWord).value;
    if (v === `--${long}`) return args[i + 1]?.value ?? null;
    if (v.startsWith(`--${long}=`)) return v.slice(long.length + 3);
    if (/^-[^-]/.test(v) && v.includes(short)) {
      const rest = v.slice(v.indexOf(short) + 1);
      return rest !== '' ? rest : (args[i + 1]?.value ?? null);
    }
  }
  return null;
}

const CREATORS = new Set(['apt-get', 'apk', 'npm', 'pnpm', 'yarn', 'wget', 'curl', 'git']);
const NONE: readonly string[] = [];

/**
 * Appends to `out` what one command leaves on disk, with paths relative to `cwd` resolved.
 * Appending to the caller's list (rather than returning one per command) keeps the common case,
 * a command that creates nothing, free of allocations.
 */
function created(cmd: ShellCommand, cwd: string, text: string, line: number, out: Artifact[]): void {
  const name = basename(cmd.name.value);
  if (!CREATORS.has(name) && !name.startsWith('pip') && !name.startsWith('python')) return;
  const start = out.length;
  if (cmdHasArgs(cmd, 'apt-get', ['update'])) addArtifact(out, line, APT_LISTS, true);
  if ((cmdHasArgs(cmd, 'apk', ['add']) || cmdHasArgs(cmd, 'apk', ['update'])) && !hasFlag(cmd, 'no-cache')) addArtifact(out, line, APK_CACHE, true);
  if (isPipInstall(cmd) && !hasArg(cmd, '--no-cache-dir') && !text.includes('PIP_NO_CACHE_DIR=')) addArtifact(out, line, PIP_CACHE, true);
  if ((name === 'npm' || name === 'pnpm') && ['install', 'i', 'ci'].includes(firstNonFlag(cmd.args)?.value ?? '')) addArtifact(out, line, NPM_CACHE, true);
  if (name === 'yarn' && ['install', undefined].includes(firstNonFlag(cmd.args)?.value)) addArtifact(out, line, YARN_CACHE, true);
  const url = name === 'wget' || name === 'curl' ? cmd.args.find((w) => URL_PREFIX.test(w.value))?.value : undefined;
  if (name === 'wget' && url) {
    const output = optionValue(cmd, 'O', 'output-document');
    if (output !== '-') addArtifact(out, line, resolvePath(output ?? urlBasename(url), cwd), false);
  }
  if (name === 'curl' && url) {
    const output = optionValue(cmd, 'o', 'output');
    const remoteName = cmd.args.some((w) => w.value === '--remote-name' || (/^-[^-]/.test(w.value) && w.value.includes('O')));
    if (output !== null && output !== '-') addArtifact(out, line, resolvePath(output, cwd), false);
    else if (remoteName) addArtifact(out, line, resolvePath(urlBasename(url), cwd), false);
  }
  if (name === 'git' && cmdHasArgs(cmd, 'git', ['clone'])) {
    const positional = argsNoFlags(cmd.args).filter((w) => w.value !== 'clone');
    const repo = positional[0]?.value;
    const dir = positional[1]?.value ?? (repo ? urlBasename(repo).replace(/\.git$/, '') : null);
    if (dir) addArtifact(out, line, resolvePath(dir, cwd), true);
  }
  if (out.length === start) return;
  const what = `\`${[cmd.name, ...cmd.args.slice(0, 2)].map((w) => w.value).join(' ')}\``;
  for (let i = start; i < out.length; i++) (out[i] as Artifact).what = what;
}

function addArtifact(out: Artifact[], line: number, path: string | null, tree: boolean): void {
  if (path) out.push({ path, tree, line, what: '' }); // `what` is filled in once per command
}

/** Paths a command deletes: `rm` arguments, and the caches the clean commands empty. */
function deleted(cmd: ShellCommand, cwd: string): readonly string[] {
  const name = basename(cmd.name.value);
  if (name !== 'rm' && name !== 'yarn' && name !== 'npm' && name !== 'apk' && !name.startsWith('pip')) return NONE;
  if (name === 'rm') {
    const paths: string[] = [];
    for (const w of cmd.args) {
      if (isFlag(w)) continue;
      const path = resolvePath(w.value, cwd);
      if (path !== null) paths.push(path);
    }
    return paths;
  }
  if (name === 'yarn' && cmdHasArgs(cmd, 'yarn', ['cache']) && hasArg(cmd, 'clean')) return [YARN_CACHE];
  if (name === 'npm' && hasArg(cmd, 'cache') && hasArg(cmd, 'clean')) return [NPM_CACHE];
  if (name.startsWith('pip') && hasArg(cmd, 'cache') && hasArg(cmd, 'purge')) return [PIP_CACHE];
  if (name === 'apk' && hasArg(cmd, 'cache') && hasArg(cmd, 'clean')) return [APK_CACHE];
  return NONE;
}

export const LL1006: LintRule = {
  id: 'LL1006',
  name: 'DeleteInLaterLayer',
  severity: 'warning',
  source: 'layerlab',
  summary: 'Delete files in the same RUN that created them.',
  explanation:
    'Each instruction adds a read-only layer, and the image is all its layers together. Deleting a file in a later RUN ' +
    'only adds a "whiteout" that hides it: the bytes are still in the earlier layer and still downloaded with the image. ' +
    'Clean up in the same RUN that downloads or installs (`... && rm -rf /var/lib/apt/lists/*`), or avoid creating the ' +
    'files in the first place (`--no-cache`, a bind mount for archives).',
  exampleFix: {
    bad: 'RUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*',
    good: 'RUN apt-get update && apt-get install -y curl \\\n && rm -rf /var/lib/apt/lists/*',
  },
  check(ctx, report) {
    const state = new Map<StageInfo, { artifacts: ArtifactIndex; workdir: string }>();
    for (const stage of ctx.stages) {
      const inherited = stage.parent ? state.get(stage.parent) : undefined;
      const artifacts = inherited ? inherited.artifacts.clone() : new ArtifactIndex();
      let workdir = inherited?.workdir ?? '/';
      for (const ins of stage.stage.commands) {
        if (ins.kind === 'workdir') workdir = resolvePath(ins.path.value, workdir) ?? workdir;
        if (ins.kind === 'copy' || ins.kind === 'add') {
          const dest = ins.destination.value;
          for (const src of ins.sources) {
            const source = dropQuotes(src.value);
            // A directory's contents, or an archive ADD unpacks: we cannot tell which files they wrote.
            if (source.endsWith('/') || source === '.' || (ins.kind === 'add' && !URL_PREFIX.test(source) && /\.(tar|t?gz|tgz|bz2|xz|zst)$/.test(source))) continue;
            const into = dest.endsWith('/') || ins.sources.length > 1 ? `${dest}/${urlBasename(source)}` : dest;
            const path = resolvePath(into, workdir);
            if (path) artifacts.add({ path, tree: false, line: ins.line, what: `\`${ins.node.rawKeyword} ${src.value} ${dest}\`` });
          }
        }
        if (ins.kind !== 'run') continue;
        const analysis = ctx.analyze(ins);
        const made: Artifact[] = [];
        const removed: string[] = [];
        let cwd = workdir;
        for (const ref of analysis.commands) {
          const cmd = ref.command;
          if (cmd.name.value === 'cd') cwd = resolvePath(firstNonFlag(cmd.args)?.value ?? '/root', cwd) ?? cwd;
          const targets = deleted(cmd, cwd);
          for (const target of targets) removed.push(target);
          for (const target of targets) {
            const earlier = artifacts.find(target);
            if (earlier) {
              reportLater(ins, ref, earlier);
              break;
            }
          }
          created(cmd, cwd, analysis.original, ins.line, made);
        }
        if (made.length === 0) continue;
        // What the same RUN already removes never reaches a layer.
        const gone = new Set<Artifact>();
        if (removed.length > 0) {
          const here = new ArtifactIndex();
          for (const a of made) here.add(a);
          for (const target of removed) for (const a of here.findAll(target)) gone.add(a);
        }
        for (const a of made) if (!gone.has(a)) artifacts.add(a);
      }
      state.set(stage, { artifacts, workdir });
    }

    function reportLater(run: RunInstruction, ref: CommandRef, earlier: Artifact): void {
      const cmd = ref.command;
      const last = cmd.args[cmd.args.length - 1];
      const shown = [cmd.name, ...cmd.args].map((w) => w.value).join(' ');
      report({
        node: run.node,
        range: ctx.wordRange(run, ref.part, cmd.name, last),
        message:
          `\`${shown}\` deletes what ${earlier.what} on line ${earlier.line} wrote into an earlier layer. Layers are read-only: ` +
          'the files stay there and the image does not get smaller. Delete them in the same RUN that creates them.',
      });
    }
  },
};
