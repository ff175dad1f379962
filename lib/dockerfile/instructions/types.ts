/**
 * Typed, validated instructions (BuildKit `frontend/dockerfile/instructions`).
 * Values are as written (not yet expanded): expansion happens at build time with the
 * ARG/ENV state of the stage, see `../expand`.
 */
import type { Heredoc, InstructionNode, Range, Word } from '../ast';

/** Shell form (`RUN echo hi`) or exec form (`RUN ["echo", "hi"]`). */
export type CommandLine =
  | { form: 'shell'; text: string; range: Range }
  | { form: 'exec'; args: string[]; range: Range };

export interface KeyValue {
  key: string;
  value: string;
  /** False for the legacy `ENV KEY value` form. */
  equals: boolean;
  keyRange: Range;
  valueRange: Range;
}

interface Base {
  /** 1-based line of the keyword. */
  line: number;
  range: Range;
  /** The parser node it came from (raw flags, comments, casing). */
  node: InstructionNode;
}

export interface FromInstruction extends Base {
  kind: 'from';
  /** The base image reference as written, e.g. `python:3.9-slim` or `${BASE}`. */
  image: Word;
  /** Lower-cased stage name after `AS`, or null. */
  stageName: Word | null;
  platform: string | null;
}

export interface RunInstruction extends Base {
  kind: 'run';
  command: CommandLine;
  /** Raw `--mount` values, e.g. `type=cache,target=/root/.cache/pip`. */
  mounts: string[];
  network: string | null;
  security: string | null;
  devices: string[];
  heredocs: Heredoc[];
}

export interface CmdInstruction extends Base {
  kind: 'cmd';
  command: CommandLine;
}

export interface EntrypointInstruction extends Base {
  kind: 'entrypoint';
  command: CommandLine;
}

export interface ShellInstruction extends Base {
  kind: 'shell';
  shell: string[];
}

export interface CopyInstruction extends Base {
  kind: 'copy';
  sources: Word[];
  destination: Word;
  from: string | null;
  chown: string | null;
  chmod: string | null;
  link: boolean;
  parents: boolean;
  exclude: string[];
  heredocs: Heredoc[];
}

export interface AddInstruction extends Base {
  kind: 'add';
  sources: Word[];
  destination: Word;
  chown: string | null;
  chmod: string | null;
  link: boolean;
  keepGitDir: boolean;
  checksum: string | null;
  unpack: boolean | null;
  exclude: string[];
  heredocs: Heredoc[];
}

export interface EnvInstruction extends Base {
  kind: 'env';
  pairs: KeyValue[];
}

export interface LabelInstruction extends Base {
  kind: 'label';
  pairs: KeyValue[];
}

export interface ArgDeclaration {
  key: string;
  /** null for `ARG NAME` without a default. */
  value: string | null;
  range: Range;
}

export interface ArgInstruction extends Base {
  kind: 'arg';
  args: ArgDeclaration[];
}

export interface ExposeInstruction extends Base {
  kind: 'expose';
  ports: Word[];
}

export interface UserInstruction extends Base {
  kind: 'user';
  user: Word;
}

export interface WorkdirInstruction extends Base {
  kind: 'workdir';
  path: Word;
}

export interface VolumeInstruction extends Base {
  kind: 'volume';
  volumes: Word[];
}

export interface StopsignalInstruction extends Base {
  kind: 'stopsignal';
  signal: Word;
}

export interface HealthcheckInstruction extends Base {
  kind: 'healthcheck';
  /** `HEALTHCHECK NONE` disables a check inherited from the base image. */
  test: { type: 'none' } | { type: 'cmd'; command: CommandLine };
  /** Durations as written (`30s`), validated; null when not given. */
  interval: string | null;
  timeout: string | null;
  startPeriod: string | null;
  startInterval: string | null;
  retries: number | null;
}

export interface OnbuildInstruction extends Base {
  kind: 'onbuild';
  /** The trigger as the image config stores it, e.g. `RUN echo hi`. */
  expression: string;
  /**
   * The trigger parsed as an instruction. Docker only validates triggers when a child image
   * is built, so a trigger it would reject later (e.g. `ONBUILD FOO`) is kept as null here.
   */
  trigger: Instruction | null;
}

export interface MaintainerInstruction extends Base {
  kind: 'maintainer';
  maintainer: string;
}

export type Instruction =
  | FromInstruction
  | RunInstruction
  | CmdInstruction
  | EntrypointInstruction
  | ShellInstruction
  | CopyInstruction
  | AddInstruction
  | EnvInstruction
  | LabelInstruction
  | ArgInstruction
  | ExposeInstruction
  | UserInstruction
  | WorkdirInstruction
  | VolumeInstruction
  | StopsignalInstruction
  | HealthcheckInstruction
  | OnbuildInstruction
  | MaintainerInstruction;

export type InstructionKind = Instruction['kind'];

export interface Stage {
  /** Position among the stages, 0-based (what `COPY --from=0` refers to). */
  index: number;
  /** Lower-cased name after `AS`, or null. */
  name: string | null;
  from: FromInstruction;
  /** Instructions after FROM, up to the next FROM. */
  commands: Instruction[];
}

export interface Instructions {
  /** ARG instructions before the first FROM (global scope, usable in FROM lines). */
  metaArgs: ArgInstruction[];
  stages: Stage[];
}
