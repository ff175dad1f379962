// lib/cli/terminal — the student's terminal without its screen: sessions, hosts, completion, line editing.
export { createTerminalSession, type TerminalIo, type TerminalOptions, type TerminalRunResult, type TerminalSession, type TerminalSnapshot } from './session';
export { HOSTS, WORKSTATION, findHost, memoryHostIo, type HostIo, type HostSpec } from './hosts';
export { isCompleteInput, InputAccumulator } from './input';
export type { HttpAnswerer, HttpReply, HttpRequest } from './curl';
