import { DockerfileError } from '../errors';

/**
 * The build arguments BuildKit defines before the first line of a Dockerfile
 * (dockerfile2llb `defaultArgs`), and the proxy arguments every builder accepts
 * without an `ARG` (moby `builtinAllowedBuildArgs`).
 */

/** An OCI platform, normalized like containerd's `platforms.Normalize`. */
export interface PlatformSpec {
  readonly os: string;
  readonly architecture: string;
  readonly variant: string;
  readonly osVersion: string;
}

/** Proxy variables usable as `--build-arg` without a matching ARG. */
export const PROXY_ARG_NAMES: readonly string[] = [
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'FTP_PROXY',
  'ftp_proxy',
  'NO_PROXY',
  'no_proxy',
  'ALL_PROXY',
  'all_proxy',
];

/** The names `defaultArgs` sets, in upstream's order. */
export const PLATFORM_ARG_NAMES: readonly string[] = [
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDOSVERSION',
  'BUILDARCH',
  'BUILDVARIANT',
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETOSVERSION',
  'TARGETARCH',
  'TARGETVARIANT',
  'TARGETSTAGE',
];

const KNOWN_OS = new Set(['linux', 'windows', 'darwin', 'freebsd', 'netbsd', 'openbsd', 'solaris', 'illumos', 'aix']);

/** containerd's architecture aliases and default variants. */
function normalizeArch(arch: string, variant: string): { architecture: string; variant: string } {
  switch (arch) {
    case 'i386':
      return { architecture: '386', variant: '' };
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      return { architecture: 'amd64', variant: variant === 'v1' ? '' : variant };
    case 'aarch64':
    case 'arm64':
      return { architecture: 'arm64', variant: variant === '8' || variant === 'v8' ? '' : variant };
    case 'armhf':
      return { architecture: 'arm', variant: 'v7' };
    case 'armel':
      return { architecture: 'arm', variant: 'v6' };
    case 'arm':
      if (variant === '') return { architecture: 'arm', variant: 'v7' };
      return { architecture: 'arm', variant: /^[5-8]$/.test(variant) ? `v${variant}` : variant };
    default:
      return { architecture: arch, variant };
  }
}

/**
 * Parses `os[(osversion)]/arch[/variant]` (or just an os or an architecture,
 * completed with linux/amd64 as a BuildKit worker on an amd64 host would).
 */
export function parsePlatform(text: string): PlatformSpec {
  const parts = text.toLowerCase().split('/');
  if (parts.length > 3 || parts.some((part) => part === '')) throw invalidPlatform(text);
  let [osPart = '', arch = ''] = parts;
  const variant = parts[2] ?? '';
  if (parts.length === 1) {
    if (KNOWN_OS.has(osPart.replace(/\(.*\)$/, ''))) arch = 'amd64';
    else [osPart, arch] = ['linux', osPart];
  }
  const osMatch = /^([a-z0-9_-]+)(?:\(([^()]*)\))?$/.exec(osPart);
  if (osMatch === null) throw invalidPlatform(text);
  const os = osMatch[1] === 'macos' ? 'darwin' : (osMatch[1] ?? '');
  // Fields listed one by one: V8 builds a literal that spreads after other properties slowly.
  const normalized = normalizeArch(arch, variant);
  return { os, osVersion: osMatch[2] ?? '', architecture: normalized.architecture, variant: normalized.variant };
}

function invalidPlatform(text: string): DockerfileError {
  return new DockerfileError('expansion', `"${text}": unknown operating system or architecture: invalid argument`);
}

/** `platforms.Format`: `os/arch[/variant]`. */
export function formatPlatform(platform: PlatformSpec): string {
  const base = `${platform.os}/${platform.architecture}`;
  return platform.variant === '' ? base : `${base}/${platform.variant}`;
}

/**
 * `defaultArgs`: the eleven automatic arguments, each overridable by a
 * `--build-arg` of the same name. They are all set, possibly empty.
 */
export function predefinedArgs(
  build: PlatformSpec,
  target: PlatformSpec,
  targetStage: string,
  overrides: ReadonlyMap<string, string>,
): Array<[string, string]> {
  const values: Array<[string, string]> = [
    ['BUILDPLATFORM', formatPlatform(build)],
    ['BUILDOS', build.os],
    ['BUILDOSVERSION', build.osVersion],
    ['BUILDARCH', build.architecture],
    ['BUILDVARIANT', build.variant],
    ['TARGETPLATFORM', formatPlatform(target)],
    ['TARGETOS', target.os],
    ['TARGETOSVERSION', target.osVersion],
    ['TARGETARCH', target.architecture],
    ['TARGETVARIANT', target.variant],
    ['TARGETSTAGE', targetStage],
  ];
  return values.map(([key, value]) => [key, overrides.get(key) ?? value]);
}
