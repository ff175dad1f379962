// Node's sha256 (OpenSSL) for tests outside lib/cli, e.g. the engine worker's tests under app/.
export { nodeSha256 } from '@/lib/cli/node-io';
