import type { InstructionNode, Range, Word } from '../ast';
import { boolFlag, FlagError, listFlag, parseFlags, stringFlag, type FlagSpec, type ParsedFlags } from './flags';
import { parseGoDuration } from './go-duration';
import { validateExposePort } from './expose';
import { atLeastOne, InstructionError, noDestination } from './instruction-error';
import { withSuggestion } from './suggest';
import type { CommandLine, Instruction, KeyValue } from './types';

/** Every instruction keyword, upper-case (BuildKit `command.Commands`), in a fixed order. */
export const INSTRUCTION_NAMES = [
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
] as const;

/** Flags each instruction accepts (BuildKit `instructions/parse.go`, Dockerfile 1.x stable). */
export const INSTRUCTION_FLAGS: Readonly<Record<string, FlagSpec>> = {
  from: { platform: 'string' },
  run: { mount: 'strings', network: 'string', security: 'string', device: 'strings' },
  copy: { from: 'string', chown: 'string', chmod: 'string', link: 'bool', parents: 'bool', exclude: 'strings' },
  add: {
    chown: 'string', chmod: 'string', link: 'bool', 'keep-git-dir': 'bool', checksum: 'string',
    unpack: 'bool', exclude: 'strings',
  },
  healthcheck: { interval: 'string', timeout: 'string', 'start-period': 'string', 'start-interval': 'string', retries: 'string' },
};

const VALID_STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;
/** BuildKit's `parser.MustParseHeredoc` word shape: `<<EOF`, `<<-EOF`, `3<<"EOF"`. */
const HEREDOC_WORD = /^(\d*)<<(-?)\s*([^<]*)$/;

/** BuildKit `instructions.ParseInstruction`, minus the location wrapper (added by the caller). */
export function parseInstruction(node: InstructionNode): Instruction {
  // Plain object literals, no spreads: V8 builds spread literals on a slow generic path, and this
  // runs for every instruction on every keystroke in the editor.
  const line = node.range.start.line;
  const range = node.range;
  const args = node.args;
  // `flagsOf(node, ...)`, not a closure or `bind` over node (per instruction, per keystroke;
  // `bind` is slow when keepNames redefined the function's `name`, as under tsx).
  switch (node.keyword) {
    case 'from': {
      const stageName = parseStageName(args, node);
      const f = flagsOf(node, 'from');
      return { kind: 'from', line, range, node, image: args[0] as Word, stageName, platform: stringFlag(f, 'platform') };
    }
    case 'run': {
      const f = flagsOf(node, 'run');
      return {
        kind: 'run', line, range, node, command: commandLine(node), mounts: listFlag(f, 'mount'),
        network: stringFlag(f, 'network'), security: stringFlag(f, 'security'), devices: listFlag(f, 'device'),
        heredocs: node.heredocs,
      };
    }
    case 'cmd':
      flagsOf(node, 'cmd');
      return { kind: 'cmd', line, range, node, command: commandLine(node) };
    case 'entrypoint':
      flagsOf(node, 'entrypoint');
      return { kind: 'entrypoint', line, range, node, command: commandLine(node) };
    case 'shell': {
      flagsOf(node, 'shell');
      if (args.length === 0) throw new InstructionError('SHELL requires at least one argument');
      if (!node.json) throw new InstructionError('SHELL requires the arguments to be in JSON form');
      return { kind: 'shell', line, range, node, shell: args.map(wordValue) };
    }
    case 'copy': {
      if (args.length < 2) throw noDestination('COPY');
      const f = flagsOf(node, 'copy');
      const { sources, destination } = sourcesAndDest(node, 'COPY');
      return {
        kind: 'copy', line, range, node, sources, destination, from: stringFlag(f, 'from'), chown: stringFlag(f, 'chown'),
        chmod: stringFlag(f, 'chmod'), link: boolFlag(f, 'link'), parents: boolFlag(f, 'parents'),
        exclude: listFlag(f, 'exclude'), heredocs: node.heredocs,
      };
    }
    case 'add': {
      if (args.length < 2) throw noDestination('ADD');
      const f = flagsOf(node, 'add');
      const { sources, destination } = sourcesAndDest(node, 'ADD');
      return {
        kind: 'add', line, range, node, sources, destination, chown: stringFlag(f, 'chown'), chmod: stringFlag(f, 'chmod'),
        link: boolFlag(f, 'link'), keepGitDir: boolFlag(f, 'keep-git-dir'), checksum: stringFlag(f, 'checksum'),
        unpack: f.used.has('unpack') ? boolFlag(f, 'unpack') : null, exclude: listFlag(f, 'exclude'),
        heredocs: node.heredocs,
      };
    }
    case 'env':
      flagsOf(node, 'env');
      return { kind: 'env', line, range, node, pairs: keyValues(args, 'ENV') };
    case 'label':
      flagsOf(node, 'label');
      return { kind: 'label', line, range, node, pairs: keyValues(args, 'LABEL') };
    case 'arg': {
      if (args.length === 0) throw atLeastOne('ARG');
      flagsOf(node, 'arg');
      return {
        kind: 'arg', line, range, node,
        args: args.map((word) => {
          const eq = word.value.indexOf('=');
          if (eq === 0) throw new InstructionError('ARG names can not be blank', word.range);
          return eq < 0
            ? { key: word.value, value: null, range: word.range }
            : { key: word.value.slice(0, eq), value: word.value.slice(eq + 1), range: word.range };
        }),
      };
    }
    case 'expose': {
      if (args.length === 0) throw atLeastOne('EXPOSE');
      flagsOf(node, 'expose');
      for (const port of args) {
        // A variable is only known at build time; the build checks the expanded value.
        if (port.value.includes('$')) continue;
        const problem = validateExposePort(port.value);
        if (problem !== null) throw new InstructionError(problem, port.range);
      }
      return { kind: 'expose', line, range, node, ports: args };
    }
    case 'user':
      return { kind: 'user', line, range, node, user: exactlyOne(node, 'USER') };
    case 'workdir':
      return { kind: 'workdir', line, range, node, path: exactlyOne(node, 'WORKDIR') };
    case 'stopsignal':
      return { kind: 'stopsignal', line, range, node, signal: exactlyOne(node, 'STOPSIGNAL') };
    case 'maintainer':
      return { kind: 'maintainer', line, range, node, maintainer: exactlyOne(node, 'MAINTAINER').value };
    case 'volume': {
      if (args.length === 0) throw atLeastOne('VOLUME');
      flagsOf(node, 'volume');
      const volumes = args.map((word) => ({ ...word, value: word.value.trim() }));
      const empty = volumes.find((v) => v.value === '');
      if (empty) throw new InstructionError('VOLUME specified can not be an empty string', empty.range);
      return { kind: 'volume', line, range, node, volumes };
    }
    case 'healthcheck':
      return parseHealthcheck(node);
    case 'onbuild':
      return parseOnbuild(node);
    default:
      throw new InstructionError(
        withSuggestion(`unknown instruction: ${node.rawKeyword}`, node.rawKeyword, INSTRUCTION_NAMES, false),
        node.keywordRange,
      );
  }
}

