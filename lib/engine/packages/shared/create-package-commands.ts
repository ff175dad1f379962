import type { CommandTable } from '@/lib/shell';
import apkJson from '../../../../content/catalog/apk/alpine-3.19.json';
import aptJson from '../../../../content/catalog/apt/debian-bookworm.json';
import { apkCommands, loadApkCatalog, type ApkCatalog } from '../apk';
import { aptCommands, loadAptCatalog, type AptCatalog } from '../apt';
import { npmCommands, type NpmCatalog } from '../npm';
import { loadPipCatalog, pipCommands, type PipCatalog } from '../pip';
import { goCommands } from '../go/go-command';
import { bundledGoCatalog, type GoCatalog } from '../go/go-catalog';
import { systemCommands } from '../system/system-commands';
import { bundledUrlCatalog, type UrlCatalog } from '../system/url-catalog';
import { lazyCatalog } from './catalog-loader';
import { DEFAULT_BANDWIDTH } from './simulated-cost';

// Bundled catalogs of the ecosystems whose own folder does not bundle one (apt, apk).
const bundledApt = lazyCatalog(() => loadAptCatalog(aptJson, 'content/catalog/apt/debian-bookworm.json'));
const bundledApk = lazyCatalog(() => loadApkCatalog(apkJson, 'content/catalog/apk/alpine-3.19.json'));

/**
 * The glue: one CommandTable from every ecosystem. Each ecosystem is a row of PACKAGE_ECOSYSTEMS
 * that turns its catalog (the caller's, for tests, or the bundled one from content/catalog) into
 * commands; adding apt, apk, pip or npm is adding their row here (see README.md). Rows later in
 * the list win on a name clash, so the list order is the precedence order.
 */
export interface PackageCommandOptions {
  apt?: AptCatalog;
  apk?: ApkCatalog;
  pip?: PipCatalog;
  npm?: NpmCatalog;
  go?: GoCatalog;
  urls?: UrlCatalog;
  /** Download bandwidth for the simulated clock; a RUN's LAYERLAB_BANDWIDTH env overrides it. */
  bandwidthBytesPerSecond?: number;
}

interface Ecosystem {
  name: string;
  commands(options: PackageCommandOptions, bandwidth: number): CommandTable;
}

export const PACKAGE_ECOSYSTEMS: readonly Ecosystem[] = [
  { name: 'system', commands: (o, bandwidth) => systemCommands({ urls: o.urls ?? bundledUrlCatalog(), bandwidth }) },
  { name: 'apt', commands: (o) => aptCommands(o.apt ?? bundledApt()) },
  { name: 'apk', commands: (o) => apkCommands(o.apk ?? bundledApk()) },
  { name: 'pip', commands: (o) => pipCommands(o.pip ?? loadPipCatalog) },
  { name: 'npm', commands: (o) => npmCommands(o.npm) },
  { name: 'go', commands: (o, bandwidth) => goCommands({ catalog: o.go ?? bundledGoCatalog(), bandwidth }) },
];

export function createPackageCommands(options: PackageCommandOptions = {}): CommandTable {
  const bandwidth = options.bandwidthBytesPerSecond ?? DEFAULT_BANDWIDTH;
  const table: Record<string, CommandTable[string]> = {};
  for (const ecosystem of PACKAGE_ECOSYSTEMS) Object.assign(table, ecosystem.commands(options, bandwidth));
  return table;
}
