/**
 * engine/packages — the container commands RUN needs beyond coreutils (DESIGN.md §3 "RUN"):
 * package managers and language toolchains over catalogs in content/catalog, plus system tools.
 *
 *   const commands = { ...createCoreutils(), ...createPackageCommands({ bandwidthBytesPerSecond }) };
 *   runShell(script, { fs, commands, resolveCommand: pathResolver(commands), ... });
 *
 * Shared pieces for every ecosystem (cost, file writing, catalog loading) live in shared/; see
 * README.md for the pattern each ecosystem follows.
 */
export { createPackageCommands, PACKAGE_ECOSYSTEMS, type PackageCommandOptions } from './shared/create-package-commands';
export { simulatedCost, bandwidthFor, DEFAULT_BANDWIDTH, BANDWIDTH_ENV, type SimulatedCost } from './shared/simulated-cost';
export { writePackageFiles, writeSyntheticFile, bulkFiles, canWriteSynthetic, REAL_BYTES_LIMIT, type PackageFile, type SyntheticWriter } from './shared/write-files';
export { parseCatalog, lazyCatalog, CatalogError, isCatalogError } from './shared/catalog-loader';
export { detectLibc, findOnPath, isBusyboxApplet, followLinks, type Libc } from './shared/image-facts';
export { goCommands } from './go/go-command';
export { parseGoCatalog, bundledGoCatalog, GO_CATALOG_FILE, type GoCatalog, type GoModuleInfo } from './go/go-catalog';
export { goBinarySeed, parseGoBinarySeed, canStartGoBinary, GO_BINARY_PREFIX, type GoBinaryInfo, type GoLinkage } from './go/go-binary-marker';
export { systemCommands } from './system/system-commands';
export { parseUrlCatalog, bundledUrlCatalog, URL_CATALOG_FILE, type UrlCatalog } from './system/url-catalog';
