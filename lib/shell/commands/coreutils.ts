import type { CommandTable } from '../run/command-types';
import { echo, falseCommand, printf, pwd, test, tr, trueCommand, yes } from './builtin-commands';
import { cp, mv } from './copy-move';
import { cat, ln, mkdir, rm, touch } from './files';
import { find, xargs } from './find-xargs';
import { grep } from './grep';
import { gzip } from './gzip';
import { ls } from './ls';
import { basename, date, dirname, env, hostname, id, mktemp, seq, sleep, uname, which, whoami } from './misc';
import { chgrp, chmod, chown } from './perms';
import { sed } from './sed';
import { bash, sh } from './shells';
import { tar } from './tar';
import { cut, head, sort, tail, uniq, wc } from './text';

/**
 * The default command table: coreutils and friends as Dockerfiles use them, plus the shells.
 * A new table each call, so callers can spread their own commands over it:
 * `{ ...createCoreutils(), 'apt-get': aptGet }`.
 */
export function createCoreutils(): CommandTable {
  return {
    echo, printf, test, '[': test, true: trueCommand, false: falseCommand, pwd, yes, tr,
    cat, mkdir, rm, touch, ln, cp, mv, chmod, chown, chgrp, ls,
    head, tail, wc, sort, uniq, cut, grep, egrep: grep, fgrep: grep, sed, find, xargs,
    tar, gzip, gunzip: gzip, zcat: gzip,
    env, sleep, basename, dirname, which, id, whoami, uname, hostname, date, mktemp, seq,
    sh, dash: sh, ash: sh, bash,
  };
}
