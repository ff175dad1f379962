/**
 * Image references in FROM lines: split the way hadolint's language-docker does (for the DL
 * rules), and validated the way distribution/reference does (for BuildKit's checks).
 */

/**
 * `[registry/]name[:tag][@digest]`, where the first path component is a registry when it looks
 * like a host (has a `.` or `:`, or is `localhost`).
 */
export interface ImageRef {
  registry: string | null;
  /** The repository path without registry, tag or digest (`library/python`, `python`). */
  name: string;
  tag: string | null;
  digest: string | null;
}

export function parseImageRef(text: string): ImageRef {
  let rest = text;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry: string | null = null;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  return { registry, name: rest, tag, digest };
}

/**
 * Whether a FROM base name is a valid image reference, as distribution/reference
 * `ParseNormalizedNamed` decides (BuildKit's InvalidDefaultArgInFrom check uses it):
 * `[domain/]path[:tag][@digest]`, the path lowercase, a 64-hex string alone rejected.
 */
const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`;
const DOMAIN = `${HOST}(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}';
const REFERENCE = new RegExp(`^((?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::${TAG})?(?:@${DIGEST})?$`);
const NAME_TOTAL_LENGTH_MAX = 255;

export function isValidImageReference(text: string): boolean {
  if (text === '' || /^[a-f0-9]{64}$/.test(text)) return false;
  // splitDockerDomain: the first component is a registry only if it looks like a host.
  const slash = text.indexOf('/');
  const first = slash < 0 ? '' : text.slice(0, slash);
  const hasDomain = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase());
  const remainder = hasDomain ? text.slice(slash + 1) : slash < 0 ? `library/${text}` : text;
  const withoutTag = remainder.replace(/[:@].*$/, '');
  if (withoutTag !== withoutTag.toLowerCase()) return false;
  const match = REFERENCE.exec(`${hasDomain ? first : 'docker.io'}/${remainder}`);
  return match !== null && (match[1]?.length ?? 0) <= NAME_TOTAL_LENGTH_MAX;
}
