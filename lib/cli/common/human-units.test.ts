import { describe, expect, it } from 'vitest';
import { formatDuration, tabulate } from './human-units';

describe('docker tables', () => {
  it('tabwriter: min width 10, padding 3, last column unpadded', () => {
    expect(tabulate([['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'], ['myapp', 'latest', '3f2a1b4c5d6e', '2 minutes ago', '12.3MB']])).toBe(
      'REPOSITORY   TAG       IMAGE ID       CREATED         SIZE\nmyapp        latest    3f2a1b4c5d6e   2 minutes ago   12.3MB\n',
    );
  });
});

describe('formatDuration', () => {
  it('prints build durations the way the summary shows them', () => {
    expect([0.04, 7.25, 45.2, 185, 3725].map(formatDuration)).toEqual(['0.0s', '7.3s', '45s', '3m 05s', '1h 02m']);
  });
});
