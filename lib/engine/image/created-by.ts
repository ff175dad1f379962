import { goQuoteList } from '@/lib/util';
import { BUILDKIT_HISTORY_COMMENT, type HistoryEntry } from './config-types';
import { parseExposePorts } from './expose-ports';
import { goList, goQuoteHealthcheck } from './go-format';
import { compareGoStrings } from './go-json';
import {
  type BuildArgValue,
  type BuilderMode,
  type HistoryStep,
  DEFAULT_SHELL,
  commandArgv,
  layerRule,
} from './history-step';

/**
 * History `created_by` texts, as each builder writes them.
 *
 * BuildKit (dockerfile2llb/convert.go, `commitToHistory`): the instruction and its values
 * (`ENV K=V`, `CMD ["a" "b"]` via `%q`, `VOLUME [/data]` via `%v`), with ` # buildkit` appended
 * for the steps that run in the solver (RUN, COPY, ADD). ONBUILD writes no entry.
 *
 * Classic builder (moby daemon/builder/dockerfile): the command of the container it committed.
 * Metadata steps commit a no-op `[shell..., "#(nop) ", text]`, joined with spaces — hence the
 * two spaces in `/bin/sh -c #(nop)  ENV K=V` (`withCmdComment`). WORKDIR, COPY and ADD use the
 * older single-argument form `#(nop) WORKDIR /app` (`withCmdCommentString`), and COPY/ADD name
 * a content hash instead of the sources, with a trailing space: `#(nop) COPY file:<hex> in /app `.
 */

export interface CreatedByContext {
  /** The image's SHELL (`Config.Shell`) at this step; `/bin/sh -c` when unset. */
  readonly shell?: readonly string[];
}

/** BuildKit `runCommandString`: `|N K=V ...` first, one entry per key (a later value wins). */
function buildkitArgs(args: readonly BuildArgValue[]): string[] {
  const order: string[] = [];
  const values = new Map<string, string>();
  for (const { key, value } of args) {
    if (!values.has(key)) order.push(key);
    values.set(key, value);
  }
  const env = order.map((k) => `${k}=${values.get(k) ?? ''}`);
  return env.length === 0 ? [] : [`|${env.length}`, ...env];
}

/** Classic `prependEnvOnCmd`: the same prefix, sorted (`sort.Strings`). */
function classicArgs(args: readonly BuildArgValue[]): string[] {
  const env = args.map(({ key, value }) => `${key}=${value}`).sort(compareGoStrings);
  return env.length === 0 ? [] : [`|${env.length}`, ...env];
}

const pairs = (list: ReadonlyArray<readonly [string, string]>) => list.map(([k, v]) => ` ${k}=${v}`).join('');

/** The instruction text both builders share for metadata steps (no prefix, no suffix). */
function metadataText(step: HistoryStep, mode: BuilderMode, shell: readonly string[]): string {
  switch (step.kind) {
    case 'env':
      return `ENV${pairs(step.pairs)}`;
    case 'label':
      return `LABEL${pairs(step.pairs)}`;
    case 'arg':
      return `ARG ${step.args.map(({ key, value }) => (value === null ? key : `${key}=${value}`)).join(' ')}`;
    case 'cmd':
      return `CMD ${goQuoteList(commandArgv(step.command, shell))}`;
    case 'entrypoint':
      return `ENTRYPOINT ${goQuoteList(commandArgv(step.command, shell))}`;
    case 'expose':
      // BuildKit prints the parsed `[]string` with %v; the classic builder the words as given.
      return mode === 'buildkit' ? `EXPOSE ${goList(parseExposePorts(step.ports))}` : `EXPOSE ${step.ports.join(' ')}`;
    case 'volume':
      return `VOLUME ${goList(step.volumes)}`;
    case 'user':
      return `USER ${step.user}`;
    case 'stopsignal':
      return `STOPSIGNAL ${step.signal}`;
    case 'shell':
      return `SHELL ${goList(step.shell)}`;
    case 'healthcheck':
      return `HEALTHCHECK ${goQuoteHealthcheck(step.healthcheck)}`;
    case 'maintainer':
      return `MAINTAINER ${step.maintainer}`;
    case 'onbuild':
      return `ONBUILD ${step.expression}`;
    case 'workdir':
      return `WORKDIR ${step.path}`;
    case 'run':
    case 'copy':
    case 'add':
      throw new RangeError(`${step.kind} is not a metadata step`);
  }
}

