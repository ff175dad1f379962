/**
 * Short docs for every Dockerfile instruction and flag, shown on hover and in completions.
 * Written for students of the material (what it does to the image, whether it adds a layer),
 * following BuildKit's behaviour as the engine models it (reference/docker-semantics.md §1.5, §2a–2c).
 */

export interface FlagDoc {
  /** How it is written, e.g. `--from=<stage|image>`. */
  syntax: string;
  summary: string;
  /** Values offered after `=` in completions. */
  values?: readonly string[];
}

export interface InstructionDoc {
  syntax: string;
  summary: string;
  /** Whether the step adds a filesystem layer (RUN, COPY, ADD, WORKDIR) or only edits the config. */
  layer: 'layer' | 'config' | 'stage';
  flags: Readonly<Record<string, FlagDoc>>;
}

const PLATFORMS = ['linux/amd64', 'linux/arm64', 'linux/arm/v7', '$BUILDPLATFORM', '$TARGETPLATFORM'];

const CHOWN: FlagDoc = { syntax: '--chown=<user>[:<group>]', summary: 'Owner of the copied files in the image (default root:root). Names are looked up in the image\'s /etc/passwd and /etc/group.' };
const CHMOD: FlagDoc = { syntax: '--chmod=<mode>', summary: 'Permission bits of the copied files, e.g. `755`, instead of the modes they have in the context.' };
const LINK: FlagDoc = { syntax: '--link', summary: 'Copy into a layer of its own that does not depend on the layers below, so changing an earlier step does not invalidate it.' };
const EXCLUDE: FlagDoc = { syntax: '--exclude=<pattern>', summary: 'Skip source paths matching the pattern (same syntax as .dockerignore). May be given more than once.' };

