import type { Digest } from '@/lib/util';
import { EngineError } from '../errors';
import { familiarString, isNameOnly, parseAnyReference, parseDockerRef, parseNormalizedNamed, referenceString } from '../image';
import type { ReadTx } from '../store';

/**
 * Image arguments as the daemon resolves them (docker-semantics §2g "Resolving an image
 * argument", moby `tarexport/save.go` parseNames). Refs are stored under their normalized string
 * (`docker.io/library/app:latest`); `RepoTags` show the familiar form (`app:latest`).
 */

/** The store key of a tag or digest reference: `docker.io/library/app:latest`. */
export function refKey(name: string): string {
  return referenceString(parseDockerRef(name));
}

/** Familiar `name:tag` of a store key, as RepoTags and `Loaded image:` print it. */
export function familiarRef(key: string): string {
  return familiarString(parseNormalizedNamed(key));
}

/** The image's tags (not digest refs), familiar and sorted as the store lists them. */
export async function repoTagsOf(tx: ReadTx, imageId: Digest): Promise<string[]> {
  const refs = await tx.list('refs');
  return refs.filter(([key, ref]) => ref.imageId === imageId && !key.includes('@')).map(([key]) => familiarRef(key));
}

/** A unique image ID starting with `hex` (any length), or undefined; several → `ambiguous digest string`. */
async function searchId(tx: ReadTx, term: string): Promise<Digest | undefined> {
  const hex = term.startsWith('sha256:') ? term.slice(7) : term;
  if (!/^[0-9a-f]+$/.test(hex)) return undefined;
  const ids = await tx.keys('images', { prefix: `sha256:${hex}` });
  if (ids.length > 1) throw new EngineError('no-such-image', 'ambiguous digest string');
  return ids[0] as Digest | undefined;
}

/** One image for `inspect`, `tag`, `run`…: ID, then tag/digest ref (`:latest` added), then ID prefix. */
export async function resolveImage(tx: ReadTx, arg: string): Promise<Digest> {
  let ref;
  try {
    ref = parseAnyReference(arg);
  } catch {
    // Not a valid reference may still be an ID prefix such as `sha256:9f8e`.
    const id = await searchId(tx, arg);
    if (id !== undefined) return id;
    throw new EngineError('no-such-image', `No such image: ${arg}`);
  }
  if (ref.kind === 'digest') {
    if (await tx.has('images', ref.digest)) return ref.digest as Digest;
    throw new EngineError('no-such-image', `No such image: ${arg}`);
  }
  const key = refKey(arg);
  const found = await tx.get('refs', key);
  if (found !== undefined) return found.imageId;
  if (isNameOnly(ref)) {
    const id = await searchId(tx, arg);
    if (id !== undefined) return id;
  }
  throw new EngineError('no-such-image', `No such image: ${familiarRef(key)}`);
}

export interface SaveTarget {
  readonly imageId: Digest;
  /** Store keys of the refs to write as RepoTags (empty when saved by ID). */
  readonly refs: string[];
}

/**
 * `docker save` names: `repo` means every tag of that repository, `repo:tag` one tag, an ID or
 * prefix the image without tags. Images keep the order of their first mention.
 */
export async function resolveSaveTargets(tx: ReadTx, names: readonly string[]): Promise<SaveTarget[]> {
  const targets = new Map<Digest, string[]>();
  const add = (id: Digest, key?: string) => {
    const refs = targets.get(id) ?? [];
    if (key !== undefined && !refs.includes(key)) refs.push(key);
    targets.set(id, refs);
  };
  for (const name of names) {
    const ref = parseAnyReference(name);
    if (ref.kind === 'digest') {
      if (!(await tx.has('images', ref.digest))) throw new EngineError('no-such-image', `No such image: ${name}`);
      add(ref.digest as Digest);
      continue;
    }
    if (isNameOnly(ref)) {
      const repo = referenceString(ref);
      const tags = await tx.list('refs', { prefix: `${repo}:` });
      for (const [key, value] of tags) add(value.imageId, key);
      if (tags.length > 0) continue;
      const id = await searchId(tx, name);
      if (id === undefined) throw new EngineError('no-such-image', `No such image: ${name}`);
      add(id);
      continue;
    }
    const key = referenceString(ref);
    const found = await tx.get('refs', key);
    if (found === undefined) throw new EngineError('no-such-image', 'reference does not exist');
    add(found.imageId, key);
  }
  return [...targets].map(([imageId, refs]) => ({ imageId, refs }));
}
