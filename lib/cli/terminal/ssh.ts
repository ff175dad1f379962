import type { Command } from '@/lib/shell';
import type { ShellSession } from '../docker/context';
import { findHost, type HostSpec } from './hosts';
import { parseOpenSshOptions } from './openssh-options';

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
    const parsed = parseOpenSshOptions(ctx.args, { flags: FLAGS, withValue: WITH_VALUE, stopAtOperand: true, stopAt: 'V' });
    if ('error' in parsed) {
      ctx.stderr.write(`ssh: ${parsed.error}\n${USAGE}`);
      return 255;
    }
    if (parsed.stopped === 'V') {
      ctx.stderr.write('OpenSSH_9.6p1 Ubuntu-3ubuntu13.5, OpenSSL 3.0.13 30 Jan 2024\n');
      return 0;
    }
    const [destination, ...command] = parsed.operands;
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
