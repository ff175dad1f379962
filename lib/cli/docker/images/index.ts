import type { DockerCommand } from '../command';
import { historyCommand } from './history';
import { imagesCommand } from './images';
import { importCommand } from './import';
import { infoCommand } from './info';
import { imageInspectCommand, inspectCommand } from './inspect';
import { loadCommand } from './load';
import { imagePruneCommand } from './prune';
import { rmiCommand } from './rmi';
import { saveCommand } from './save';
import { systemDfCommand } from './system-df';
import { tagCommand } from './tag';
import { versionCommand } from './version';

/** docker images, history, inspect, tag, rmi, image prune, save, load, import, system df, info, version. */
export const IMAGE_COMMANDS: readonly DockerCommand[] = [
  imagesCommand,
  historyCommand,
  imageInspectCommand,
  inspectCommand,
  tagCommand,
  rmiCommand,
  imagePruneCommand,
  saveCommand,
  loadCommand,
  importCommand,
  systemDfCommand,
  infoCommand,
  versionCommand,
];

export { INSPECT_RESOLVERS, type InspectResolver, type Inspected } from './inspect';
