import { describe, expect, it } from 'vitest';
import { isEngineError } from '../errors';
import { parseExposePorts } from './expose-ports';

// BuildKit dockerfile2llb/convert_expose_test.go plus the common Dockerfile forms.
describe('parseExposePorts', () => {
  it.each([
    [['80'], ['80/tcp']],
    [['80/tcp', '443'], ['80/tcp', '443/tcp']],
    [['53/UDP', '9/sctp'], ['53/udp', '9/sctp']],
    [['80', '80'], ['80/tcp', '80/tcp']],
    [['1234-1236/tcp', '2345-2347/udp'], ['1234/tcp', '1235/tcp', '1236/tcp', '2345/udp', '2346/udp', '2347/udp']],
    [['0.0.0.0:1234-1235:3333-3334/tcp'], ['3333/tcp', '3334/tcp']],
    [['1234:1234/tcp', '0.0.0.0:3456:3456/sctp'], ['1234/tcp', '3456/sctp']],
    [['[2001:4860:0:2001::68]::333'], ['333/tcp']],
    [['[::1]:80:80'], ['80/tcp']],
    [['2001:4860:0:2001::68::333'], ['333/tcp']],
    [['::1:80:80'], ['80/tcp']],
    [['::::80'], ['80/tcp']],
  ])('%j', (specs, ports) => {
    expect(parseExposePorts(specs)).toEqual(ports);
  });

  it.each([
    ['localhost:1234:1234/tcp', 'invalid IP address: localhost'],
    ['/tcp', 'no port specified: /tcp<empty>'],
    ['80/http', 'invalid proto: http'],
    ['99999', 'invalid containerPort: 99999'],
    ['90-80', 'invalid containerPort: 90-80'],
    ['x:80', 'invalid hostPort: x'],
    ['8000-8001:9000-9002', 'invalid ranges specified for container and host Ports: 9000-9002 and 8000-8001'],
  ])('rejects %s', (spec, message) => {
    try {
      parseExposePorts([spec]);
      expect.unreachable();
    } catch (error) {
      expect(isEngineError(error, 'build')).toBe(true);
      expect((error as Error).message).toBe(message);
    }
  });
});
