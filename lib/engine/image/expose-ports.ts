import { EngineError } from '../errors';

/**
 * EXPOSE arguments to `port/proto` keys, as BuildKit's `parsePortSpecs`
 * (dockerfile2llb/convert_expose.go) does after word expansion: `80` → `80/tcp`, `53/UDP` →
 * `53/udp`, ranges expanded (`8000-8002` → three ports), an IP and host port accepted and
 * dropped (`127.0.0.1:8080:80` → `80/tcp`). The list keeps input order and duplicates: it is
 * what the history line prints (`EXPOSE [80/tcp 443/tcp]`); the config's ExposedPorts is its set.
 */
export function parseExposePorts(specs: readonly string[]): string[] {
  return specs.flatMap(parsePortSpec);
}

function fail(message: string): never {
  throw new EngineError('build', message);
}

function parsePortSpec(raw: string): string[] {
  const { ip: rawIp, hostPort, containerPort: withProto } = splitParts(raw);
  const slash = withProto.indexOf('/');
  const port = slash < 0 ? withProto : withProto.slice(0, slash);
  const proto = (slash < 0 ? '' : withProto.slice(slash + 1)).toLowerCase() || 'tcp';
  if (port === '') fail(`no port specified: ${withProto}<empty>`);
  if (!['tcp', 'udp', 'sctp'].includes(proto)) fail(`invalid proto: ${proto}`);
  let ip = rawIp;
  if (ip.startsWith('[')) {
    // net.SplitHostPort(ip + ":") strips the brackets of an IPv6 address.
    if (!ip.endsWith(']')) fail(`invalid IP address ${ip}: address ${ip}:: missing ']' in address`);
    ip = ip.slice(1, -1);
  }
  if (ip !== '' && !isIp(ip)) fail(`invalid IP address: ${ip}`);
  const range = parsePortRange(port);
  if (range === null) fail(`invalid containerPort: ${port}`);
  const [start, end] = range;
  if (hostPort !== '') {
    const host = parsePortRange(hostPort);
    if (host === null) fail(`invalid hostPort: ${hostPort}`);
    if (end - start !== host[1] - host[0] && end !== start) {
      fail(`invalid ranges specified for container and host Ports: ${port} and ${hostPort}`);
    }
  }
  const ports: string[] = [];
  for (let p = start; p <= end; p++) ports.push(`${p}/${proto}`);
  return ports;
}

/** go-connections `splitParts`: `[ip:]hostPort:containerPort`, an IPv6 ip may hold colons. */
function splitParts(raw: string): { ip: string; hostPort: string; containerPort: string } {
  const parts = raw.split(':');
  const n = parts.length;
  if (n === 1) return { ip: '', hostPort: '', containerPort: parts[0] ?? '' };
  if (n === 2) return { ip: '', hostPort: parts[0] ?? '', containerPort: parts[1] ?? '' };
  return { ip: parts.slice(0, n - 2).join(':'), hostPort: parts[n - 2] ?? '', containerPort: parts[n - 1] ?? '' };
}

/** `parsePortRange`: `80` or `8000-8010`, each a uint16 (`strconv.ParseUint(s, 10, 16)`). */
function parsePortRange(text: string): [number, number] | null {
  const parts = text.split('-');
  if (parts.length > 2) return null;
  const nums = parts.map((p) => (/^\d+$/.test(p) && Number(p) <= 65535 ? Number(p) : null));
  const start = nums[0] ?? null;
  const end = nums.length === 2 ? (nums[1] ?? null) : start;
  if (start === null || end === null || end < start) return null;
  return [start, end];
}

/** Enough of `net.ParseIP`: dotted IPv4, or IPv6 in hex groups (one `::`, optional IPv4 tail). */
function isIp(s: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (v4 !== null) return v4.slice(1).every((o) => Number(o) <= 255 && !(o.length > 1 && o.startsWith('0')));
  if (!s.includes(':') || (s.match(/::/g) ?? []).length > 1) return false;
  let groups = s.split(':');
  const last = groups[groups.length - 1] ?? '';
  let width = 8;
  if (last.includes('.')) {
    if (!isIp(last)) return false;
    groups = groups.slice(0, -1);
    width = 6;
  }
  const compressed = s.includes('::');
  const nonEmpty = groups.filter((g) => g !== '');
  if (!nonEmpty.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return compressed ? nonEmpty.length < width : groups.length === width;
}
