import type { CommandTable } from '@/lib/shell';
import { addgroup, adduser } from './adduser';
import { curlCommand } from './curl';
import { make } from './make';
import { unzip } from './unzip';
import type { UrlCatalog } from './url-catalog';
import { groupadd, useradd } from './useradd';
import { wgetCommand } from './wget';

/**
 * The system tools RUN lines lean on: user and group management, downloads, unzip and make.
 * Being in the table does not make a tool available: the build's PATH resolver runs one only
 * where the image has its binary (alpine has busybox's wget and adduser, no curl or useradd).
 */
export function systemCommands(options: { urls: UrlCatalog; bandwidth: number }): CommandTable {
  return {
    useradd,
    groupadd,
    adduser,
    addgroup,
    curl: curlCommand(options.urls, options.bandwidth),
    wget: wgetCommand(options.urls, options.bandwidth),
    unzip,
    make,
  };
}
