import { createShellLexer, parseIgnore, type Heredoc, type Instruction } from '@/lib/dockerfile';
import { goClean } from '@/lib/util';
import { bytesContent, contentSize, editTree, type FsTree } from '../fs';
import { cleanSourcePath, selectSources, type SelectedSource } from './copy-sources';
import { copySource, type CopyAttrs } from './copy-apply';
import { hashText, nodeChecksum } from './cache-key';
import { extractArchive, isArchive } from './add-archive';
import { imageTree } from './image-resolver';
import { runLayerStep, type StepOutcome } from './layer-step';
import { resolveFrom } from './plan';
import { BuildError, type StageState, type StepContext } from './session';
import { resolveChown } from './user-ids';

/**
 * COPY and ADD (dockerfile2llb `dispatchCopy`): sources from the context or `--from`, wildcards,
 * directory contents, destination rules, `--chown`/`--chmod`/`--exclude`/`--parents`/`--link`,
 * heredoc sources, ADD's local archive extraction. The cache key holds the options and a content
 * checksum of exactly the selected files (contenthash), so unrelated context changes never bust it.
 */

type CopyLike = Extract<Instruction, { kind: 'copy' | 'add' }>;

/** Seconds to copy `bytes` inside the builder (a local disk-to-disk copy, roughly). */
const COPY_BYTES_PER_SECOND = 200e6;
const COPY_BASE_SECONDS = 0.05;

async function sourceTree(ctx: StepContext, from: string | null): Promise<{ tree: FsTree; label: string }> {
  const { session } = ctx;
  if (from === null) return { tree: await session.contextTree(), label: 'context' };
  const source = resolveFrom(from, ctx.stage, session.plan.stages);
  if (source.kind === 'stage') {
    const state = session.stageStates.get(source.index);
    if (state === undefined) throw new BuildError(`stage ${source.index} was not built`, ctx.range);
    return { tree: state.tree, label: `stage-${source.index}` };
  }
  const image = await session.resolveImage(source.ref, session.platformText);
  return { tree: imageTree(image), label: image.ref };
}

function resolveDest(dest: string, workdir: string): { path: string; isDir: boolean } {
  const isDir = dest.endsWith('/') || dest === '.' || dest.endsWith('/.');
  const absolute = dest.startsWith('/') ? dest : `${workdir.replace(/\/$/, '')}/${dest}`;
  return { path: goClean(absolute), isDir };
}

function parseChmod(text: string, ctx: StepContext): number {
  if (!/^[0-7]{1,4}$/.test(text)) throw new BuildError(`invalid chmod parameter: ${text}`, ctx.range);
  return parseInt(text, 8);
}

/** `--parents`: the part of a source path kept under dest (after a `/./` pivot, if any). */
function parentsPath(source: string): string {
  const pivot = source.indexOf('/./');
  return cleanSourcePath(pivot >= 0 ? source.slice(pivot + 3) : source);
}

