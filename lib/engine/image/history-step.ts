import type { HealthConfig } from './config-types';

/**
 * What one Dockerfile instruction contributes to an image's history, as plain data: the
 * instruction kind and its values *after* expansion (the build resolves ARG/ENV, WORKDIR
 * against the previous one, copy sources...). `createdBy` turns it into Docker's text.
 */

export type BuilderMode = 'buildkit' | 'classic';

/** Shell form (`RUN echo hi`, run through the image's SHELL) or exec form (`RUN ["echo", "hi"]`). */
export type CommandForm =
  | { readonly form: 'shell'; readonly text: string }
  | { readonly form: 'exec'; readonly args: readonly string[] };

/** A build argument as it is put in front of RUN's history line (`|2 A=1 B=2`). */
export interface BuildArgValue {
  readonly key: string;
  /**
   * The value the command sees. BuildKit looks the key up in the step's environment first, so
   * an ENV of the same name wins over the ARG's value.
   */
  readonly value: string;
}

export type HistoryStep =
  | {
      readonly kind: 'run';
      readonly command: CommandForm;
      /**
       * BuildKit: the stage's ARGs in declaration order. Classic builder: the build args it
       * passes to the container (`FilterAllowed`, minus unreferenced built-ins); sorted here.
       */
      readonly buildArgs?: readonly BuildArgValue[];
    }
  | {
      readonly kind: 'copy' | 'add';
      /** Source paths as written (after expansion). */
      readonly sources: readonly string[];
      /** Heredoc sources' names (`<<EOF` shows as `<<EOF`), listed after the paths. */
      readonly heredocs?: readonly string[];
      /** Destination as written (`.`, `/app/`), not resolved. */
      readonly destination: string;
      readonly chown?: string;
      readonly chmod?: string;
      readonly parents?: boolean;
      /** Classic builder only: `file:<hex>`, `dir:<hex>` or `multi:<hex>` of the copied content. */
      readonly sourceHash?: string;
    }
  | {
      readonly kind: 'workdir';
      /** The resolved absolute working directory. */
      readonly path: string;
    }
  | { readonly kind: 'env' | 'label'; readonly pairs: ReadonlyArray<readonly [string, string]> }
  | {
      readonly kind: 'arg';
      /** BuildKit: the effective value (build-arg, expanded default, or global); null when unset. */
      readonly args: ReadonlyArray<{ readonly key: string; readonly value: string | null }>;
    }
  | { readonly kind: 'cmd' | 'entrypoint'; readonly command: CommandForm }
  | {
      readonly kind: 'expose';
      /** The expanded words, e.g. `80`, `443/tcp`, `8000-8002`. */
      readonly ports: readonly string[];
    }
  | { readonly kind: 'volume'; readonly volumes: readonly string[] }
  | { readonly kind: 'user'; readonly user: string }
  | { readonly kind: 'stopsignal'; readonly signal: string }
  | { readonly kind: 'shell'; readonly shell: readonly string[] }
  | { readonly kind: 'healthcheck'; readonly healthcheck: HealthConfig }
  | { readonly kind: 'maintainer'; readonly maintainer: string }
  | { readonly kind: 'onbuild'; readonly expression: string };

export type HistoryStepKind = HistoryStep['kind'];

/** The default SHELL on Linux (`defaultShell()` / moby `getShell`). */
export const DEFAULT_SHELL: readonly string[] = ['/bin/sh', '-c'];

/** `withShell`: a shell-form command runs as `[...shell, text]`; exec form as written. */
export function commandArgv(command: CommandForm, shell: readonly string[] = DEFAULT_SHELL): string[] {
  return command.form === 'shell' ? [...shell, command.text] : [...command.args];
}

/**
 * Whether a step writes a layer. BuildKit: RUN/COPY/ADD always (an unchanged filesystem gives an
 * empty tar), WORKDIR unless it is `/`. Classic builder: RUN/COPY/ADD/WORKDIR only when the
 * container's diff is not empty (moby `NewChildImage`: `EmptyLayer: layer.IsEmpty(diffID)`).
 */
export type LayerRule = 'always' | 'never' | 'if-changed';

export function layerRule(step: HistoryStep, mode: BuilderMode): LayerRule {
  switch (step.kind) {
    case 'run':
    case 'copy':
    case 'add':
      return mode === 'buildkit' ? 'always' : 'if-changed';
    case 'workdir':
      if (mode === 'classic') return 'if-changed';
      return step.path === '/' ? 'never' : 'always';
    default:
      return 'never';
  }
}
