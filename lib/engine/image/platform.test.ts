import { describe, expect, it } from 'vitest';
import { isEngineError } from '../errors';
import { emptyConfig } from './update-config';
import { formatImagePlatform, parseImagePlatform, platformOf, samePlatform } from './platform';

describe('platforms', () => {
  it.each([
    ['linux/amd64', { architecture: 'amd64', os: 'linux' }, 'linux/amd64'],
    ['linux/arm64', { architecture: 'arm64', os: 'linux' }, 'linux/arm64'],
    ['linux/arm64/v8', { architecture: 'arm64', os: 'linux' }, 'linux/arm64'],
    ['linux/arm/v7', { architecture: 'arm', os: 'linux', variant: 'v7' }, 'linux/arm/v7'],
    ['linux/arm', { architecture: 'arm', os: 'linux', variant: 'v7' }, 'linux/arm/v7'],
    ['linux/arm/6', { architecture: 'arm', os: 'linux', variant: 'v6' }, 'linux/arm/v6'],
    ['aarch64', { architecture: 'arm64', os: 'linux' }, 'linux/arm64'],
    ['linux/x86_64', { architecture: 'amd64', os: 'linux' }, 'linux/amd64'],
  ])('%s', (text, platform, formatted) => {
    expect(parseImagePlatform(text)).toEqual(platform);
    expect(formatImagePlatform(parseImagePlatform(text))).toBe(formatted);
  });

  it('rejects nonsense with containerd\'s text', () => {
    try {
      parseImagePlatform('linux//');
      expect.unreachable();
    } catch (error) {
      expect(isEngineError(error, 'invalid-config')).toBe(true);
      expect((error as Error).message).toContain('unknown operating system or architecture');
    }
  });

  it('keeps an os version (Windows)', () => {
    const platform = parseImagePlatform('windows(10.0.17763)/amd64');
    expect(platform).toEqual({ architecture: 'amd64', os: 'windows', 'os.version': '10.0.17763' });
    expect(formatImagePlatform(platform)).toBe('windows/amd64');
  });

  it('reads the platform of a config', () => {
    const config = emptyConfig({ architecture: 'arm', os: 'linux', variant: 'v7' });
    expect(platformOf(config)).toEqual({ architecture: 'arm', os: 'linux', variant: 'v7' });
    expect(samePlatform(platformOf(config), parseImagePlatform('linux/arm/v7'))).toBe(true);
    expect(samePlatform(platformOf(config), parseImagePlatform('linux/arm64'))).toBe(false);
  });
});
