import { isEngineError, type Credentials } from '@/lib/engine';
import { parseOptions } from '../../common/options';
import { CliError, DaemonError, helpRequested, requireArgs, type DockerCommand } from '../command';
import type { DockerContext } from '../context';
import { decodeAuth, encodeAuth, readConfig, serverOf, writeConfig } from './credentials';
import { requireRegistries } from './transfer-output';
import { LOGIN_USAGE, LOGOUT_USAGE } from './usage';

/**
 * `docker login` / `docker logout` (docker/cli `registry/login.go`, `logout.go`). Credentials are
 * checked by the registry (a real one: `GET /v2/` and its challenge; a modeled one takes any) and
 * kept per host in its config (credentials.ts). Without `-u`/`-p` the terminal prompts; a script
 * piped to `layerlab sh` has no TTY and gets docker's refusal.
 */
const REGISTER_SUGGEST =
  "Log in with your Docker ID or email address to push and pull images from Docker Hub. If you don't have a Docker ID, head over to https://hub.docker.com/ to create one.";
const PAT_SUGGEST =
  'You can log in with your password or a Personal Access Token (PAT). Using a limited-scope PAT grants better security and is required for organizations using SSO. Learn more at https://docs.docker.com/go/access-tokens/';

export const LOGIN_COMMAND: DockerCommand = {
  path: ['login'],
  summary: 'Log in to a registry',
  usage: LOGIN_USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, {
      username: { type: 'string', short: 'u' },
      password: { type: 'string', short: 'p' },
      'password-stdin': { type: 'bool' },
      help: { type: 'bool' },
    });
    if (helpRequested(o, this, ctx)) return 0;
    requireArgs(['login'], o.positionals, { max: 1 });
    let username = (o.strings.get('username') ?? '').trim();
    let password = o.strings.get('password') ?? '';
    const fromStdin = o.bools.has('password-stdin');
    if (password !== '') {
      ctx.shell.stderr.write('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n');
      if (fromStdin) throw new CliError('--password and --password-stdin are mutually exclusive');
    }
    if (fromStdin) {
      if (username === '') throw new CliError('Must provide --username with --password-stdin');
      password = ctx.shell.stdin.text().replace(/\n$/, '').replace(/\r$/, '');
    }
    const server = serverOf(o.positionals[0]);
    const registries = requireRegistries(ctx);
    const config = await readConfig(ctx.daemon.store);
    const stored = config.auths[server.key] === undefined ? undefined : decodeAuth((config.auths[server.key] as { auth: string }).auth);

    if (username === '' && password === '' && stored !== undefined) {
      ctx.shell.stdout.write(
        `Authenticating with existing credentials... [Username: ${stored.username}]\nTo login with a different account, run 'docker logout' followed by 'docker login'\n\n`,
      );
      try {
        const status = await registries.login(server.domain, stored, signalOf(ctx));
        ctx.shell.stdout.write(`${status}\n`);
        return 0;
      } catch (error) {
        if (!isEngineError(error)) throw error;
        ctx.shell.stderr.write(`Login did not succeed, error: Error response from daemon: ${error.message}\n`);
      }
    }
    if (username === '' || password === '') {
      if (!ctx.tty || ctx.prompt === undefined) throw new CliError('Error: Cannot perform an interactive login from a non TTY device');
      ({ username, password } = await promptCredentials(ctx, username, password, server.domain === 'docker.io', stored?.username));
    }
    const credentials: Credentials = { username, password };
    let status: string;
    try {
      status = await registries.login(server.domain, credentials, signalOf(ctx));
    } catch (error) {
      if (isEngineError(error)) throw new DaemonError(error.message);
      throw error;
    }
    config.auths[server.key] = { auth: encodeAuth(credentials) };
    await writeConfig(ctx.daemon.store, config);
    const home = ctx.shell.env.HOME || '/root';
    ctx.shell.stderr.write(
      `\nWARNING! Your credentials are stored unencrypted in '${home.replace(/\/+$/, '')}/.docker/config.json'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n`,
    );
    ctx.shell.stdout.write(`${status}\n`);
    return 0;
  },
};

export const LOGOUT_COMMAND: DockerCommand = {
  path: ['logout'],
  summary: 'Log out from a registry',
  usage: LOGOUT_USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, { help: { type: 'bool' } });
    if (helpRequested(o, this, ctx)) return 0;
    requireArgs(['logout'], o.positionals, { max: 1 });
    const server = serverOf(o.positionals[0]);
    ctx.shell.stdout.write(`Removing login credentials for ${server.key}\n`);
    const config = await readConfig(ctx.daemon.store);
    // Older configs may hold the address with a scheme (logout.go tries these forms too).
    const forms = [server.key, `http://${server.key}`, `https://${server.key}`, o.positionals[0] ?? server.key];
    if (forms.some((k) => config.auths[k] !== undefined)) {
      for (const k of forms) delete config.auths[k];
      await writeConfig(ctx.daemon.store, config);
    }
    return 0;
  },
};

/** PromptUserForCredentials: Docker Hub's hints, `Username: ` (with the stored name as default), `Password: `. */
async function promptCredentials(ctx: DockerContext, username: string, password: string, hub: boolean, previous: string | undefined): Promise<Credentials> {
  const ask = ctx.prompt as (question: string) => Promise<string | undefined>;
  if (username === '') {
    if (hub) ctx.shell.stdout.write(`${REGISTER_SUGGEST}\n${PAT_SUGGEST}\n\n`);
    const answer = ((await ask(previous !== undefined ? `Username (${previous}): ` : 'Username: ')) ?? '').trim();
    username = answer === '' ? (previous ?? '') : answer;
    if (username === '') throw new CliError('error: username is required');
  }
  if (password.trim() === '') {
    password = (await ask('Password: ')) ?? '';
    ctx.shell.stdout.write('\n');
    if (password === '') throw new CliError('error: password is required');
  }
  return { username, password };
}

function signalOf(ctx: DockerContext): { signal?: AbortSignal } {
  return ctx.shell.signal !== undefined ? { signal: ctx.shell.signal } : {};
}
