import { goToLower } from '@/lib/util';
import {
  type DigestReference,
  type NamedReference,
  type Reference,
  invalidReference,
  isNameOnly,
  parseReference,
  referenceString,
  trimNamed,
  withDigest,
  withTag,
} from './reference';
import { ANCHORED_IDENTIFIER_RE, validateDigest } from './reference-grammar';

/**
 * Docker's "familiar" names (distribution/reference `normalize.go`, `helpers.go`): `nginx` is
 * `docker.io/library/nginx`, `index.docker.io` is `docker.io`, and output shows the short form.
 */
export const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';
export const DEFAULT_TAG = 'latest';

/**
 * `splitDockerDomain`: the first component is a registry when it is `localhost`, contains `.` or
 * `:`, or has an upper-case letter (namespaces cannot). Works on the whole input, tag and digest
 * included, exactly like upstream (so `foo:tag/bar` takes `foo:tag` as a domain and then fails).
 */
function splitDockerDomain(name: string): { domain: string; remainder: string } {
  const slash = name.indexOf('/');
  if (slash < 0) return { domain: DEFAULT_DOMAIN, remainder: OFFICIAL_REPO_PREFIX + name };
  const maybeDomain = name.slice(0, slash);
  const maybeRemainder = name.slice(slash + 1);
  let domain: string;
  let remainder: string;
  if (maybeDomain === 'localhost') [domain, remainder] = [maybeDomain, maybeRemainder];
  else if (maybeDomain === LEGACY_DEFAULT_DOMAIN) [domain, remainder] = [DEFAULT_DOMAIN, maybeRemainder];
  else if (/[.:]/.test(maybeDomain)) [domain, remainder] = [maybeDomain, maybeRemainder];
  else if (goToLower(maybeDomain) !== maybeDomain) [domain, remainder] = [maybeDomain, maybeRemainder];
  else [domain, remainder] = [DEFAULT_DOMAIN, name];
  // Only Docker Hub gets `library/` for single-component names ("docker.io/ubuntu").
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = OFFICIAL_REPO_PREFIX + remainder;
  return { domain, remainder };
}

/** `ParseNormalizedNamed`: a familiar name (`nginx:1.25`) to its canonical reference. */
export function parseNormalizedNamed(s: string): NamedReference {
  if (ANCHORED_IDENTIFIER_RE.test(s)) {
    throw invalidReference(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  }
  const { domain, remainder } = splitDockerDomain(s);
  const colon = remainder.indexOf(':');
  const remote = colon > -1 ? remainder.slice(0, colon) : remainder;
  if (goToLower(remote) !== remote) {
    throw invalidReference(`invalid reference format: repository name (${remote}) must be lowercase`);
  }
  const ref = parseReference(`${domain}/${remainder}`);
  // Unreachable with a domain prefix, kept for parity with upstream.
  if (ref.kind !== 'named') throw invalidReference(`reference ${referenceString(ref)} has no name`);
  return ref;
}

/** `ParseDockerRef`: normalized, `:latest` added, and a tag dropped when a digest is present. */
export function parseDockerRef(s: string): NamedReference {
  const ref = parseNormalizedNamed(s);
  if (ref.tag !== undefined && ref.digest !== undefined) return withDigest(trimNamed(ref), ref.digest);
  return tagNameOnly(ref);
}

/**
 * `ParseAnyReference`: a bare 64-hex string is an image ID (`sha256:` implied), a valid digest is
 * a digest reference, anything else a familiar name. `docker` resolves image arguments this way.
 */
export function parseAnyReference(s: string): Reference {
  if (ANCHORED_IDENTIFIER_RE.test(s)) return { kind: 'digest', digest: `sha256:${s}` } satisfies DigestReference;
  if (validateDigest(s) === null) return { kind: 'digest', digest: s } satisfies DigestReference;
  return parseNormalizedNamed(s);
}

/** `TagNameOnly`: adds `latest` when there is neither a tag nor a digest. */
export function tagNameOnly(ref: NamedReference): NamedReference {
  return isNameOnly(ref) ? withTag(ref, DEFAULT_TAG) : ref;
}

/**
 * `familiarizeName`: drops `docker.io/`, and `library/` when nothing else follows it
 * (`library/foo/bar` keeps its prefix).
 */
export function familiarize(ref: NamedReference): NamedReference {
  if (ref.domain !== DEFAULT_DOMAIN) return ref;
  let path = ref.path;
  if (path.startsWith(OFFICIAL_REPO_PREFIX)) {
    const rest = path.slice(OFFICIAL_REPO_PREFIX.length);
    if (!rest.includes('/')) path = rest;
  }
  return { ...ref, domain: '', path };
}

/** `FamiliarName`: `nginx`, `user/app`, `ghcr.io/o/a`. */
export function familiarName(ref: NamedReference): string {
  const f = familiarize(ref);
  return f.domain === '' ? f.path : `${f.domain}/${f.path}`;
}

/** `FamiliarString`: the familiar name with tag and digest, as all CLI output shows references. */
export function familiarString(ref: Reference): string {
  return ref.kind === 'digest' ? ref.digest : referenceString(familiarize(ref));
}
