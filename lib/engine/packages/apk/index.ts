// lib/engine/packages/apk — the Alpine package manager over content/catalog/apk. The glue in
// lib/engine/packages registers `apkCommands(catalog)`.
export { apkCommands } from './apk';
export { loadApkCatalog, apkCatalogSchema, type ApkCatalog, type ApkCatalogFile, type ApkPackage } from './apk-catalog';
export { parseInstalled, formatInstalled, type ApkRecord } from './apk-db';
