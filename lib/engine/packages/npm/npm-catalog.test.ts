import { describe, expect, it } from 'vitest';
import raw from '../../../../content/catalog/npm/packages.json';
import { loadNpmCatalog, parseNpmCatalog } from './npm-catalog';

describe('npm catalog', () => {
  it('loads the bundled catalog with the measured express tree', () => {
    const express = loadNpmCatalog().get('express');
    expect(express?.version).toBe('4.18.2');
    expect(express?.installedSize).toBeGreaterThan(2_000_000);
  });

  it('names the JSON path of a bad value', () => {
    const bad = structuredClone(raw) as { packages: Record<string, { unpackedSize: unknown }> };
    const ts = bad.packages.typescript;
    if (ts !== undefined) ts.unpackedSize = -1;
    expect(() => parseNpmCatalog(bad)).toThrow(/packages\.typescript\.unpackedSize: Too small/);
  });
});
