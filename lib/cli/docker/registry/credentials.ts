import { parseNormalizedNamed, type Credentials, type Store } from '@/lib/engine';

/**
 * What `docker login` stores, per host: the daemon's store keeps it in `meta` under the shape of
 * `~/.docker/config.json` (`{"auths":{"https://index.docker.io/v1/":{"auth":"<base64 user:pass>"}}}`),
 * so a host the student `ssh`es to has its own logins, as each machine has its own config file.
 */
const CONFIG_KEY = 'docker-cli/config.json';

/** Docker Hub's key in config.json (`registry.IndexServer`). */
export const INDEX_SERVER = 'https://index.docker.io/v1/';

export interface DockerConfigFile {
  auths: Record<string, { auth: string }>;
}

/** The config.json key of a registry domain: Docker Hub's index URL, else the host (`registry.company.com`). */
export function authKeyOf(domain: string): string {
  return domain === 'docker.io' ? INDEX_SERVER : domain;
}

/** `docker login SERVER` / `docker logout SERVER`: the registry domain and its config key (`credentials.ConvertToHostname`). */
export function serverOf(argument: string | undefined): { domain: string; key: string } {
  if (argument === undefined || argument === '' || argument === 'docker.io' || argument === INDEX_SERVER || argument === 'index.docker.io') {
    return { domain: 'docker.io', key: INDEX_SERVER };
  }
  let host = argument;
  const scheme = /^[a-z]+:\/\//i.exec(host);
  if (scheme !== null) host = host.slice(scheme[0].length);
  host = host.split('/')[0] ?? host;
  return { domain: host, key: host };
}

export async function readConfig(store: Store): Promise<DockerConfigFile> {
  const value = (await store.get('meta', CONFIG_KEY)) as DockerConfigFile | undefined;
  return { auths: { ...(value?.auths ?? {}) } };
}

export async function writeConfig(store: Store, config: DockerConfigFile): Promise<void> {
  await store.write((tx) => tx.put('meta', CONFIG_KEY, config));
}

export function encodeAuth(credentials: Credentials): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(`${credentials.username}:${credentials.password}`)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function decodeAuth(auth: string): Credentials | undefined {
  try {
    const text = new TextDecoder().decode(Uint8Array.from(atob(auth), (c) => c.charCodeAt(0)));
    const colon = text.indexOf(':');
    return colon < 0 ? undefined : { username: text.slice(0, colon), password: text.slice(colon + 1) };
  } catch {
    return undefined;
  }
}

/** The stored login for the registry of `ref` (an image reference as typed). */
export async function credentialsFor(store: Store, ref: string): Promise<Credentials | undefined> {
  let domain: string;
  try {
    domain = parseNormalizedNamed(ref).domain;
  } catch {
    return undefined;
  }
  const entry = (await readConfig(store)).auths[authKeyOf(domain)];
  return entry === undefined ? undefined : decodeAuth(entry.auth);
}
