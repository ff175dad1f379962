// lib/engine/packages/npm — npm, npx, node and yarn for RUN, over content/catalog/npm.
import type { Command, CommandTable } from '@/lib/shell';
import { loadNpmCatalog, type NpmCatalog } from './npm-catalog';
import { npmCommand, npxCommand } from './npm-command';
import { nodeCommand, type NodeDispatch } from './node-command';
import { yarnCommand } from './yarn-command';

export { loadNpmCatalog, parseNpmCatalog, npmCatalogSchema, NPM_CATALOG_FILE, type NpmCatalog, type NpmPackage } from './npm-catalog';
export { TOOLS as NODE_TOOLS } from './build-tools';
export { YARN_CACHE_DIR } from './yarn-command';

/**
 * The command table entries. The engine resolves names through PATH, so they run only where the
 * image has the file: node images have /usr/local/bin/node, npm and npx (symlinks to npm's
 * `#!/usr/bin/env node` entry scripts, which `node` dispatches back here) and yarn. Tools such as
 * tsc or webpack are not table entries: npm install writes their bin scripts into
 * node_modules/.bin and `node` runs the modeled tool for them.
 */
export function npmCommands(catalog: NpmCatalog | (() => NpmCatalog) = loadNpmCatalog): CommandTable {
  const get = typeof catalog === 'function' ? catalog : () => catalog;
  const dispatch: NodeDispatch = { npm: (ctx) => npm(ctx), npx: (ctx) => npx(ctx), catalog: get };
  const npm: Command = npmCommand(get);
  const npx: Command = npxCommand(get, () => dispatch);
  const node = nodeCommand(dispatch);
  const yarn = yarnCommand(get);
  return { npm, npx, node, nodejs: node, yarn, yarnpkg: yarn };
}
