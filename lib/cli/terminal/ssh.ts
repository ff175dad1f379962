import type { Command } from '@/lib/shell';
import type { ShellSession } from '../docker/context';
import { findHost, type HostSpec } from './hosts';

/**
 * `ssh HOST` opens a login shell on one of the terminal's hosts (its own docker daemon and
 * files; the prompt says where you are) until `exit`; `ssh HOST COMMAND…` runs one command
 * there and returns its status. OpenSSH's texts and its exit status 255 for its own errors.
 */
const USAGE = `usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]
           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]
           [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]
           [-J destination] [-L address] [-l login_name] [-m mac_spec]
           [-O ctl_cmd] [-o option] [-P tag] [-p port] [-R address]
           [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]
           destination [command [argument ...]]
`;
const FLAGS = '46AaCfGgKkMNnqsTtVvXxYy';
const WITH_VALUE = 'BbcDEeFIiJLlmOoPpRSWw';

export function createSshCommand(hosts: readonly HostSpec[], sessions: { open(host: HostSpec): Promise<ShellSession>; enter(session: ShellSession): void }): Command {
  return async (ctx) => {
    let i = 0;
    for (; i < ctx.args.length; i++) {
      const arg = ctx.args[i] as string;
      if (arg === '--') {
        i++;
        break;
      }
      if (!arg.startsWith('-') || arg === '-') break;
      for (let k = 1; k < arg.length; k++) {
        const letter = arg[k] as string;
        if (letter === 'V') {
          ctx.stderr.write('OpenSSH_9.6p1 Ubuntu-3ubuntu13.5, OpenSSL 3.0.13 30 Jan 2024\n');
          return 0;
        }
        if (WITH_VALUE.includes(letter)) {
          if (k === arg.length - 1) i++;
          if (ctx.args[i] === undefined) {
            ctx.stderr.write(`ssh: option requires an argument -- ${letter}\n${USAGE}`);
            return 255;
          }
          break;
        }
        if (!FLAGS.includes(letter)) {
          ctx.stderr.write(`ssh: illegal option -- ${letter}\n${USAGE}`);
          return 255;
        }
      }
    }
    const destination = ctx.args[i];
    if (destination === undefined) {
      ctx.stderr.write(USAGE);
      return 255;
    }
    const host = findHost(hosts, destination);
    if (host === undefined) {
      const name = destination.slice(destination.lastIndexOf('@') + 1);
      ctx.stderr.write(`ssh: Could not resolve hostname ${name.toLowerCase()}: Name or service not known\n`);
      return 255;
    }
    const command = ctx.args.slice(i + 1);
    const session = await sessions.open(host);
    if (command.length === 0) {
      sessions.enter(session);
      return 0;
    }
    // ssh joins the words with spaces and the remote shell parses them again.
    const result = await session.runLine(command.join(' '), {
      stdout: (text) => ctx.stdout.write(text),
      stderr: (text) => ctx.stderr.write(text),
      ...(ctx.signal !== undefined ? { signal: ctx.signal } : {}),
    });
    await session.close?.();
    return result.exitCode;
  };
}
