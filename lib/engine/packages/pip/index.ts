// lib/engine/packages/pip — pip/pip3 and python/python3 for RUN, over content/catalog/pip.
import type { CommandTable } from '@/lib/shell';
import { loadPipCatalog, type PipCatalog } from './pip-catalog';
import { pipCommand } from './pip-command';
import { pythonCommand } from './python-command';

export { loadPipCatalog, parsePipCatalog, pipCatalogSchema, PIP_CATALOG_FILE, type PipCatalog, type PipPackage, type PipVersion } from './pip-catalog';
export { findPython, type PythonEnv } from './python-env';
export { readRequirementsFile } from './requirements-file';

/**
 * The command table entries. Names are resolved through PATH by the engine, so `python3.9` or
 * `pip` only run where the image has that file; the catalog defaults to the bundled one.
 */
export function pipCommands(catalog: PipCatalog | (() => PipCatalog) = loadPipCatalog): CommandTable {
  const get = typeof catalog === 'function' ? catalog : () => catalog;
  const pip = pipCommand(get);
  const python = pythonCommand(get);
  const table: Record<string, typeof pip> = { pip, pip3: pip, python, python3: python };
  for (const minor of [8, 9, 10, 11, 12]) {
    table[`pip3.${minor}`] = pip;
    table[`python3.${minor}`] = python;
  }
  return table;
}