function copyFlags(step: Extract<HistoryStep, { kind: 'copy' | 'add' }>): string {
  let flags = step.parents === true ? ' --parents' : '';
  if (step.chown) flags += ` --chown=${step.chown}`;
  if (step.chmod) flags += ` --chmod=${step.chmod}`;
  return flags;
}

function buildkitCreatedBy(step: HistoryStep, shell: readonly string[]): string | null {
  switch (step.kind) {
    case 'run':
      return `RUN ${[...buildkitArgs(step.buildArgs ?? []), ...commandArgv(step.command, shell)].join(' ')} # buildkit`;
    case 'copy':
    case 'add': {
      const sources = [...step.sources, ...(step.heredocs ?? []).map((h) => `<<${h}`)];
      const name = step.kind === 'copy' ? 'COPY' : 'ADD';
      return `${name}${copyFlags(step)} ${[...sources, step.destination].join(' ')} # buildkit`;
    }
    case 'onbuild':
      return null; // dispatchOnbuild only appends to Config.OnBuild
    default:
      return metadataText(step, 'buildkit', shell);
  }
}

function classicCreatedBy(step: HistoryStep, shell: readonly string[]): string {
  const nop = (text: string) => [...shell, '#(nop) ', text].join(' ');
  const nopSingle = (text: string) => [...shell, `#(nop) ${text}`].join(' ');
  switch (step.kind) {
    case 'run':
      return [...classicArgs(step.buildArgs ?? []), ...commandArgv(step.command, shell)].join(' ');
    case 'copy':
    case 'add': {
      if (step.sourceHash === undefined) throw new RangeError('the classic builder names COPY/ADD sources by hash');
      // performCopy: `--chown=%s` runs straight into the hash, without a space.
      const chown = step.chown ? `--chown=${step.chown}` : '';
      return nopSingle(`${step.kind === 'copy' ? 'COPY' : 'ADD'} ${chown}${step.sourceHash} in ${step.destination} `);
    }
    case 'workdir':
      return nopSingle(`WORKDIR ${step.path}`);
    case 'shell':
      // dispatchShell sets the new SHELL before committing, so the no-op runs in it.
      return [...step.shell, '#(nop) ', metadataText(step, 'classic', shell)].join(' ');
    default:
      return nop(metadataText(step, 'classic', shell));
  }
}

/** The `created_by` text of a step, or null when the builder writes no history entry. */
export function createdBy(step: HistoryStep, mode: BuilderMode, context: CreatedByContext = {}): string | null {
  const shell = context.shell !== undefined && context.shell.length > 0 ? context.shell : DEFAULT_SHELL;
  return mode === 'buildkit' ? buildkitCreatedBy(step, shell) : classicCreatedBy(step, shell);
}

export interface HistoryEntryOptions extends CreatedByContext {
  /** RFC 3339 time of the step (the build's simulated clock or SOURCE_DATE_EPOCH). */
  readonly created?: string;
  /** For `if-changed` steps (classic builder): whether the layer diff is non-empty. */
  readonly changed?: boolean;
  /** Classic builder: the image author so far (MAINTAINER), copied onto each entry. */
  readonly author?: string;
}

/**
 * The history entry a step adds, or null (BuildKit ONBUILD). `empty_layer` follows
 * `layerRule`; BuildKit entries carry the `buildkit.dockerfile.v0` comment.
 */
export function createHistoryEntry(step: HistoryStep, mode: BuilderMode, options: HistoryEntryOptions = {}): HistoryEntry | null {
  const text = createdBy(step, mode, options);
  if (text === null) return null;
  const rule = layerRule(step, mode);
  const empty = rule === 'never' || (rule === 'if-changed' && options.changed !== true);
  return {
    ...(options.created !== undefined ? { created: options.created } : {}),
    created_by: text,
    ...(mode === 'classic' && options.author ? { author: options.author } : {}),
    ...(mode === 'buildkit' ? { comment: BUILDKIT_HISTORY_COMMENT } : {}),
    ...(empty ? { empty_layer: true } : {}),
  };
}
