/**
 * The Dockerfile instruction behind a history `created_by`, as a user wrote it, from either
 * builder's form (lib/engine/image/created-by.ts writes them):
 * - BuildKit: `RUN /bin/sh -c apt-get update # buildkit`, `RUN |1 V=2 /bin/sh -c make # buildkit`,
 *   `COPY app.py . # buildkit`, `ENV A=1`, `CMD ["python" "app.py"]`;
 * - classic: `/bin/sh -c #(nop)  CMD ["nginx"]`, `/bin/sh -c #(nop) COPY file:ab12 in /app `,
 *   `/bin/sh -c apt-get update` (a RUN), `|1 V=2 /bin/sh -c make`.
 */

export interface InstructionText {
  /** `RUN`, `COPY`, `CMD`…; empty when the history has no text (an image built elsewhere). */
  keyword: string;
  /** `RUN apt-get update`, `COPY app.py .`, `CMD ["python" "app.py"]`. */
  text: string;
}

const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

const BUILDKIT_SUFFIX = ' # buildkit';
const NOP = /^[^#]*?#\(nop\) +/;
/** `|2 A=1 B=2 ` — the build arguments a RUN saw, before its command. */
const ARGS_PREFIX = /^\|(\d+) /;

/** `shell` is the image's SHELL (`Config.Shell`) when it has one; `/bin/sh -c` is always known. */
export function instructionOf(createdBy: string | undefined, shell?: readonly string[]): InstructionText {
  let text = (createdBy ?? '').trim();
  if (text === '') return { keyword: '', text: '' };
  if (text.endsWith(BUILDKIT_SUFFIX)) text = text.slice(0, -BUILDKIT_SUFFIX.length).trimEnd();
  const nop = NOP.exec(text);
  if (nop !== null) {
    // Classic metadata step; COPY/ADD name the sources by hash (`file:<hex> in /dest `).
    text = text.slice(nop[0].length).trim();
    return { keyword: keywordOf(text), text };
  }
  const first = text.split(' ', 1)[0] ?? '';
  if (KEYWORDS.has(first)) {
    if (first !== 'RUN') return { keyword: first, text };
    return { keyword: 'RUN', text: `RUN ${stripRunPrefix(text.slice(4), shell)}` };
  }
  // Classic RUN: the committed container's command line.
  return { keyword: 'RUN', text: `RUN ${stripRunPrefix(text, shell)}` };
}

function keywordOf(text: string): string {
  const first = text.split(' ', 1)[0] ?? '';
  return KEYWORDS.has(first) ? first : '';
}

function stripRunPrefix(command: string, shell: readonly string[] | undefined): string {
  const prefixes = ['/bin/sh -c ', ...(shell !== undefined && shell.length > 0 ? [`${shell.join(' ')} `] : [])];
  let rest = command;
  const args = ARGS_PREFIX.exec(rest);
  if (args !== null) {
    // A value may hold spaces (`|1 MSG=a b /bin/sh -c …`): cut at the shell when it is there.
    const at = prefixes.map((p) => rest.indexOf(` ${p}`)).filter((i) => i >= 0);
    rest = at.length > 0 ? rest.slice(Math.min(...at) + 1) : rest.split(' ').slice(1 + Number(args[1])).join(' ');
  }
  for (const prefix of prefixes) {
    if (rest.startsWith(prefix)) return rest.slice(prefix.length);
  }
  return rest;
}
