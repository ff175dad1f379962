import { describe, expect, it } from 'vitest';
import { cacheOf, underPattern } from './cache-paths';

describe('cacheOf', () => {
  it('finds the cache a path lies in, a `*` standing for one path component', () => {
    expect(cacheOf('/var/lib/apt/lists/deb.debian.org_Packages')?.id).toBe('apt-lists');
    expect(cacheOf('/var/lib/apt/lists')?.id).toBe('apt-lists');
    expect(cacheOf('/var/lib/apt/listsX')).toBeUndefined();
    expect(cacheOf('/root/.cache/pip/http/a/b')?.id).toBe('pip-cache');
    expect(cacheOf('/home/app/.cache/pip/wheels/x')?.id).toBe('pip-cache-user');
    expect(cacheOf('/home/app/sub/.cache/pip/x')).toBeUndefined();
    expect(cacheOf('/home/app/.npm/_cacache/x')?.id).toBe('npm-cache-user');
    expect(cacheOf('/var/cache/apk/APKINDEX.tar.gz')?.id).toBe('apk-cache');
    expect(cacheOf('/usr/lib/python3/dist-packages/x.py')).toBeUndefined();
    expect(underPattern('/a.b/c', '/a.b')).toBe(true);
    expect(underPattern('/axb/c', '/a.b')).toBe(false);
    expect(underPattern('/h/x.y/z', '/h/*/z')).toBe(true);
  });
});
