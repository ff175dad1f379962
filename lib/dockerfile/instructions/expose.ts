/**
 * Static validation of one EXPOSE argument, as docker/go-connections `nat.ParsePortSpec` does at
 * build time: `80`, `80/tcp`, `8000-8010/udp`; protocols tcp, udp and sctp in any case. An IP or
 * host port (`127.0.0.1:80:80`, `8080:80`) is accepted by Docker but meaningless in EXPOSE; the
 * linter reports it (ExposeInvalidFormat). Returns an error message or null.
 * Arguments that still contain a variable are checked after expansion, at build time.
 */
export function validateExposePort(raw: string): string | null {
  const slash = raw.lastIndexOf('/');
  const portPart = slash >= 0 ? raw.slice(0, slash) : raw;
  const proto = slash >= 0 ? raw.slice(slash + 1) : 'tcp';
  const colon = portPart.lastIndexOf(':');
  const containerPort = colon >= 0 ? portPart.slice(colon + 1) : portPart;
  if (containerPort === '') return `no port specified: ${raw}<empty>`;
  const range = parsePortRange(containerPort);
  if (range === null) return `invalid containerPort: ${containerPort}`;
  if (!['tcp', 'udp', 'sctp'].includes(proto.toLowerCase())) return `invalid proto: ${proto}`;
  return null;
}

function parsePortRange(text: string): [number, number] | null {
  const dash = text.indexOf('-');
  const start = parsePort(dash >= 0 ? text.slice(0, dash) : text);
  const end = dash >= 0 ? parsePort(text.slice(dash + 1)) : start;
  if (start === null || end === null || end < start) return null;
  return [start, end];
}

function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const n = Number(text);
  return n <= 65535 ? n : null;
}
