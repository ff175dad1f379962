import { readContainerState, ZERO_TIME, type ContainerRecord } from '@/lib/engine';

/**
 * The files of `/var/lib/docker/containers/<id>/` a student looks at: `config.v2.json` (the
 * daemon's record, the main fields of Docker's shape), `hostname`, and `<id>-json.log`, the
 * json-file log driver's lines that `docker logs` reads.
 */
export function containerFiles(record: ContainerRecord): Record<string, string> {
  const state = readContainerState(record);
  const running = state.status === 'running';
  const [path, ...args] = state.command;
  const config = {
    StreamConfig: {},
    State: {
      Running: running,
      Paused: false,
      Restarting: false,
      OOMKilled: false,
      Dead: state.status === 'dead',
      Pid: 0,
      ExitCode: state.exitCode,
      Error: state.error,
      StartedAt: state.startedAt ?? ZERO_TIME,
      FinishedAt: state.finishedAt ?? ZERO_TIME,
    },
    ID: record.id,
    Created: record.created,
    Path: path ?? '',
    Args: args,
    Config: {
      Hostname: state.config.hostname,
      User: state.config.user,
      Tty: state.config.tty,
      OpenStdin: state.config.openStdin,
      Env: state.config.env,
      Cmd: state.config.cmd,
      Image: state.config.image,
      WorkingDir: state.config.workdir,
      Entrypoint: state.config.entrypoint,
      Labels: state.config.labels,
    },
    Image: record.imageId,
    Name: `/${record.name}`,
    Driver: 'overlay2',
    RestartCount: state.restartCount,
  };
  const logs = state.logs.map((line) => `${JSON.stringify({ log: line.text.endsWith('\n') ? line.text : `${line.text}\n`, stream: line.stream, time: line.time })}\n`).join('');
  return {
    'config.v2.json': JSON.stringify(config),
    hostname: `${state.config.hostname}\n`,
    [`${record.id}-json.log`]: logs,
  };
}