const NO_FLAGS: FlagSpec = {};

function flagsOf(node: InstructionNode, keyword: string): ParsedFlags {
  return parseFlags(node.flags, INSTRUCTION_FLAGS[keyword] ?? NO_FLAGS);
}

function wordValue(word: Word): string {
  return word.value;
}

function parseStageName(args: readonly Word[], node: InstructionNode): Word | null {
  const as = args[1];
  const name = args[2];
  if (args.length === 3 && as && name && as.value.toLowerCase() === 'as') {
    const lower = name.value.toLowerCase();
    if (!VALID_STAGE_NAME.test(lower)) {
      throw new InstructionError(
        `invalid name for build stage: ${JSON.stringify(name.value)}, name can't start with a number or contain symbols`,
        name.range,
      );
    }
    return { value: lower, range: name.range };
  }
  if (args.length !== 1) throw new InstructionError('FROM requires either one or three arguments', node.range);
  return null;
}

/** BuildKit `handleJSONArgs`: exec form keeps the array, shell form is the one joined string. */
function commandLine(node: InstructionNode): CommandLine {
  const range = argsRange(node);
  if (node.json) return { form: 'exec', args: node.args.map(wordValue), range };
  return { form: 'shell', text: node.args.map(wordValue).join(' '), range };
}

function argsRange(node: InstructionNode): Range {
  const first = node.args[0];
  const last = node.args[node.args.length - 1];
  return first && last ? { start: first.range.start, end: last.range.end } : { start: node.keywordRange.end, end: node.range.end };
}

function sourcesAndDest(node: InstructionNode, command: string): { sources: Word[]; destination: Word } {
  const destination = node.args[node.args.length - 1] as Word;
  if (HEREDOC_WORD.test(destination.value) && node.heredocs.length > 0) {
    throw new InstructionError(`${command} cannot accept a heredoc as a destination`, destination.range);
  }
  // Heredoc sources (`COPY <<EOF /dst`) are carried by `heredocs`; the rest are context paths.
  const sources = node.args
    .slice(0, -1)
    .filter((word) => !(node.heredocs.length > 0 && HEREDOC_WORD.test(word.value)));
  return { sources, destination };
}

