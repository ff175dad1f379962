import { createMemoryFs, type ShellFs } from '@/lib/shell';
import { mountFs } from '../docker/var-lib-docker';
import { findHost, type HostIo, type HostSpec } from './hosts';

/**
 * `io` with what every Linux host has besides the user's files: `/etc` (so `whoami`, `id` and
 * `ls -l` find names) and a `/tmp` anyone may write (where the material copies archives with
 * `scp`). `/etc` is generated; `/tmp` lives in the host's own files when they reach `/`, else (the
 * workstation in Node, whose files are the workspace folder) in memory, as a tmpfs would, stamping
 * what is written with the terminal's clock (`now`, ms). Wrap it in `cachedHostIo` so each host's
 * files are mounted once.
 */
export function withHostFiles(io: HostIo, hosts: readonly HostSpec[], now: () => number): HostIo {
  return {
    store: (host) => io.store(host),
    async fs(host) {
      const files = await io.fs(host);
      const spec = findHost(hosts, host);
      return spec === undefined ? files : mountHostFiles(spec, files, now);
    },
  };
}

async function mountHostFiles(spec: HostSpec, files: ShellFs, now: () => number): Promise<ShellFs> {
  const mounts: Record<string, ShellFs> = { '/etc': etcFiles(spec) };
  if (!(await ensureTmp(files))) mounts['/tmp'] = createMemoryFs({}, { now, rootMode: 0o1777 });
  // A server's home exists before anyone logs in (`scp file host:` lands there).
  await files.mkdir(spec.home, { recursive: true }).catch(() => undefined);
  return mountFs(files, mounts);
}

async function ensureTmp(files: ShellFs): Promise<boolean> {
  try {
    if (!(await files.exists('/tmp'))) await files.mkdir('/tmp', { mode: 0o1777 });
    return true;
  } catch {
    return false;
  }
}

function etcFiles(spec: HostSpec): ShellFs {
  return createMemoryFs({
    passwd: `root:x:0:0:root:/root:/bin/bash\n${spec.user}:x:1000:1000:${spec.user}:${spec.home}:/bin/bash\n`,
    group: `root:x:0:\ndocker:x:999:${spec.user}\n${spec.user}:x:1000:\n`,
    hostname: `${spec.name}\n`,
    hosts: `127.0.0.1\tlocalhost\n127.0.1.1\t${spec.name}\n`,
    'os-release': 'PRETTY_NAME="Ubuntu 24.04.1 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.1 LTS (Noble Numbat)"\nID=ubuntu\nID_LIKE=debian\n',
  });
}
