/**
 * A mistake in a package catalog under `content/catalog/`. Each problem names the JSON path of
 * the value at fault (`packages.curl.installedSizeKiB: expected number, received string`) so an
 * author can go straight to it; the catalogs are long and a bare "invalid input" would not help.
 */
export type PackageCatalogErrorCode = 'invalid-catalog' | 'unknown-dependency';

export class PackageCatalogError extends Error {
  override readonly name = 'PackageCatalogError';
  readonly code: PackageCatalogErrorCode;
  readonly problems: string[];

  constructor(code: PackageCatalogErrorCode, problems: string[]) {
    super(problems.join('\n'));
    this.code = code;
    this.problems = problems;
  }
}

export function isPackageCatalogError(value: unknown): value is PackageCatalogError {
  return value instanceof PackageCatalogError;
}
