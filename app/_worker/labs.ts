import type { LabApi } from '@/app/_lib/engine/api';
import { openShellContext, type TerminalSession } from '@/lib/cli';
import type { Registries, Store } from '@/lib/engine';
import { buildLabImage, gradeLabAttempt, gradingFsOf, runLabScenario, type GradingContext } from '@/lib/grading';
import type { ShellFs } from '@/lib/shell';
import type { Sha256Factory } from '@/lib/util';
import type { Serialize } from './coordination';
import { replaceWorkspace, WORKSPACE } from './workspace-files';

/**
 * Labs in the playground (issue 7 item 3): `openLab` puts a lab's starter files in the workspace,
 * runs its setup lines in a fresh terminal and notes where the student's history starts;
 * `gradeLab` builds what the lab asks for and grades the store, that history, the workspace and
 * the build; `tryLab` runs the lab's starter or reference solution in a scratch engine (the
 * authoring page's "Run"). The open lab and its history mark live in the store's meta, so a
 * reload or another tab grades the same attempt.
 */
export const LAB_KEY = 'layerlab/lab';

interface LabMark {
  id: string;
  /** Length of the terminal history when the student started. */
  mark: number;
}

export interface LabHost {
  /** The workstation's store (writes tracked), the same store for bookkeeping, its registries and the workspace's files. */
  open(): Promise<{ store: Store; meta: Store; registries: Registries; workspace: ShellFs }>;
  session(): Promise<TerminalSession>;
  /** Ends the terminal session and forgets its saved history (a lab starts a fresh terminal). */
  resetTerminal(): Promise<void>;
  /** Runs a line in the terminal as if typed, saving its snapshot afterwards. */
  runLine(line: string): Promise<void>;
  /** Forgets which material example the workspace held: it now holds the lab's files. */
  forgetExample(): Promise<void>;
  /** Runs a writing operation: storage errors explained, views told what changed. */
  operation<T>(fn: () => Promise<T>): Promise<T>;
  serialize: Serialize;
  sha256: Sha256Factory;
  now(): number;
}

export function createLabs(host: LabHost): LabApi {
  const readMark = async (store: Store, id: string): Promise<number> => {
    const saved = (await store.get('meta', LAB_KEY)) as Partial<LabMark> | undefined;
    return saved?.id === id && typeof saved.mark === 'number' ? saved.mark : 0;
  };

  return {
    async openLab(lab) {
      await host.operation(() =>
        host.serialize(async () => {
          const { workspace } = await host.open();
          await host.resetTerminal();
          await replaceWorkspace(workspace, { ...lab.starter.files });
          await host.forgetExample();
        }),
      );
      // Setup lines start with a space: like a shell with HISTCONTROL=ignorespace, the terminal
      // keeps them out of the history the checks read. Their output is not shown. The starter's
      // own commands count as typed, as runLabScenario (and `layerlab content check`) plays them.
      for (const line of lab.setup) await host.runLine(` ${line}`);
      await host.operation(() =>
        host.serialize(async () => {
          const { meta } = await host.open();
          const mark: LabMark = { id: lab.id, mark: (await host.session()).history.length };
          await meta.write((tx) => tx.put('meta', LAB_KEY, mark));
        }),
      );
      for (const line of lab.starter.commands) await host.runLine(line);
    },

    gradeLab: (lab) =>
      host.operation(() =>
        host.serialize(async () => {
          const { store, meta, registries, workspace } = await host.open();
          const context = await openShellContext(workspace, WORKSPACE);
          const lastBuild = lab.build !== undefined ? await buildLabImage(lab.build, { store, context, sha256: host.sha256, now: host.now }) : undefined;
          const history = (await host.session()).history;
          const mark = await readMark(meta, lab.id);
          const ctx: GradingContext = {
            store,
            registries,
            // A history shorter than the mark was cut (its size is bounded): all of it is the student's.
            history: history.length >= mark ? history.slice(mark) : [...history],
            workspace: gradingFsOf(workspace, WORKSPACE),
            context,
            sha256: host.sha256,
            now: host.now(),
            ...(lastBuild !== undefined ? { lastBuild } : {}),
          };
          return gradeLabAttempt(lab, ctx);
        }),
      ),

    tryLab: (lab, which) => runLabScenario(lab, which, { sha256: host.sha256 }),
  };
}

