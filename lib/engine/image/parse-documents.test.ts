import { describe, expect, it } from 'vitest';
import { isEngineError } from '../errors';
import { parseImageConfig } from './parse-documents';
import { serializeImageConfig } from './serialize-config';

const D = `sha256:${'c'.repeat(64)}`;
const BUILDKIT_CONFIG =
  '{"architecture":"amd64","config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"Cmd":["/bin/sh"],"WorkingDir":"/","OnBuild":null},' +
  `"created":"2024-01-01T00:00:00Z","history":[{"created":"2024-01-01T00:00:00Z","created_by":"ADD rootfs.tar / # buildkit","comment":"buildkit.dockerfile.v0"},` +
  '{"created":"2024-01-01T00:00:00Z","created_by":"CMD [\\"/bin/sh\\"]","comment":"buildkit.dockerfile.v0","empty_layer":true}],' +
  `"os":"linux","rootfs":{"type":"layers","diff_ids":["${D}"]}}`;

describe('parseImageConfig', () => {
  it('reads a BuildKit config and writes it back byte for byte (nulls are absent fields)', () => {
    const config = parseImageConfig(BUILDKIT_CONFIG);
    expect(config.config.Cmd).toEqual(['/bin/sh']);
    expect(config.config.OnBuild).toBeUndefined();
    expect(serializeImageConfig(config)).toBe(BUILDKIT_CONFIG.replace(',"OnBuild":null', ''));
  });

  it('reads a config without layers', () => {
    const config = parseImageConfig(
      '{"architecture":"amd64","config":{},"created":null,"history":null,"os":"linux","rootfs":{"type":"layers","diff_ids":null}}',
    );
    expect(config.rootfs.diff_ids).toEqual([]);
    expect(config.created).toBeUndefined();
  });

  it.each([
    ['{', 'invalid image config:'],
    ['{"os":"linux"}', 'invalid image config: missing architecture or os'],
    ['{"architecture":"amd64","os":"linux","rootfs":{"type":"x"}}', 'invalid image config: rootfs.type must be "layers"'],
    ['{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":["x"]}}', 'invalid image config: rootfs.diff_ids must be sha256 digests'],
    ['{"architecture":"amd64","os":"linux","config":{"Cmd":"sh"},"rootfs":{"type":"layers"}}', 'invalid image config: config.Cmd must be a list of strings'],
    [`{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":["${D}"]},"history":[{"empty_layer":true}]}`, 'invalid image config: history does not match'],
  ])('rejects %s', (text, message) => {
    try {
      parseImageConfig(text);
      expect.unreachable();
    } catch (error) {
      expect(isEngineError(error, 'invalid-config')).toBe(true);
      expect((error as Error).message.startsWith(message)).toBe(true);
    }
  });
});
