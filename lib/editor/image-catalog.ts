/**
 * The base images the editor proposes and pins to. lib/editor may not import the engine
 * (DESIGN.md §2), so the app hands it the hub's catalog: `toImageCatalog` reads any object of the
 * hub catalog's shape (`HubCatalog` from lib/engine fits it) into the plain list used here.
 */

export interface CatalogTag {
  /** The canonical tag, e.g. `18`. */
  name: string;
  /** Other tags naming the same image, e.g. `18.19.0`, `latest`. */
  aliases: readonly string[];
  /** The size `docker images` shows, e.g. `1.09GB`. */
  size: string | null;
}

export interface CatalogImage {
  /** The name as a Dockerfile writes it: `node`, `gcr.io/distroless/static-debian12`. */
  name: string;
  description: string;
  tags: readonly CatalogTag[];
}

export interface ImageCatalog {
  images: readonly CatalogImage[];
}

/** The part of lib/engine's `HubCatalog` the editor reads. */
export interface HubCatalogLike {
  repositories: ReadonlyMap<
    string,
    {
      repository: string;
      description: string;
      tags: ReadonlyMap<string, { aliases?: readonly string[] | undefined; size: { reported: string } }>;
    }
  >;
}

/** `docker.io/library/node` → `node`, `docker.io/bitnami/x` → `bitnami/x`, others unchanged. */
export function shortImageName(repository: string): string {
  if (repository.startsWith('docker.io/library/')) return repository.slice('docker.io/library/'.length);
  if (repository.startsWith('docker.io/')) return repository.slice('docker.io/'.length);
  return repository;
}

export function toImageCatalog(hub: HubCatalogLike): ImageCatalog {
  const images: CatalogImage[] = [];
  for (const repo of hub.repositories.values()) {
    const tags: CatalogTag[] = [];
    for (const [name, tag] of repo.tags) tags.push({ name, aliases: [...(tag.aliases ?? [])], size: tag.size.reported });
    images.push({ name: shortImageName(repo.repository), description: repo.description, tags });
  }
  images.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { images };
}

/** Splits `name[:tag][@digest]` as written (the tag's colon is the one after the last slash). */
export function splitImageRef(ref: string): { name: string; tag: string | null; digest: string | null } {
  const at = ref.indexOf('@');
  const digest = at >= 0 ? ref.slice(at + 1) : null;
  const rest = at >= 0 ? ref.slice(0, at) : ref;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) return { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
  return { name: rest, tag: null, digest };
}

export function findImage(catalog: ImageCatalog | undefined, name: string): CatalogImage | undefined {
  const wanted = shortImageName(name.toLowerCase().replace(/^library\//, 'docker.io/library/'));
  return catalog?.images.find((image) => image.name === wanted);
}

/** The tag entry a tag name (canonical or alias) belongs to. */
export function findTag(image: CatalogImage, tag: string): CatalogTag | undefined {
  return image.tags.find((t) => t.name === tag || t.aliases.includes(tag));
}

const VERSION = /^v?\d+(?:\.\d+)*$/;

/**
 * The most precise release tag naming the same image as `tag`: among the tag's names, the version
 * with the most parts (`18.19.0` over `18`), else the longest name that is not `latest`. This is
 * the tag a `FROM node:latest` pins to without changing what it builds on today.
 */
export function pinnedTag(image: CatalogImage, tag: string): string | null {
  const entry = findTag(image, tag);
  if (entry === undefined) return null;
  const names = [entry.name, ...entry.aliases].filter((n) => n !== 'latest' && n !== tag);
  const versions = names.filter((n) => VERSION.test(n));
  const pool = versions.length > 0 ? versions : names;
  const parts = (n: string) => (VERSION.test(n) ? n.split('.').length : 0);
  const best = [...pool].sort((a, b) => parts(b) - parts(a) || b.length - a.length || (a < b ? -1 : 1))[0];
  return best ?? null;
}
