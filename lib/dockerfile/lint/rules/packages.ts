/**
 * Which OS packages a command installs, for the Layerlab rules about what ends up in the final
 * image. Covers apt-get/apt, apk, yum/dnf/microdnf; version pins and architectures are dropped.
 */
import type { LintContext, StageInfo } from '../context';
import { argsNoFlags, cmdHasArgs, dropFlagValues } from '../shell/command-args';
import type { ShellCommand, ShellWord } from '../shell/parse-shell';

export interface InstalledPackage {
  word: ShellWord;
  /** The bare package name: `vim` for `vim=2:9.0-1`, `gcc` for `gcc~=12`. */
  name: string;
}

const INSTALLERS: Array<{ tools: string[]; sub: string; valueFlags: string[] }> = [
  { tools: ['apt-get', 'apt'], sub: 'install', valueFlags: ['t', 'target-release', 'o'] },
  { tools: ['apk'], sub: 'add', valueFlags: ['t', 'virtual', 'repository', 'X'] },
  { tools: ['yum', 'dnf', 'microdnf'], sub: 'install', valueFlags: [] },
];

export function installedPackages(cmd: ShellCommand): InstalledPackage[] {
  const installer = INSTALLERS.find((i) => i.tools.some((t) => cmdHasArgs(cmd, t, [i.sub])));
  if (!installer) return [];
  return argsNoFlags(dropFlagValues(cmd.args, installer.valueFlags))
    .filter((w) => w.value !== installer.sub)
    .map((word) => ({ word, name: word.value.split(/[=~<>:]/)[0]?.toLowerCase() ?? '' }));
}

/** The same RUN removes what it installed (`apk del .build-deps`, `apt-get purge -y gcc`). */
export function removesPackages(cmd: ShellCommand): boolean {
  return (
    cmdHasArgs(cmd, 'apt-get', ['purge', 'remove', 'autoremove']) ||
    cmdHasArgs(cmd, 'apt', ['purge', 'remove', 'autoremove']) ||
    cmdHasArgs(cmd, 'apk', ['del']) ||
    ['yum', 'dnf', 'microdnf'].some((t) => cmdHasArgs(cmd, t, ['remove', 'erase']))
  );
}

/** The stages whose layers make up the final image: the last stage and the stages it is built FROM. */
export function finalImageStages(ctx: LintContext): Set<StageInfo> {
  return ctx.memo('final-image-stages', () => {
    const out = new Set<StageInfo>();
    for (let s = ctx.finalStage; s && !out.has(s); s = s.parent ?? undefined) out.add(s);
    return out;
  });
}
