import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dockerfile, InstructionNode, Range } from '../ast';
import { DockerfileError } from '../errors';
import { dumpDockerfile, dumpNode } from './dump';
import { goQuote } from '@/lib/util';
import { parseDockerfile } from './parser';

const RUNS = { numRuns: 300 };

/** Characters that exercise the parser's special cases. */
const dockerfileChar = fc.constantFrom(
  ...'FROMRUNCOPYADDENVLABELONBUILDHEALTHCHECKcmdarg abc= \t\n\r\\`"\'#[]{},:<<-$0123\u0000\u00a0\u0085é😀'.split(''),
  '\ud800',
  '<<',
  '\\\n',
  '# escape=`\n',
  'RUN <<EOF\n',
  'EOF\n',
  '--x=1 ',
);
const dockerfileText = fc.oneof(fc.string({ unit: dockerfileChar, maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));

function isValidRange(lines: string[], r: Range): boolean {
  const ok = (p: { line: number; column: number }) => {
    const text = lines[p.line - 1];
    return text !== undefined && p.column >= 1 && p.column <= text.length + 1;
  };
  const ordered = r.start.line < r.end.line || (r.start.line === r.end.line && r.start.column <= r.end.column);
  return ok(r.start) && ok(r.end) && ordered;
}

function allRanges(node: InstructionNode): Range[] {
  const ranges = [node.range, node.keywordRange, ...node.flags.map((f) => f.range), ...node.args.map((a) => a.range)];
  ranges.push(...node.heredocs.map((h) => h.range));
  return node.child ? ranges.concat(allRanges(node.child)) : ranges;
}

describe('parser properties', () => {
  it('returns a tree or throws DockerfileError, never anything else, with valid ranges', () => {
    fc.assert(
      fc.property(dockerfileText, (src) => {
        let df: Dockerfile;
        try {
          df = parseDockerfile(src);
        } catch (error) {
          expect(error).toBeInstanceOf(DockerfileError);
          return;
        }
        const lines = df.source.split('\n');
        for (const node of df.instructions) {
          for (const range of allRanges(node)) expect(isValidRange(lines, range)).toBe(true);
        }
        expect(dumpDockerfile(df).endsWith(')\n')).toBe(true);
      }),
      RUNS,
    );
  });

  // Arguments that survive a trip through the exec form: well-formed, any content.
  const execArg = fc.string({ unit: 'grapheme', maxLength: 12 });
  const word = fc.stringMatching(/^[a-z0-9_./:-]{1,10}$/).filter((w) => !w.startsWith('--') && w !== '[');
  const shellText = fc
    .array(word, { minLength: 1, maxLength: 5 })
    .map((words) => words.join(' '))
    .filter((t) => !t.startsWith('-') && !t.includes('<<'));

  it('decodes exec-form arguments exactly (JSON.stringify → Go JSON → dump)', () => {
    fc.assert(
      fc.property(fc.constantFrom('RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'VOLUME'), fc.array(execArg, { maxLength: 5 }), (kw, args) => {
        const node = parseDockerfile(`${kw} ${JSON.stringify(args)}\n`).instructions[0];
        expect(node?.json).toBe(true);
        expect(node?.args.map((a) => a.value)).toEqual(args);
        expect(dumpNode(node as InstructionNode)).toBe([kw.toLowerCase(), ...args.map(goQuote)].join(' '));
      }),
      RUNS,
    );
  });

  it('keeps shell-form text and whitespace-split words', () => {
    fc.assert(
      fc.property(shellText, fc.array(word, { maxLength: 2 }), (text, flags) => {
        const flagText = flags.map((f) => `--${f}`).join(' ');
        const df = parseDockerfile(`RUN ${flagText} ${text}\nCOPY ${flagText} ${text} /dst\n`);
        const [run, copy] = df.instructions;
        expect(run?.flags.map((f) => f.raw)).toEqual(flags.map((f) => `--${f}`));
        expect(run?.args.map((a) => a.value)).toEqual([text]);
        expect(copy?.args.map((a) => a.value)).toEqual([...text.split(' '), '/dst']);
        for (const arg of copy?.args ?? []) {
          expect(arg.range.end.column - arg.range.start.column).toBe(arg.value.length);
        }
      }),
      RUNS,
    );
  });

  it('splits ENV pairs into triples, also across continuation lines', () => {
    const pair = fc.tuple(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,6}$/), fc.stringMatching(/^[a-z0-9/.]{0,6}$/));
    fc.assert(
      fc.property(fc.array(pair, { minLength: 1, maxLength: 6 }), fc.boolean(), (pairs, continued) => {
        const sep = continued ? ' \\\n    ' : ' ';
        const node = parseDockerfile(`ENV ${pairs.map(([k, v]) => `${k}=${v}`).join(sep)}\n`).instructions[0];
        expect(node?.args.map((a) => a.value)).toEqual(pairs.flatMap(([k, v]) => [k, v, '=']));
      }),
      RUNS,
    );
  });

  /** Rebuilds Dockerfile text from a parsed tree in forms whose dump must not change. */
  function rebuild(df: Dockerfile): string {
    return df.instructions
      .map((node) => {
        const flags = node.flags.map((f) => ` ${f.raw}`).join('');
        const values = node.args.map((a) => a.value);
        if (node.json) return `${node.keyword.toUpperCase()}${flags} ${JSON.stringify(values)}`;
        return `${node.keyword.toUpperCase()}${flags} ${values.join(' ')}`.trimEnd();
      })
      .join('\n');
  }

  it('gives a stable dump when re-rendered from the dumped arguments', () => {
    const instruction = fc.oneof(
      fc.tuple(fc.constantFrom('RUN', 'CMD', 'ENTRYPOINT'), fc.array(execArg, { maxLength: 4 })).map(([k, a]) => `${k} ${JSON.stringify(a)}`),
      fc.tuple(fc.constantFrom('RUN', 'CMD', 'USER', 'WORKDIR'), shellText).map(([k, t]) => `${k} ${t}`),
      fc.tuple(fc.constantFrom('FROM', 'EXPOSE', 'COPY', 'ADD', 'VOLUME', 'ARG'), fc.array(word, { minLength: 1, maxLength: 4 })).map(
        ([k, w]) => `${k} ${w.join('  ')}`,
      ),
      fc.tuple(fc.array(word, { minLength: 1, maxLength: 2 }), shellText).map(([f, t]) => `COPY ${f.map((x) => `--${x}`).join(' ')} ${t} /d`),
    );
    fc.assert(
      fc.property(fc.array(instruction, { minLength: 1, maxLength: 8 }), (lines) => {
        const first = parseDockerfile(lines.join('\n'));
        const second = parseDockerfile(rebuild(first));
        expect(dumpDockerfile(second)).toBe(dumpDockerfile(first));
      }),
      RUNS,
    );
  });
});
