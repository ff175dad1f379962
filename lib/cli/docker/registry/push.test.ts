import { describe, expect, it } from 'vitest';
import { createDockerTestbed, createTestRegistries } from '../testbed';
import { buildImage, snapshot } from './test-support';

const APP = { dockerfile: 'FROM alpine:3.19\nCOPY app.sh /app/app.sh\nCMD ["/app/app.sh"]\n', files: { 'app.sh': '#!/bin/sh\necho hello\n' } };

/** The per-layer lines of a push, `<12 hex>: <status>`. */
const layerLines = (stdout: string) => stdout.split('\n').filter((l) => /^[0-9a-f]{12}: /.test(l));

describe('docker push to the modeled registries', () => {
  it('needs a login for Docker Hub namespaces: Preparing, then denied', async () => {
    const bed = await createDockerTestbed();
    await buildImage(bed.store, APP.dockerfile, APP.files, ['username/myapp:1.0']);
    const before = await snapshot(bed.store);
    const r = await bed.run('docker push username/myapp:1.0');
    expect(r.exitCode).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('The push refers to repository [docker.io/username/myapp]');
    expect(lines.slice(1).every((l) => /^[0-9a-f]{12}: Preparing$/.test(l))).toBe(true);
    expect(lines).toHaveLength(3);
    expect(r.stderr).toBe('denied: requested access to the resource is denied\n');
    expect(await snapshot(bed.store)).toBe(before);
  });

  it('after docker login pushes, mounting the base layers from library/alpine', async () => {
    const bed = await createDockerTestbed();
    await buildImage(bed.store, APP.dockerfile, APP.files, ['username/myapp:1.0']);
    const login = await bed.run('docker login -u username -p secret');
    expect(login.stdout).toBe('Login Succeeded\n');
    expect(login.stderr).toBe(
      "WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n\nWARNING! Your credentials are stored unencrypted in '/root/.docker/config.json'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n",
    );
    const r = await bed.run('docker push username/myapp:1.0');
    expect(r.stderr).toBe('');
    const layers = layerLines(r.stdout);
    expect(layers.map((l) => l.slice(14))).toEqual(['Pushed', 'Mounted from library/alpine']);
    expect(r.stdout).toMatch(/\n1\.0: digest: sha256:[0-9a-f]{64} size: \d+\n$/);
    // Nobody may push to the official namespace, logged in or not.
    await buildImage(bed.store, APP.dockerfile, APP.files, ['alpine:mine']);
    expect((await bed.run('docker push alpine:mine')).stderr).toBe('denied: requested access to the resource is denied\n');
  });

  it('pushes to registry.company.com, and another host pulls the same image and digest', async () => {
    const registries = createTestRegistries();
    const workstation = await createDockerTestbed({ registries });
    const imageId = await buildImage(workstation.store, APP.dockerfile, APP.files, ['registry.company.com/user-service:v1.2.3']);
    // The company registry wants a login to push: Preparing, then the registry's refusal, nothing stored.
    const before = await snapshot(workstation.store);
    const anonymous = await workstation.run('docker push registry.company.com/user-service:v1.2.3');
    expect(anonymous).toMatchObject({ exitCode: 1, stderr: 'unauthorized: authentication required\n' });
    expect(layerLines(anonymous.stdout).map((l) => l.slice(14))).toEqual(['Preparing', 'Preparing']);
    expect(await snapshot(workstation.store)).toBe(before);
    await workstation.run('echo pw | docker login registry.company.com -u ci --password-stdin');
    const push = await workstation.run('docker push registry.company.com/user-service:v1.2.3');
    expect(push.exitCode).toBe(0);
    expect(layerLines(push.stdout).map((l) => l.slice(14))).toEqual(['Pushed', 'Pushed']);
    const digest = /v1\.2\.3: digest: (sha256:[0-9a-f]{64}) size: (\d+)/.exec(push.stdout)?.[1];
    expect(digest).toBeDefined();
    expect(await workstation.store.get('refs', `registry.company.com/user-service@${digest}`)).toEqual({ imageId });

    const staging = await createDockerTestbed({ registries, host: 'staging-server' });
    const pull = await staging.run('docker pull registry.company.com/user-service:v1.2.3');
    expect(pull.stdout).toContain('v1.2.3: Pulling from user-service\n');
    expect(pull.stdout).toContain(`Digest: ${digest}\n`);
    expect(pull.stdout.endsWith('Status: Downloaded newer image for registry.company.com/user-service:v1.2.3\nregistry.company.com/user-service:v1.2.3\n')).toBe(true);
    expect(await staging.store.get('refs', 'registry.company.com/user-service:v1.2.3')).toEqual({ imageId });

    // Staging (logged in there too) tags it stable and pushes: every layer is already there.
    await staging.run('echo pw | docker login registry.company.com -u ci --password-stdin');
    await staging.store.write((tx) => tx.put('refs', 'registry.company.com/user-service:stable', { imageId }));
    const stable = await staging.run('docker push registry.company.com/user-service:stable');
    expect(layerLines(stable.stdout).map((l) => l.slice(14))).toEqual(['Layer already exists', 'Layer already exists']);
    expect(stable.stdout).toContain(`stable: digest: ${digest} size: `);

    const prod = await createDockerTestbed({ registries, host: 'prod-server' });
    expect((await prod.run('docker pull registry.company.com/user-service:stable')).exitCode).toBe(0);
    expect(await prod.store.get('refs', 'registry.company.com/user-service:stable')).toEqual({ imageId });
  });

  it('mounts layers another repository of the same registry holds', async () => {
    const bed = await createDockerTestbed();
    await buildImage(bed.store, 'FROM alpine:3.19\nCOPY base.txt /base.txt\n', { 'base.txt': 'shared base\n' }, ['registry.company.com/base:1']);
    await buildImage(bed.store, 'FROM registry.company.com/base:1\nCOPY app.txt /app.txt\n', { 'app.txt': 'app\n' }, ['registry.company.com/app:1']);
    await bed.run('echo pw | docker login registry.company.com -u ci --password-stdin');
    await bed.run('docker push registry.company.com/base:1');
    const r = await bed.run('docker push registry.company.com/app:1');
    expect(layerLines(r.stdout).map((l) => l.slice(14))).toEqual(['Pushed', 'Mounted from base', 'Mounted from base']);
  });

  it('pushes every tag with --all-tags, in tag order', async () => {
    const bed = await createDockerTestbed();
    await buildImage(bed.store, APP.dockerfile, APP.files, ['registry.company.com/myapp:1.0', 'registry.company.com/myapp:latest']);
    await bed.run('echo pw | docker login registry.company.com -u ci --password-stdin');
    const r = await bed.run('docker push --all-tags registry.company.com/myapp');
    expect(r.exitCode).toBe(0);
    const summary = r.stdout.split('\n').filter((l) => /: digest: /.test(l)).map((l) => l.split(':')[0]);
    expect(summary).toEqual(['1.0', 'latest']);
    expect(layerLines(r.stdout).map((l) => l.slice(14))).toEqual(['Pushed', 'Pushed', 'Layer already exists', 'Layer already exists']);
    expect((await bed.run('docker push -a registry.company.com/myapp:1.0')).stderr).toBe("tag can't be used with --all-tags/-a\n");
  });

  it('says what is missing locally after the repository line', async () => {
    const bed = await createDockerTestbed();
    const none = await bed.run('docker push myapp');
    expect(none).toEqual({
      exitCode: 1,
      stdout: 'Using default tag: latest\nThe push refers to repository [docker.io/library/myapp]\n',
      stderr: 'An image does not exist locally with the tag: myapp\n',
    });
    await buildImage(bed.store, APP.dockerfile, APP.files, ['registry.company.com/myapp:1.0']);
    await bed.run('echo pw | docker login registry.company.com -u ci --password-stdin');
    const tag = await bed.run('docker push registry.company.com/myapp:v2');
    expect(tag.stdout).toBe('The push refers to repository [registry.company.com/myapp]\n');
    expect(tag.stderr).toBe('tag does not exist: registry.company.com/myapp:v2\n');
    expect((await bed.run('docker push -q registry.company.com/myapp:1.0')).stdout).toBe('registry.company.com/myapp:1.0\n');
  });
});

