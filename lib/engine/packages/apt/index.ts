// lib/engine/packages/apt — apt-get, apt, apt-cache and dpkg over a Debian catalog
// (content/catalog/apt). The glue in lib/engine/packages registers `aptCommands(catalog)`.
// apk shares the file writer, size formats and catalog error from here.
export { aptCommands } from './apt-get';
export { loadAptCatalog, aptCatalogSchema, catalogFileSchema, bulkSchema, type AptCatalog, type AptCatalogFile, type AptPackage } from './apt-catalog';
export { PackageCatalogError, isPackageCatalogError, type PackageCatalogErrorCode } from './catalog-error';
export { writePayload, writeSized, readTextOr, type CatalogFile, type PackagePayload, type SyntheticCapableFs } from './package-files';
export { aptSize, apkMiB, wrapList } from './format-size';
export { parseStanzas, formatStanzas } from './dpkg-db';
