import { describe, expect, it } from 'vitest';
import { goDuration, goList, goQuoteHealthcheck, goQuoteRune } from './go-format';

describe('goDuration (time.Duration.String)', () => {
  // Printed by Go.
  it.each([
    [0, '0s'],
    [1, '1ns'],
    [999, '999ns'],
    [1500, '1.5µs'],
    [1e6, '1ms'],
    [1.5e6, '1.5ms'],
    [1e9, '1s'],
    [1.5e9, '1.5s'],
    [90e9, '1m30s'],
    [3600e9, '1h0m0s'],
    [3601e9, '1h0m1s'],
    [-2e9, '-2s'],
    [360000000000001, '100h0m0.000000001s'],
  ])('%d ns', (nanos, text) => {
    expect(goDuration(nanos)).toBe(text);
  });
});

describe('fmt verbs', () => {
  it('quotes runes like %q of an int', () => {
    expect(goQuoteRune(3)).toBe("'\\x03'");
    expect(goQuoteRune(0)).toBe("'\\x00'");
    expect(goQuoteRune(65)).toBe("'A'");
    expect(goQuoteRune(39)).toBe("'\\''");
    expect(goQuoteRune(34)).toBe(`'"'`);
    expect(goQuoteRune(10)).toBe("'\\n'");
    expect(goQuoteRune(-1)).toBe("'�'");
  });

  it('prints %v of a []string', () => {
    expect(goList(['/bin/bash', '-c'])).toBe('[/bin/bash -c]');
    expect(goList(undefined)).toBe('[]');
  });

  it('prints %q of *HealthcheckConfig as Go does', () => {
    expect(goQuoteHealthcheck({ Test: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], Interval: 300e9, Timeout: 3e9, Retries: 3 })).toBe(
      `&{["CMD-SHELL" "curl -f http://localhost/ || exit 1"] "5m0s" "3s" "0s" "0s" '\\x03'}`,
    );
    expect(goQuoteHealthcheck({ Test: ['CMD', 'a"b'], Interval: 1.5e9, Timeout: 90e9, StartPeriod: 3601e9, StartInterval: 1500, Retries: 39 })).toBe(
      `&{["CMD" "a\\"b"] "1.5s" "1m30s" "1h0m1s" "1.5µs" '\\''}`,
    );
    expect(goQuoteHealthcheck({})).toBe(`&{[] "0s" "0s" "0s" "0s" '\\x00'}`);
  });
});