describe('docker login and logout', () => {
  it('reads the password from stdin and keeps it per host, as config.json does', async () => {
    const registries = createTestRegistries();
    const bed = await createDockerTestbed({ registries });
    const r = await bed.run('echo s3cret | docker login registry.company.com -u ana --password-stdin');
    expect(r.stdout).toBe('Login Succeeded\n');
    expect(r.stderr).not.toContain('Using --password');
    expect(await bed.store.get('meta', 'docker-cli/config.json')).toEqual({ auths: { 'registry.company.com': { auth: btoa('ana:s3cret') } } });
    const again = await bed.run('docker login registry.company.com');
    expect(again.stdout).toBe(
      "Authenticating with existing credentials... [Username: ana]\nTo login with a different account, run 'docker logout' followed by 'docker login'\n\nLogin Succeeded\n",
    );
    const other = await createDockerTestbed({ registries, host: 'staging-server' });
    expect((await other.run('docker login registry.company.com')).stderr).toBe('Error: Cannot perform an interactive login from a non TTY device\n');
    const out = await bed.run('docker logout registry.company.com');
    expect(out.stdout).toBe('Removing login credentials for registry.company.com\n');
    expect(await bed.store.get('meta', 'docker-cli/config.json')).toEqual({ auths: {} });
    expect((await bed.run('docker logout')).stdout).toBe('Removing login credentials for https://index.docker.io/v1/\n');
  });

  it('checks option combinations as docker does', async () => {
    const bed = await createDockerTestbed();
    expect((await bed.run('docker login --password-stdin')).stderr).toBe('Must provide --username with --password-stdin\n');
    const both = await bed.run('echo x | docker login -u a -p b --password-stdin');
    expect(both.stderr).toBe('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n--password and --password-stdin are mutually exclusive\n');
    expect(both.exitCode).toBe(1);
  });

  it('prompts on a terminal, with Docker Hub’s hints', async () => {
    const bed = await createDockerTestbed();
    const asked: string[] = [];
    const answers = ['ana', 'pw'];
    const { runDocker } = await import('../program');
    let stdout = '';
    const shell = { args: [], env: { HOME: '/home/ana' }, stdout: { write: (t: string) => void (stdout += t) }, stderr: { write: () => undefined }, signal: undefined, addSimulatedSeconds: () => undefined };
    const code = await runDocker(['login'], { ...bed.context({ tty: true, prompt: async (q) => (asked.push(q), answers.shift()) }), shell: shell as never });
    expect(code).toBe(0);
    expect(asked).toEqual(['Username: ', 'Password: ']);
    expect(stdout).toContain("Log in with your Docker ID or email address to push and pull images from Docker Hub. If you don't have a Docker ID, head over to https://hub.docker.com/ to create one.\n");
    expect(stdout.endsWith('\nLogin Succeeded\n')).toBe(true);
  });
});
