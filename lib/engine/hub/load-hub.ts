import { formatIssues } from '@/lib/util';
import { HubDataError } from './hub-data-error';
import { normalizeHubRef, repositoryForPath } from './hub-ref';
import { hubRegistriesSchema, hubRepositorySchema, type HubRegistries, type HubRepositoryFile, type HubTag } from './hub-schema';

/** A data file as the caller read it: lib/ does no IO (DESIGN.md §1.3). */
export type HubSourceFile =
  /** Repository-relative path, e.g. `content/hub/library/python.json`, and the file's text. */
  | { path: string; text: string }
  /** The same, already parsed (a bundler's JSON import, see hub-files.ts). */
  | { path: string; json: unknown };

export interface HubRepository {
  repository: string;
  description: string;
  reserved: string | null;
  fictional: boolean;
  /** The data file it came from, for error messages. */
  path: string;
  /** Canonical tag name → its definition. */
  tags: ReadonlyMap<string, HubTag>;
  /** Every tag name, canonical or alias → canonical tag name. */
  tagNames: ReadonlyMap<string, string>;
}

export interface HubCatalog {
  repositories: ReadonlyMap<string, HubRepository>;
  registries: HubRegistries['registries'];
}

const REGISTRIES_FILE = /(?:^|\/)registries\.json$/;

/** Parses and validates every file, then checks what spans files (bases exist, no cycles). */
export function loadHubCatalog(files: readonly HubSourceFile[]): HubCatalog {
  const repositories = new Map<string, HubRepository>();
  let registries: HubRegistries['registries'] = {};
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const json = parseJson(file);
    if (REGISTRIES_FILE.test(file.path)) {
      const result = hubRegistriesSchema.safeParse(json);
      if (!result.success) throw new HubDataError('invalid', file.path, formatIssues(file.path, result.error.issues));
      registries = { ...registries, ...result.data.registries };
      continue;
    }
    const repo = parseRepositoryFile(file, json);
    if (repositories.has(repo.repository)) {
      throw new HubDataError('path-mismatch', file.path, [`${file.path}: repository "${repo.repository}" is defined twice`]);
    }
    repositories.set(repo.repository, repo);
  }
  const catalog = { repositories, registries };
  for (const repo of repositories.values()) checkBases(catalog, repo);
  return catalog;
}

function parseJson(file: HubSourceFile): unknown {
  if ('json' in file) return file.json;
  try {
    return JSON.parse(file.text) as unknown;
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new HubDataError('syntax', file.path, [`${file.path}: invalid JSON: ${detail}`], { cause });
  }
}

function parseRepositoryFile(file: HubSourceFile, json: unknown): HubRepository {
  const result = hubRepositorySchema.safeParse(json);
  if (!result.success) throw new HubDataError('invalid', file.path, formatIssues(file.path, result.error.issues));
  const data: HubRepositoryFile = result.data;
  const expected = repositoryForPath(file.path);
  if (expected !== null && expected !== data.repository) {
    throw new HubDataError('path-mismatch', file.path, [`${file.path}: repository: expected "${expected}" (from the file's path), found "${data.repository}"`]);
  }
  const tags = new Map(Object.entries(data.tags));
  const tagNames = new Map<string, string>();
  for (const [name, tag] of tags) {
    for (const alias of [name, ...(tag.aliases ?? [])]) {
      const owner = tagNames.get(alias);
      if (owner !== undefined) {
        const where = alias === name ? `tags[${JSON.stringify(name)}]` : `tags[${JSON.stringify(name)}].aliases`;
        throw new HubDataError('duplicate-tag', file.path, [`${file.path}: ${where}: tag "${alias}" is already used by tags[${JSON.stringify(owner)}]`]);
      }
      tagNames.set(alias, name);
    }
  }
  return {
    repository: data.repository,
    description: data.description,
    reserved: data.reserved ?? null,
    fictional: data.fictional ?? false,
    path: file.path,
    tags,
    tagNames,
  };
}

/** Finds a tag (by canonical name or alias) in the catalog. */
export function findHubTag(catalog: HubCatalog, ref: string): { repo: HubRepository; tag: string; def: HubTag } | null {
  const { repository, tag } = normalizeHubRef(ref);
  const repo = catalog.repositories.get(repository);
  const canonical = tag === null ? undefined : repo?.tagNames.get(tag);
  const def = canonical === undefined ? undefined : repo?.tags.get(canonical);
  return repo === undefined || canonical === undefined || def === undefined ? null : { repo, tag: canonical, def };
}

function checkBases(catalog: HubCatalog, repo: HubRepository): void {
  for (const [name, tag] of repo.tags) {
    const seen = new Set<string>([`${repo.repository}:${name}`]);
    let from = tag.from;
    while (from !== undefined) {
      const base = findHubTag(catalog, from);
      if (base === null) {
        throw new HubDataError('unknown-base', repo.path, [`${repo.path}: tags[${JSON.stringify(name)}].from: no hub image "${from}"`]);
      }
      const key = `${base.repo.repository}:${base.tag}`;
      if (seen.has(key)) {
        throw new HubDataError('base-cycle', repo.path, [`${repo.path}: tags[${JSON.stringify(name)}].from: "${from}" leads back to itself`]);
      }
      seen.add(key);
      from = base.def.from;
    }
  }
}
