import type { SynonymTable } from './types';

/**
 * Synonyms every question accepts (grading-and-authoring §3.2 "Domain canonicalization"): the
 * names of Docker Hub's registry, and the docker CLI's command aliases (`docker images` =
 * `docker image ls`). The first phrase of a group is its canonical form. Authors add their own
 * groups per question; nothing here is guessed beyond what Docker itself treats as the same.
 */
export const SHARED_SYNONYMS: SynonymTable = [
  ['docker hub', 'docker.io', 'registry-1.docker.io', 'index.docker.io', 'dockerhub', 'hub.docker.io'],
  ['docker image ls', 'docker images', 'docker image list'],
  ['docker container ls', 'docker ps', 'docker container list', 'docker container ps'],
  ['docker image rm', 'docker rmi', 'docker image remove'],
  ['docker container rm', 'docker rm', 'docker container remove'],
  ['docker image save', 'docker save'],
  ['docker image load', 'docker load'],
  ['docker container export', 'docker export'],
  ['docker image import', 'docker import'],
  ['docker image build', 'docker build', 'docker buildx build', 'docker builder build'],
  ['docker image pull', 'docker pull'],
  ['docker image push', 'docker push'],
  ['docker image tag', 'docker tag'],
  ['docker image history', 'docker history'],
  ['docker image inspect', 'docker inspect'],
  ['docker container run', 'docker run'],
  ['docker container commit', 'docker commit'],
  ['docker container exec', 'docker exec'],
];

/** Long and short spellings of the flags the material uses, per subcommand (canonical form). */
const FLAG_ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'docker image prune': { '--all': '-a', '--force': '-f' },
  'docker image ls': { '--all': '-a', '--quiet': '-q' },
  'docker container ls': { '--all': '-a', '--quiet': '-q', '--size': '-s' },
  'docker image rm': { '--force': '-f' },
  'docker container rm': { '--force': '-f', '--volumes': '-v' },
  'docker image save': { '--output': '-o' },
  'docker image load': { '--input': '-i', '--quiet': '-q' },
  'docker container export': { '--output': '-o' },
  'docker image import': { '--change': '-c', '--message': '-m' },
  'docker image build': { '--tag': '-t', '--file': '-f', '--quiet': '-q' },
  'docker image push': { '--all-tags': '-a', '--quiet': '-q' },
  'docker image pull': { '--all-tags': '-a', '--quiet': '-q' },
  'docker image inspect': { '--format': '-f' },
  'docker image history': { '--quiet': '-q', '--human': '-H' },
  'docker container run': { '--detach': '-d', '--interactive': '-i', '--tty': '-t', '--publish': '-p', '--env': '-e', '--volume': '-v', '--name': '--name' },
};

/** The canonical phrase of `text` in the tables, or `text` itself. */
export function canonicalPhrase(text: string, tables: readonly SynonymTable[]): string {
  for (const table of tables) {
    for (const group of table) {
      if (group.some((phrase) => phrase.toLowerCase() === text)) return (group[0] ?? text).toLowerCase();
    }
  }
  return text;
}

/**
 * A command line in a canonical form: the longest alias prefix replaced by its canonical
 * command (`docker rmi` → `docker image rm`), `--flag=value` and combined short flags (`-af`)
 * split, long flags shortened where Docker has a short one, and the remaining words sorted
 * (flags and operands in any order).
 */
export function canonicalCommand(text: string, tables: readonly SynonymTable[] = [SHARED_SYNONYMS]): string {
  const tokens = text.trim().split(/\s+/).filter((t) => t !== '');
  let command = tokens.slice(0, 1).map((t) => t.toLowerCase());
  let rest = tokens.slice(1);
  for (let n = Math.min(4, tokens.length); n >= 2; n--) {
    const prefix = tokens.slice(0, n).join(' ').toLowerCase();
    const canonical = canonicalPhrase(prefix, tables);
    if (canonical !== prefix || tables.some((t) => t.some((g) => g[0] === prefix))) {
      command = canonical.split(' ');
      rest = tokens.slice(n);
      break;
    }
  }
  // Management commands (`docker image prune`, `docker system df`): plain words that follow.
  while (command.length < 3 && /^[a-z][a-z-]*$/.test(rest[0] ?? '')) command.push(rest.shift() as string);
  const aliases = FLAG_ALIASES[command.join(' ')] ?? {};
  const out: string[] = [];
  for (const token of rest) {
    const eq = token.startsWith('--') ? token.indexOf('=') : -1;
    const flag = eq > 0 ? token.slice(0, eq) : token;
    if (/^-[a-zA-Z]{2,}$/.test(flag)) out.push(...[...flag.slice(1)].map((c) => `-${c}`));
    else out.push(aliases[flag] ?? flag);
    if (eq > 0) out.push(token.slice(eq + 1));
  }
  return [...command, ...out.sort()].join(' ');
}