export const INSTRUCTION_DOCS: Readonly<Record<string, InstructionDoc>> = {
  FROM: {
    syntax: 'FROM [--platform=<platform>] <image>[:<tag>|@<digest>] [AS <name>]',
    summary:
      'Starts a build stage on a base image: its layers become the bottom of yours. `AS name` names the stage for `COPY --from` and `--target`; a later `FROM name` continues from that stage. `FROM scratch` starts empty.',
    layer: 'stage',
    flags: { platform: { syntax: '--platform=<os/arch>', summary: 'Pick one platform of a multi-platform base image, e.g. `linux/arm64`.', values: PLATFORMS } },
  },
  RUN: {
    syntax: 'RUN [--mount=...] <command>  |  RUN ["exe", "arg"]',
    summary:
      'Runs a command in the image being built and keeps what it changed as a new layer. Shell form runs through `/bin/sh -c`. Files deleted by a later RUN still take space in this layer, so install and clean up in the same RUN.',
    layer: 'layer',
    flags: {
      mount: {
        syntax: '--mount=type=cache|bind|secret|tmpfs,target=<path>[,...]',
        summary: 'Mounts something for this RUN only. `type=cache` keeps a package cache between builds without putting it in the image.',
        values: ['type=cache,target=/root/.cache/pip', 'type=cache,target=/var/cache/apt', 'type=bind,source=.,target=/src', 'type=secret,id=', 'type=tmpfs,target=/tmp'],
      },
      network: { syntax: '--network=default|none|host', summary: 'Network access of the command: `none` cuts it off, which proves a step does not download anything.', values: ['default', 'none', 'host'] },
      security: { syntax: '--security=sandbox|insecure', summary: 'Run with extra privileges (`insecure` needs the builder to allow it).', values: ['sandbox', 'insecure'] },
      device: { syntax: '--device=<name>', summary: 'Expose a CDI device to the command (experimental in BuildKit).' },
    },
  },
  CMD: {
    syntax: 'CMD ["exe", "arg"]  |  CMD <command>',
    summary:
      'The default command of a container (or the default arguments of ENTRYPOINT). Only the last CMD counts; `docker run IMAGE other` replaces it. Prefer the JSON form so signals reach your process.',
    layer: 'config',
    flags: {},
  },
  ENTRYPOINT: {
    syntax: 'ENTRYPOINT ["exe", "arg"]  |  ENTRYPOINT <command>',
    summary: 'The executable a container always runs; CMD and `docker run` arguments are appended to it in JSON form. Only the last ENTRYPOINT counts.',
    layer: 'config',
    flags: {},
  },
  COPY: {
    syntax: 'COPY [--from=<stage>] [--chown=...] [--chmod=...] [--link] <src>... <dest>',
    summary:
      'Copies files from the build context (or from another stage with `--from`) into a new layer. The cache key is the content of the files, so copy dependency manifests before the source to keep the install step cached.',
    layer: 'layer',
    flags: {
      from: { syntax: '--from=<stage|index|image>', summary: 'Copy from an earlier build stage (by name or 0-based index) or from an image instead of the context: the heart of multi-stage builds.' },
      chown: CHOWN,
      chmod: CHMOD,
      link: LINK,
      parents: { syntax: '--parents', summary: 'Keep the source paths\' parent directories below the destination.' },
      exclude: EXCLUDE,
    },
  },
  ADD: {
    syntax: 'ADD [--chown=...] [--checksum=...] <src>... <dest>',
    summary: 'Like COPY, but also fetches URLs and git repositories and unpacks local tar archives. Use COPY unless you need one of those.',
    layer: 'layer',
    flags: {
      chown: CHOWN,
      chmod: CHMOD,
      link: LINK,
      'keep-git-dir': { syntax: '--keep-git-dir', summary: 'Keep the `.git` directory when adding a git repository.' },
      checksum: { syntax: '--checksum=sha256:<hex>', summary: 'Verify a downloaded file against this digest.' },
      unpack: { syntax: '--unpack[=true|false]', summary: 'Whether a tar archive is unpacked (local archives are by default, URLs are not).', values: ['true', 'false'] },
      exclude: EXCLUDE,
    },
  },
  ENV: {
    syntax: 'ENV <key>=<value> ...',
    summary: 'Sets environment variables for the following instructions and for containers of the image. Stored in the config, no layer. Unlike ARG it stays in the image.',
    layer: 'config',
    flags: {},
  },
  ARG: {
    syntax: 'ARG <name>[=<default>]',
    summary:
      'Declares a build argument (`docker build --build-arg name=value`). Before the first FROM it is global and usable only in FROM lines; inside a stage it exists from this line on. ARG values are not kept in the image config.',
    layer: 'config',
    flags: {},
  },
  LABEL: {
    syntax: 'LABEL <key>=<value> ...',
    summary: 'Adds metadata to the image config (`docker inspect` shows it). No layer.',
    layer: 'config',
    flags: {},
  },
  EXPOSE: {
    syntax: 'EXPOSE <port>[/tcp|/udp] ...',
    summary: 'Documents the ports the application listens on. It publishes nothing: `docker run -p` does that.',
    layer: 'config',
    flags: {},
  },
  WORKDIR: {
    syntax: 'WORKDIR <path>',
    summary: 'Sets the working directory for the following instructions and for containers, creating it if needed. Relative paths build on the previous WORKDIR.',
    layer: 'layer',
    flags: {},
  },
  USER: {
    syntax: 'USER <user>[:<group>]',
    summary: 'The user the following RUN steps and the container run as. Running as a non-root user limits what a compromised process can do.',
    layer: 'config',
    flags: {},
  },
  VOLUME: {
    syntax: 'VOLUME ["/path", ...]',
    summary: 'Marks paths whose data lives outside the container\'s writable layer. Changes a RUN makes to them after this line are discarded.',
    layer: 'config',
    flags: {},
  },
  SHELL: {
    syntax: 'SHELL ["exe", "arg"]',
    summary: 'Replaces the shell used by shell-form RUN, CMD and ENTRYPOINT (default `["/bin/sh", "-c"]`).',
    layer: 'config',
    flags: {},
  },
  STOPSIGNAL: {
    syntax: 'STOPSIGNAL <signal>',
    summary: 'The signal `docker stop` sends to the container\'s main process (default SIGTERM).',
    layer: 'config',
    flags: {},
  },
  HEALTHCHECK: {
    syntax: 'HEALTHCHECK [--interval=...] CMD <command>  |  HEALTHCHECK NONE',
    summary: 'A command Docker runs periodically to tell whether the container is healthy. `NONE` turns off a check inherited from the base image.',
    layer: 'config',
    flags: {
      interval: { syntax: '--interval=<duration>', summary: 'Time between checks (default 30s).', values: ['30s', '1m'] },
      timeout: { syntax: '--timeout=<duration>', summary: 'A check taking longer counts as failed (default 30s).', values: ['3s', '10s'] },
      'start-period': { syntax: '--start-period=<duration>', summary: 'Start-up time during which failures do not count (default 0s).', values: ['5s', '30s'] },
      'start-interval': { syntax: '--start-interval=<duration>', summary: 'Time between checks during the start period (default 5s).', values: ['5s'] },
      retries: { syntax: '--retries=<n>', summary: 'Consecutive failures before the container is unhealthy (default 3).', values: ['3'] },
    },
  },
  ONBUILD: {
    syntax: 'ONBUILD <instruction>',
    summary: 'Stores an instruction that runs when another Dockerfile builds FROM this image, not in this build.',
    layer: 'config',
    flags: {},
  },
  MAINTAINER: {
    syntax: 'MAINTAINER <name>',
    summary: 'Deprecated: sets the image\'s author field. Use `LABEL org.opencontainers.image.authors="..."` instead.',
    layer: 'config',
    flags: {},
  },
};

const LAYER_NOTE: Record<InstructionDoc['layer'], string> = {
  layer: 'Adds a layer.',
  config: 'Changes only the image config: no layer.',
  stage: 'Starts a new stage.',
};

/** Markdown for a hover or a completion's documentation. */
export function instructionMarkdown(keyword: string): string | null {
  const doc = INSTRUCTION_DOCS[keyword.toUpperCase()];
  if (doc === undefined) return null;
  return `\`\`\`dockerfile\n${doc.syntax}\n\`\`\`\n\n${doc.summary}\n\n*${LAYER_NOTE[doc.layer]}*`;
}

export function flagDoc(keyword: string, flag: string): FlagDoc | undefined {
  return INSTRUCTION_DOCS[keyword.toUpperCase()]?.flags[flag];
}

export function flagMarkdown(keyword: string, flag: string): string | null {
  const doc = flagDoc(keyword, flag);
  return doc === undefined ? null : `\`${doc.syntax}\` (${keyword.toUpperCase()})\n\n${doc.summary}`;
}
