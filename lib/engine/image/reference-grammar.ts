/**
 * The reference grammar of distribution/reference `regexp.go`, and digest validation of
 * opencontainers/go-digest (`Digest.Validate`), which `reference.Parse` calls on the `@` part.
 *
 * Go's RE2 and JS pick the same submatches here (leftmost-first, no backreferences), so the
 * patterns translate one to one; `[[:xdigit:]]` is spelled out and `\w` is ASCII in both.
 */

const alphanumeric = '[a-z0-9]+';
// One period, one or two underscores, or any number of dashes (hostname-like components).
const separator = '(?:[._]|__|[-]+)';
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const optionalPort = '(?::[0-9]+)?';
const tag = '[\\w][\\w.-]{0,127}';
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const identifier = '([a-f0-9]{64})';
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const host = `(?:${domainName}|${ipv6address})`;
const domainAndPort = host + optionalPort;
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePat = `(?:${domainAndPort}/)?${remoteName}`;

/** `referenceRegexp`: captures name, tag, digest. */
export const REFERENCE_RE = new RegExp(`^(${namePat})(?::(${tag}))?(?:@(${digestPat}))?$`);
/** `anchoredNameRegexp`: captures domain (optional) and path. */
export const ANCHORED_NAME_RE = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
export const ANCHORED_TAG_RE = new RegExp(`^${tag}$`);
export const ANCHORED_DIGEST_RE = new RegExp(`^${digestPat}$`);
/** `anchoredIdentifierRegexp`: a bare 64-hex image ID. */
export const ANCHORED_IDENTIFIER_RE = new RegExp(`^${identifier}$`);

/** `reference.RepositoryNameTotalLengthMax`. */
export const NAME_TOTAL_LENGTH_MAX = 255;

// go-digest's error values (`digest.ErrDigest*`): their texts are what users see.
export const ERR_DIGEST_INVALID_FORMAT = 'invalid checksum digest format';
export const ERR_DIGEST_INVALID_LENGTH = 'invalid checksum digest length';
export const ERR_DIGEST_UNSUPPORTED = 'unsupported digest algorithm';

/** Hex length of each algorithm Docker registers (crypto/sha256 and crypto/sha512 are linked in). */
const ALGORITHM_HEX_LENGTH: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

/** go-digest `DigestRegexpAnchored` (allows `+` and `.` algorithm parts, base64url-ish encodings). */
const GO_DIGEST_RE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

/**
 * `digest.Parse(s)`: null when valid, else the error text. Lower-case hex of the exact length is
 * required for a registered algorithm, so `sha256:ABC…` passes the reference grammar but fails here.
 */
export function validateDigest(s: string): string | null {
  const i = s.indexOf(':');
  if (i <= 0 || i + 1 === s.length) return ERR_DIGEST_INVALID_FORMAT;
  const algorithm = s.slice(0, i);
  const encoded = s.slice(i + 1);
  const length = Object.hasOwn(ALGORITHM_HEX_LENGTH, algorithm) ? ALGORITHM_HEX_LENGTH[algorithm] : undefined;
  if (length === undefined) return GO_DIGEST_RE.test(s) ? ERR_DIGEST_UNSUPPORTED : ERR_DIGEST_INVALID_FORMAT;
  if (encoded.length !== length) return ERR_DIGEST_INVALID_LENGTH;
  return /^[a-f0-9]+$/.test(encoded) ? null : ERR_DIGEST_INVALID_FORMAT;
}
