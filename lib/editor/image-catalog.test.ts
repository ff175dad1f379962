import { describe, expect, it } from 'vitest';
import { findImage, pinnedTag, shortImageName, splitImageRef } from './image-catalog';
import { IMAGES } from './test-catalog';

describe('image catalog', () => {
  it('lists hub repositories by the names a Dockerfile uses, sorted', () => {
    expect(IMAGES.images.map((i) => i.name)).toEqual(['gcr.io/distroless/static-debian12', 'node', 'python']);
    expect(IMAGES.images.find((i) => i.name === 'node')?.tags[0]).toEqual({ name: '18', aliases: ['18.19.0', '18.19', 'hydrogen', '18-bookworm', 'latest'], size: '1.09GB' });
  });

  it('shortens Docker Hub names only', () => {
    expect(shortImageName('docker.io/library/node')).toBe('node');
    expect(shortImageName('docker.io/bitnami/redis')).toBe('bitnami/redis');
    expect(shortImageName('ghcr.io/company/app')).toBe('ghcr.io/company/app');
  });

  it('splits references at the tag colon after the last slash', () => {
    expect(splitImageRef('node:latest')).toEqual({ name: 'node', tag: 'latest', digest: null });
    expect(splitImageRef('localhost:5000/app')).toEqual({ name: 'localhost:5000/app', tag: null, digest: null });
    expect(splitImageRef('node@sha256:ab')).toEqual({ name: 'node', tag: null, digest: 'sha256:ab' });
  });

  it('pins a moving tag to the most precise release naming the same image', () => {
    const node = findImage(IMAGES, 'node');
    expect(node).toBeDefined();
    if (!node) return;
    expect(pinnedTag(node, 'latest')).toBe('18.19.0');
    expect(pinnedTag(node, '18-alpine')).toBe('18.19.0-alpine3.19');
    expect(pinnedTag(node, 'nope')).toBeNull();
    expect(findImage(IMAGES, 'library/node')?.name).toBe('node');
    const distroless = findImage(IMAGES, 'gcr.io/distroless/static-debian12');
    expect(distroless && pinnedTag(distroless, 'latest')).toBeNull();
  });
});
