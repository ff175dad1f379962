import { describe, expect, it } from 'vitest';
import { commandMatches, splitCommands } from './history-checks';
import { historyFromSnapshot } from './history-file';

describe('command history', () => {
  it('splits lines into simple commands outside quotes, dropping sudo and VAR=x prefixes', () => {
    expect(splitCommands('docker build -t a . && docker run a; echo "x && y" | grep x')).toEqual(['docker build -t a .', 'docker run a', 'echo x && y', 'grep x']);
    expect(splitCommands('sudo DOCKER_BUILDKIT=0 docker build .')).toEqual(['docker build .']);
  });

  it('matches canonical command words and flag sets', () => {
    expect(commandMatches('docker image prune -a', 'docker image prune --all --force')).toBe(true);
    expect(commandMatches('docker image prune -a', 'docker image prune -af')).toBe(true);
    expect(commandMatches('docker image prune -a', 'docker image prune')).toBe(false);
    expect(commandMatches('docker image prune', 'docker image ls')).toBe(false);
    expect(commandMatches('docker save', 'docker image save -o x.tar app')).toBe(true);
    expect(commandMatches('docker save', 'docker load -i x.tar')).toBe(false);
    expect(commandMatches('docker pull nginx@sha256:*', 'docker pull nginx@sha256:abc')).toBe(true);
    expect(commandMatches('docker push registry.company.com/*', 'docker image push registry.company.com/myapp:1.0')).toBe(true);
    expect(commandMatches('docker push registry.company.com/*', 'docker push myapp:1.0')).toBe(false);
  });

  it('reads the history out of a terminal snapshot and nothing out of anything else', () => {
    expect(historyFromSnapshot({ version: 1, history: ['docker images', 3, 'ls'], stack: [], exitCode: 0 })).toEqual(['docker images', 'ls']);
    for (const junk of [null, 'x', 42, {}, { history: 'docker images' }]) expect(historyFromSnapshot(junk)).toEqual([]);
  });
});
