import { describe, expect, it } from 'vitest';
import { DockerfileError } from '../errors';
import { parseDockerfile } from '../parse';
import { toInstructions } from './to-instructions';
import type { Instruction } from './types';

const typed = (source: string) => toInstructions(parseDockerfile(source));

function errorOf(source: string): DockerfileError {
  try {
    typed(source);
  } catch (error) {
    if (error instanceof DockerfileError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(source)} to fail`);
}

function only(source: string): Instruction {
  const stage = typed(`FROM alpine\n${source}`).stages[0];
  const instruction = stage?.commands[0];
  if (!instruction) throw new Error('no instruction');
  return instruction;
}

describe('stages', () => {
  it('groups instructions under their FROM, keeps ARGs before the first FROM as meta args', () => {
    const result = typed('ARG BASE=alpine\nFROM ${BASE} AS Builder\nRUN make\nFROM scratch\nCOPY --from=builder /out /');
    expect(result.metaArgs.map((a) => a.args)).toEqual([[{ key: 'BASE', value: 'alpine', range: expect.any(Object) }]]);
    expect(result.stages.map((s) => [s.index, s.name, s.from.image.value, s.commands.map((c) => c.kind)])).toEqual([
      [0, 'builder', '${BASE}', ['run']],
      [1, null, 'scratch', ['copy']],
    ]);
  });

  it('rejects any other instruction before the first FROM', () => {
    const error = errorOf('RUN echo hi\nFROM alpine');
    expect(error.message).toBe('no build stage in current context');
    expect(error.line).toBe(1);
  });

  it('checks FROM arity and stage names with BuildKit\'s texts', () => {
    expect(errorOf('FROM alpine AS').message).toBe('dockerfile parse error on line 1: FROM requires either one or three arguments');
    expect(errorOf('FROM alpine AS 1st').message).toBe(
      'dockerfile parse error on line 1: invalid name for build stage: "1st", name can\'t start with a number or contain symbols',
    );
    expect(errorOf('FROM alpine FOR x').message).toBe('dockerfile parse error on line 1: FROM requires either one or three arguments');
    expect(typed('FROM alpine as My-Stage.1').stages[0]?.name).toBe('my-stage.1');
  });
});

describe('unknown instructions', () => {
  it('suggests the closest keyword in the author\'s case', () => {
    expect(errorOf('FROM alpine\nRUN x\nFNTRYPOINT ["a"]').message).toBe(
      'dockerfile parse error on line 3: unknown instruction: FNTRYPOINT (did you mean ENTRYPOINT?)',
    );
    expect(errorOf('FROM alpine\ncopi a b').message).toBe('dockerfile parse error on line 2: unknown instruction: copi (did you mean copy?)');
    expect(errorOf('FROM alpine\n\n\nBADCMD foo').message).toBe('dockerfile parse error on line 4: unknown instruction: BADCMD');
  });

  it('points the range at the keyword', () => {
    const error = errorOf('FROM alpine\n  FOO bar');
    expect(error.range?.start).toEqual({ line: 2, column: 3 });
  });
});

describe('flags', () => {
  it('reads COPY, ADD and RUN flags', () => {
    const copy = only('COPY --from=build --chown=app:app --chmod=755 --link a b /dst/');
    expect(copy).toMatchObject({ kind: 'copy', from: 'build', chown: 'app:app', chmod: '755', link: true });
    if (copy.kind !== 'copy') throw new Error('kind');
    expect(copy.sources.map((s) => s.value)).toEqual(['a', 'b']);
    expect(copy.destination.value).toBe('/dst/');
    const run = only('RUN --mount=type=cache,target=/root/.cache --mount=type=secret,id=x --network=none make');
    expect(run).toMatchObject({ kind: 'run', mounts: ['type=cache,target=/root/.cache', 'type=secret,id=x'], network: 'none' });
    expect(only('ADD --keep-git-dir=true --checksum=sha256:abc https://x/y.tgz /y')).toMatchObject({ keepGitDir: true, checksum: 'sha256:abc', unpack: null });
  });

  it('reports unknown, duplicate, valueless and non-boolean flags', () => {
    expect(errorOf('FROM alpine\nRUN --mont=type=cache,target=/x true').message).toBe(
      'dockerfile parse error on line 2: unknown flag: --mont (did you mean mount?)',
    );
    expect(errorOf('FROM alpine\nCOPY --from=a --from=b x y').message).toBe('dockerfile parse error on line 2: duplicate flag specified: --from');
    expect(errorOf('FROM alpine\nCOPY --from x y').message).toBe('dockerfile parse error on line 2: missing a value on flag: --from');
    expect(errorOf('FROM alpine\nCOPY --link= x y').message).toBe('dockerfile parse error on line 2: missing a value on flag: --link');
    expect(errorOf('FROM alpine\nCOPY --link=yes x y').message).toBe('dockerfile parse error on line 2: expecting boolean value for flag --link, not: yes');
    expect(errorOf('FROM alpine\nUSER --x=1 app').message).toBe('dockerfile parse error on line 2: unknown flag: --x');
  });

  it('points the error at the offending flag', () => {
    expect(errorOf('FROM alpine\nCOPY --chown=a --chmd=1 x y').range).toEqual({ start: { line: 2, column: 16 }, end: { line: 2, column: 24 } });
  });
});

describe('argument rules', () => {
  it.each([
    ['COPY x', 'COPY requires at least two arguments, but only one was provided. Destination could not be determined'],
    ['ADD x', 'ADD requires at least two arguments, but only one was provided. Destination could not be determined'],
    ['ENV PATH', 'ENV must have two arguments'],
    ['USER', 'USER requires exactly one argument'],
    ['WORKDIR', 'WORKDIR requires exactly one argument'],
    ['EXPOSE', 'EXPOSE requires at least one argument'],
    ['EXPOSE 80/tcpp', 'invalid proto: tcpp'],
    ['EXPOSE 70000', 'invalid containerPort: 70000'],
    ['EXPOSE abc', 'invalid containerPort: abc'],
    ['VOLUME [""]', 'VOLUME specified can not be an empty string'],
    ['SHELL /bin/bash -c', 'SHELL requires the arguments to be in JSON form'],
    ['ARG =x', 'ARG names can not be blank'],
    ['ONBUILD ONBUILD RUN x', 'Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed'],
    ['ONBUILD FROM alpine', 'FROM isn\'t allowed as an ONBUILD trigger'],
    ['ONBUILD MAINTAINER me', 'MAINTAINER isn\'t allowed as an ONBUILD trigger'],
    ['HEALTHCHECK NONE --x', 'HEALTHCHECK NONE takes no arguments'],
    ['HEALTHCHECK CMD', 'Missing command after HEALTHCHECK CMD'],
    ['HEALTHCHECK RUN curl x', 'Unknown type "RUN" in HEALTHCHECK (try CMD)'],
    ['HEALTHCHECK --interval=5 CMD true', 'time: missing unit in duration "5"'],
    ['HEALTHCHECK --interval=1us CMD true', 'Interval "interval" cannot be less than 1ms'],
    ['HEALTHCHECK --retries=-1 CMD true', '--retries cannot be negative (-1)'],
  ])('%s', (line, message) => {
    const error = errorOf(`FROM alpine\n${line}`);
    expect(error.message.replace(/^dockerfile parse error on line 2: /, '')).toBe(message);
    expect(error.line).toBe(2);
  });
});

describe('typed values', () => {
  it('keeps shell form as one string and exec form as an array', () => {
    expect(only('CMD ["python", "app.py"]')).toMatchObject({ command: { form: 'exec', args: ['python', 'app.py'] } });
    expect(only('CMD python app.py --port 80')).toMatchObject({ command: { form: 'shell', text: 'python app.py --port 80' } });
    expect(only('ENTRYPOINT ["/entry.sh"]')).toMatchObject({ kind: 'entrypoint', command: { form: 'exec', args: ['/entry.sh'] } });
  });

  it('reads ENV and LABEL pairs in both forms', () => {
    expect(only('ENV A=1 B="two words"')).toMatchObject({ pairs: [{ key: 'A', value: '1', equals: true }, { key: 'B', value: '"two words"', equals: true }] });
    expect(only('ENV PATH /usr/bin:/bin')).toMatchObject({ pairs: [{ key: 'PATH', value: '/usr/bin:/bin', equals: false }] });
    expect(only('LABEL version="1.0" team=web')).toMatchObject({ kind: 'label', pairs: [{ key: 'version' }, { key: 'team' }] });
  });

  it('reads HEALTHCHECK options and forms', () => {
    expect(only('HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD curl -f http://localhost/ || exit 1')).toMatchObject({
      test: { type: 'cmd', command: { form: 'shell', text: 'curl -f http://localhost/ || exit 1' } },
      interval: '30s',
      timeout: '3s',
      retries: 3,
    });
    expect(only('HEALTHCHECK NONE')).toMatchObject({ test: { type: 'none' } });
  });

  it('keeps ONBUILD triggers as text and as a typed instruction', () => {
    expect(only('ONBUILD COPY . /app')).toMatchObject({ expression: 'COPY . /app', trigger: { kind: 'copy' } });
    // Docker only validates a trigger when a child image is built.
    expect(only('ONBUILD FOO bar')).toMatchObject({ expression: 'FOO bar', trigger: null });
    expect(only('ONBUILD COPY --form=x a b')).toMatchObject({ expression: 'COPY --form=x a b', trigger: null });
  });

  it('accepts EXPOSE ranges, protocols in any case and variables', () => {
    expect(only('EXPOSE 80 443/TCP 8000-8010/udp $PORT')).toMatchObject({ kind: 'expose' });
  });

  it('separates heredoc sources from context paths in COPY', () => {
    const copy = only('COPY <<EOF /etc/motd\nhello\nEOF');
    expect(copy).toMatchObject({ kind: 'copy', sources: [], destination: { value: '/etc/motd' }, heredocs: [{ name: 'EOF', content: 'hello\n' }] });
  });
});
