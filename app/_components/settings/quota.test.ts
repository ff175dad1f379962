import { describe, expect, it } from 'vitest';
import { quotaErrorText } from './quota';

describe('quota errors', () => {
  it('recognizes the browser’s, the engine’s and a build’s wording', () => {
    expect(quotaErrorText(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe('The quota has been exceeded.');
    expect(quotaErrorText(new Error('no space left on device: the image store is full (used 9.8MB of 10MB)'))).toMatch(/image store is full/);
    expect(quotaErrorText('ERROR: failed to build: no space left on device: the image store is full')).toMatch(/^ERROR/);
    expect(quotaErrorText(new Error('wrapped', { cause: { name: 'QuotaExceededError', message: '' } }))).toBe('The storage quota was exceeded.');
    expect(quotaErrorText(Object.assign(new Error('the image store is full'), { code: 'quota' }))).toBe('the image store is full');
  });

  it('leaves other errors alone', () => {
    expect(quotaErrorText(new Error('pull access denied for nope'))).toBeNull();
    expect(quotaErrorText('exit code: 127')).toBeNull();
    expect(quotaErrorText(null)).toBeNull();
  });
});