/** ENV/LABEL arrive from the parser as (key, value, separator) triples: BuildKit `parseKvps`. */
function keyValues(args: readonly Word[], command: string): KeyValue[] {
  if (args.length === 0) throw atLeastOne(command);
  if (args.length % 3 !== 0) throw new InstructionError(`Bad input to ${command}, too many arguments`);
  const pairs: KeyValue[] = [];
  for (let i = 0; i < args.length; i += 3) {
    const key = args[i] as Word;
    const value = args[i + 1] as Word;
    const sep = args[i + 2] as Word;
    if (key.value === '') throw new InstructionError(`${command} names can not be blank`, key.range);
    pairs.push({ key: key.value, value: value.value, equals: sep.value === '=', keyRange: key.range, valueRange: value.range });
  }
  return pairs;
}

function exactlyOne(node: InstructionNode, command: string): Word {
  if (node.args.length !== 1) throw new InstructionError(`${command} requires exactly one argument`, node.range);
  flagsOf(node, node.keyword);
  return node.args[0] as Word;
}

function parseHealthcheck(node: InstructionNode): Instruction {
  const line = node.range.start.line;
  const range = node.range;
  const [typeWord, ...rest] = node.args;
  if (!typeWord) throw atLeastOne('HEALTHCHECK');
  const type = typeWord.value.toUpperCase();
  if (type === 'NONE') {
    if (rest.length !== 0) throw new InstructionError('HEALTHCHECK NONE takes no arguments', node.range);
    return { kind: 'healthcheck', line, range, node, test: { type: 'none' }, interval: null, timeout: null, startPeriod: null, startInterval: null, retries: null };
  }
  const f = parseFlags(node.flags, INSTRUCTION_FLAGS.healthcheck ?? {});
  if (type !== 'CMD') throw new InstructionError(`Unknown type ${JSON.stringify(type)} in HEALTHCHECK (try CMD)`, typeWord.range);
  if (rest.length === 0 || (!node.json && rest.every((w) => w.value === ''))) {
    throw new InstructionError('Missing command after HEALTHCHECK CMD', node.range);
  }
  const first = rest[0] as Word;
  const last = rest[rest.length - 1] as Word;
  const commandRange = { start: first.range.start, end: last.range.end };
  const command: CommandLine = node.json
    ? { form: 'exec', args: rest.map(wordValue), range: commandRange }
    : { form: 'shell', text: rest.map(wordValue).join(' '), range: commandRange };
  const retriesText = stringFlag(f, 'retries');
  let retries: number | null = null;
  if (retriesText !== null && retriesText !== '') {
    if (!/^[+-]?\d+$/.test(retriesText) || Math.abs(Number(retriesText)) > 2 ** 31 - 1) {
      throw new InstructionError(`strconv.ParseInt: parsing ${JSON.stringify(retriesText)}: invalid syntax`);
    }
    retries = Number(retriesText);
    if (retries < 0) throw new InstructionError(`--retries cannot be negative (${retries})`);
  }
  return {
    kind: 'healthcheck', line, range, node, test: { type: 'cmd', command },
    interval: interval(f, 'interval'), timeout: interval(f, 'timeout'),
    startPeriod: interval(f, 'start-period'), startInterval: interval(f, 'start-interval'), retries,
  };
}

/** BuildKit `parseOptInterval`: a Go duration, 0 meaning "default", else at least 1ms. */
function interval(flags: ParsedFlags, name: string): string | null {
  const text = stringFlag(flags, name);
  if (text === null || text === '') return null;
  const parsed = parseGoDuration(text);
  if (!parsed.ok) throw new InstructionError(parsed.message);
  if (parsed.nanos !== 0 && parsed.nanos < 1e6) throw new InstructionError(`Interval "${name}" cannot be less than 1ms`);
  return text;
}

function parseOnbuild(node: InstructionNode): Instruction {
  const line = node.range.start.line;
  const range = node.range;
  const child = node.child;
  if (!child) throw atLeastOne('ONBUILD');
  const trigger = child.keyword.toUpperCase();
  if (trigger === 'ONBUILD') throw new InstructionError('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed', child.keywordRange);
  if (trigger === 'MAINTAINER' || trigger === 'FROM') {
    throw new InstructionError(`${trigger} isn't allowed as an ONBUILD trigger`, child.keywordRange);
  }
  let expression = node.original.replace(/^\s*ONBUILD\s*/i, '');
  // The parser may attach the bodies to the ONBUILD node or to its trigger: accept either.
  const heredocs = node.heredocs.length > 0 ? node.heredocs : child.heredocs;
  for (const heredoc of heredocs) expression += `\n${heredoc.content}${heredoc.name}`;
  let parsedTrigger: Instruction | null = null;
  try {
    parsedTrigger = parseInstruction(child);
  } catch (error) {
    if (!(error instanceof InstructionError || error instanceof FlagError)) throw error;
  }
  return { kind: 'onbuild', line, range, node, expression, trigger: parsedTrigger };
}
