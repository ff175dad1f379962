/**
 * Package databases generated from the data's `name=version` lists, in the real formats, so
 * `cat /var/lib/dpkg/status`, `dpkg -l` and `apk info` have something true to read.
 */

const DEBIAN_ARCH: Record<string, string> = {
  'linux/amd64': 'amd64',
  'linux/arm64/v8': 'arm64',
  'linux/arm64': 'arm64',
  'linux/arm/v7': 'armhf',
  'linux/arm/v5': 'armel',
  'linux/386': 'i386',
  'linux/ppc64le': 'ppc64el',
  'linux/s390x': 's390x',
  'linux/mips64le': 'mips64el',
  'linux/riscv64': 'riscv64',
};

const ALPINE_ARCH: Record<string, string> = {
  'linux/amd64': 'x86_64',
  'linux/arm64/v8': 'aarch64',
  'linux/arm64': 'aarch64',
  'linux/arm/v7': 'armv7',
  'linux/arm/v6': 'armhf',
  'linux/386': 'x86',
  'linux/ppc64le': 'ppc64le',
  'linux/s390x': 's390x',
  'linux/riscv64': 'riscv64',
};

function splitPackage(item: string): [string, string] {
  const eq = item.indexOf('=');
  return [item.slice(0, eq), item.slice(eq + 1)];
}

/** `/var/lib/dpkg/status`: one stanza per package, blank-line separated (deb-control(5)). */
export function formatDpkgStatus(list: readonly string[], platform: string): string {
  const arch = DEBIAN_ARCH[platform] ?? 'amd64';
  return list
    .map((item) => {
      const [name, version] = splitPackage(item);
      return `Package: ${name}\nStatus: install ok installed\nArchitecture: ${arch}\nVersion: ${version}\n`;
    })
    .join('\n');
}

/** `/lib/apk/db/installed`: one record per package of `P:`/`V:`/`A:` lines (apk's database format). */
export function formatApkInstalled(list: readonly string[], platform: string): string {
  const arch = ALPINE_ARCH[platform] ?? 'x86_64';
  return list
    .map((item) => {
      const [name, version] = splitPackage(item);
      return `P:${name}\nV:${version}\nA:${arch}\n`;
    })
    .join('\n');
}
