import { goToLower } from '@/lib/util';
import { EngineError } from '../errors';
import {
  ANCHORED_DIGEST_RE,
  ANCHORED_NAME_RE,
  ANCHORED_TAG_RE,
  NAME_TOTAL_LENGTH_MAX,
  REFERENCE_RE,
  validateDigest,
} from './reference-grammar';

/**
 * Image references as distribution/reference (`reference.go`) models them. Go has five types
 * (repository, taggedReference, canonicalReference, reference, digestReference); here a named
 * reference carries an optional tag and digest, and a digest-only reference is its own kind.
 */
export interface NamedReference {
  readonly kind: 'named';
  /** `docker.io`, `localhost:5000`, ... ; empty when `parseReference` found no domain. */
  readonly domain: string;
  /** The remote name, e.g. `library/nginx`. */
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;
}

export interface DigestReference {
  readonly kind: 'digest';
  readonly digest: string;
}

export type Reference = NamedReference | DigestReference;

// The sentinel errors of reference.go; their texts are part of Docker's output.
export const ERR_REFERENCE_INVALID_FORMAT = 'invalid reference format';
export const ERR_TAG_INVALID_FORMAT = 'invalid tag format';
export const ERR_DIGEST_INVALID_FORMAT_REF = 'invalid digest format';
export const ERR_NAME_CONTAINS_UPPERCASE = 'repository name must be lowercase';
export const ERR_NAME_EMPTY = 'repository name must have at least one component';
export const ERR_NAME_TOO_LONG = `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`;

export function invalidReference(message: string): EngineError {
  return new EngineError('invalid-reference', message);
}

/** `reference.Parse`: the grammar only, no Docker Hub defaults. */
export function parseReference(s: string): Reference {
  if (s === '') throw invalidReference(ERR_NAME_EMPTY);
  const matches = REFERENCE_RE.exec(s);
  if (matches === null) {
    const lower = goToLower(s);
    // Succeeds when lower-cased: the input has an invalid (upper-case) repository name.
    if (lower !== s && REFERENCE_RE.test(lower)) throw invalidReference(ERR_NAME_CONTAINS_UPPERCASE);
    throw invalidReference(ERR_REFERENCE_INVALID_FORMAT);
  }
  const name = matches[1] ?? '';
  const nameMatch = ANCHORED_NAME_RE.exec(name);
  const domain = nameMatch?.[1] ?? '';
  const path = nameMatch === null ? name : (nameMatch[2] ?? '');
  if (path.length > NAME_TOTAL_LENGTH_MAX) throw invalidReference(ERR_NAME_TOO_LONG);
  const tag = matches[2];
  const digest = matches[3];
  if (digest !== undefined) {
    const problem = validateDigest(digest);
    if (problem !== null) throw invalidReference(problem);
  }
  // getBestReferenceType: the grammar always yields a name here, so no digest-only result.
  return named(domain, path, tag, digest);
}

function named(domain: string, path: string, tag?: string, digest?: string): NamedReference {
  return {
    kind: 'named',
    domain,
    path,
    ...(tag !== undefined && tag !== '' ? { tag } : {}),
    ...(digest !== undefined && digest !== '' ? { digest } : {}),
  };
}

/** `reference.WithName`. */
export function withName(name: string): NamedReference {
  const match = ANCHORED_NAME_RE.exec(name);
  if (match === null) throw invalidReference(ERR_REFERENCE_INVALID_FORMAT);
  const path = match[2] ?? '';
  if (path.length > NAME_TOTAL_LENGTH_MAX) throw invalidReference(ERR_NAME_TOO_LONG);
  return named(match[1] ?? '', path);
}

/** `reference.WithTag`: keeps a digest the name already has. */
export function withTag(ref: NamedReference, tag: string): NamedReference {
  if (!ANCHORED_TAG_RE.test(tag)) throw invalidReference(ERR_TAG_INVALID_FORMAT);
  return named(ref.domain, ref.path, tag, ref.digest);
}

/** `reference.WithDigest`: keeps a tag the name already has. */
export function withDigest(ref: NamedReference, digest: string): NamedReference {
  if (!ANCHORED_DIGEST_RE.test(digest)) throw invalidReference(ERR_DIGEST_INVALID_FORMAT_REF);
  return named(ref.domain, ref.path, ref.tag, digest);
}

/** `reference.TrimNamed`: the repository without tag or digest. */
export function trimNamed(ref: NamedReference): NamedReference {
  return named(ref.domain, ref.path);
}

/** `Named.Name()`: `domain/path`, or the path alone without a domain. */
export function referenceName(ref: NamedReference): string {
  return ref.domain === '' ? ref.path : `${ref.domain}/${ref.path}`;
}

/** `Reference.String()`: `name[:tag][@digest]`, or the digest of a digest reference. */
export function referenceString(ref: Reference): string {
  if (ref.kind === 'digest') return ref.digest;
  let s = referenceName(ref);
  if (ref.tag !== undefined) s += `:${ref.tag}`;
  if (ref.digest !== undefined) s += `@${ref.digest}`;
  return s;
}

/** `reference.IsNameOnly`. */
export function isNameOnly(ref: NamedReference): boolean {
  return ref.tag === undefined && ref.digest === undefined;
}