export async function dispatchCopy(ctx: StepContext, state: StageState, instr: CopyLike): Promise<StepOutcome> {
  const { session } = ctx;
  const env = state.scope.lookup();
  const name = instr.kind === 'copy' ? 'COPY' : 'ADD';
  const sources = instr.sources.map((w) => session.lexer.expandWord(w.value, env));
  const destination = session.lexer.expandWord(instr.destination.value, env);
  if (instr.kind === 'add') {
    const remote = sources.find((s) => /^(https?|git):\/\/|^git@|\.git(#.*)?$/.test(s));
    if (remote !== undefined) throw new BuildError(`ADD ${remote}: downloading a URL or git repository is not modeled in Layerlab; download it into the build context and COPY it`, ctx.range);
  }
  if (sources.length + instr.heredocs.length > 1 && !destination.endsWith('/')) {
    throw new BuildError(`When using ${name} with more than one source file, the destination must be a directory and end with a /`, ctx.range);
  }
  const from = instr.kind === 'copy' ? instr.from : null;
  const { tree: srcTree, label } = sources.length > 0 ? await sourceTree(ctx, from) : { tree: state.tree, label: 'none' };
  const selected: Array<{ source: string; match: SelectedSource }> = [];
  for (const source of sources) {
    const matches = selectSources(srcTree, source);
    if (matches.length === 0) {
      throw new BuildError(`failed to compute cache key: failed to calculate checksum of ref ${await session.refId(label)}: ${JSON.stringify(cleanSourcePath(source))}: not found`, ctx.range);
    }
    for (const match of matches) selected.push({ source, match });
  }
  const workdir = state.config.config.WorkingDir ?? '/';
  const dest = resolveDest(destination, workdir);
  const chown = instr.chown === null ? null : session.lexer.expandWord(instr.chown, env);
  const chmod = instr.chmod === null ? null : parseChmod(instr.chmod, ctx);
  const ids = chown === null ? {} : resolveChown(state.tree, chown, ctx.range);
  const attrs: CopyAttrs = { ...ids, ...(chmod !== null ? { mode: chmod } : {}), exclude: instr.exclude.length > 0 ? parseIgnore(instr.exclude.join('\n')) : null };
  const heredocs = instr.heredocs.map((h) => ({ name: h.name, content: heredocText(ctx, state, h) }));
  const checksums: string[] = [];
  for (const { match } of selected) checksums.push(await nodeChecksum(match.node, session.io.sha256));
  const intoDir = dest.isDir || selected.length + heredocs.length > 1;
  const unpack = instr.kind === 'add' && instr.unpack !== false;

  const run = async (tree: FsTree) => {
    let bytes = 0;
    const archives: Array<{ match: SelectedSource }> = [];
    let next = editTree(tree, (draft) => {
      for (const { source, match } of selected) {
        if (unpack && match.node.kind === 'file' && isArchive(match.node.content)) {
          archives.push({ match });
          continue;
        }
        if (match.node.kind === 'file') bytes += contentSize(match.node.content);
        const target = instr.kind === 'copy' && instr.parents ? goClean(`${dest.path}/${parentsPath(source === match.path ? source : match.path)}`) : dest.path;
        const parentsDir = instr.kind === 'copy' && instr.parents && match.node.kind !== 'dir';
        copySource(draft, srcTree, match, parentsDir ? target.slice(0, target.lastIndexOf('/')) || '/' : target, intoDir || parentsDir, attrs);
      }
      for (const doc of heredocs) {
        const target = intoDir ? `${dest.path === '/' ? '' : dest.path}/${doc.name}` : dest.path;
        draft.mkdirp(target.slice(0, target.lastIndexOf('/')) || '/');
        draft.writeFile(target, bytesContent(doc.content), { mode: attrs.mode ?? 0o644, uid: attrs.uid ?? 0, gid: attrs.gid ?? 0 }, true);
        bytes += doc.content.length;
      }
    });
    for (const { match } of archives) next = await extractArchive(next, match, dest.path, attrs);
    return { tree: next, simulatedSeconds: COPY_BASE_SECONDS + bytes / COPY_BYTES_PER_SECOND };
  };

  const sourceHash = await classicSourceHash(ctx, checksums, selected);
  return runLayerStep(ctx, state, {
    op: {
      kind: instr.kind,
      sources,
      dest: dest.path + (intoDir ? '/' : ''),
      chown: chown ?? undefined,
      chmod: instr.chmod ?? undefined,
      exclude: instr.exclude,
      parents: instr.kind === 'copy' ? instr.parents : undefined,
      unpack,
      heredocs,
      checksums,
    },
    keyParent: instr.link ? 'link' : undefined,
    classicProbe: `#(nop) ${name} ${chown !== null ? `--chown=${chown}` : ''}${sourceHash} in ${destination} `,
    history: {
      kind: instr.kind,
      sources,
      heredocs: instr.heredocs.map((h) => h.name),
      destination,
      ...(chown !== null ? { chown } : {}),
      ...(instr.chmod !== null ? { chmod: instr.chmod } : {}),
      ...(instr.kind === 'copy' && instr.parents ? { parents: true } : {}),
      sourceHash,
    },
    run,
  });
}

function heredocText(ctx: StepContext, state: StageState, heredoc: Heredoc): string {
  // BuildKit expands an unquoted heredoc's body with the build's variables, like a word.
  if (!heredoc.expand) return heredoc.content;
  const lexer = createShellLexer(ctx.session.dockerfile.escapeToken, { rawQuotes: true, rawEscapes: true });
  return lexer.expandWord(heredoc.content, state.scope.lookup());
}

/** Classic `file:<hex>` / `dir:<hex>` / `multi:<hex>` (moby `calcCopyInfo`). */
async function classicSourceHash(ctx: StepContext, checksums: readonly string[], selected: ReadonlyArray<{ match: SelectedSource }>): Promise<string> {
  const hex = (d: string) => d.replace(/^sha256:/, '');
  const first = selected[0];
  if (checksums.length === 1 && first !== undefined) return `${first.match.node.kind === 'dir' ? 'dir' : 'file'}:${hex(checksums[0] ?? '')}`;
  return `multi:${hex(await hashText(checksums.map(hex).join(','), ctx.session.io.sha256))}`;
}
