import { describe, expect, it } from 'vitest';
import { DOCKERFILE_LANGUAGE_ID } from '@/lib/editor';
import { isDockerfile, languageFor } from './file-language';

describe('the editor language of a workspace file', () => {
  it('knows Dockerfiles by name', () => {
    expect(DOCKERFILE_LANGUAGE_ID).toBe('dockerfile');
    for (const path of ['Dockerfile', 'app/Dockerfile', 'Dockerfile.prod', 'api.dockerfile', 'Containerfile']) {
      expect([path, isDockerfile(path), languageFor(path)]).toEqual([path, true, 'dockerfile']);
    }
    expect(isDockerfile('Dockerfiles/readme.md')).toBe(false);
    expect(isDockerfile('.dockerignore')).toBe(false);
  });

  it('shows other files in the languages Monaco has, else plain text', () => {
    expect(languageFor('entry.sh')).toBe('shell');
    expect(languageFor('docker-compose.yml')).toBe('yaml');
    expect(languageFor('README.md')).toBe('markdown');
    expect(languageFor('package.json')).toBe('json');
    expect(languageFor('app.py')).toBe('plaintext');
    expect(languageFor('.dockerignore')).toBe('plaintext');
  });
});
