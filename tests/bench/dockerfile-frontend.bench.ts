/**
 * Front-end benchmark (issue 2): parse + typed instructions + expand + lint of a 1,000-line
 * Dockerfile, against the `dockerfile-ast` package parsing the same text in the same run.
 * Prints medians and the ratio ours/theirs (goal: at most 1.0x while doing more).
 * Run: npm run -s bench -- dockerfile
 */
import { DockerfileParser } from 'dockerfile-ast';
import {
  createArgScope,
  createShellLexer,
  lint,
  parseDockerfile,
  toInstructions,
  type Instruction,
  type ShellLexer,
  type StageScope,
} from '@/lib/dockerfile';
import { makeDockerfile } from './dockerfile-1000';
import { measure, printTable } from './measure';

/** Expands every word the build would expand, in Dockerfile order, with BuildKit's ARG scope. */
function expandAll(source: string): number {
  const dockerfile = parseDockerfile(source);
  const { metaArgs, stages } = toInstructions(dockerfile);
  const lexer = createShellLexer(dockerfile.escapeToken);
  const scope = createArgScope({ escapeToken: dockerfile.escapeToken });
  for (const meta of metaArgs) for (const decl of meta.args) scope.declareMeta(decl);
  let words = 0;
  for (const stage of stages) {
    lexer.expandWord(stage.from.image.value, scope.metaEnv());
    const env = scope.startStage({ kind: 'image', env: ['PATH=/usr/local/bin:/usr/bin:/bin'] });
    for (const instruction of stage.commands) words += expandInstruction(instruction, lexer, env);
  }
  return words;
}

function expandInstruction(instruction: Instruction, lexer: ShellLexer, env: StageScope): number {
  const expand = (word: string) => lexer.expandWord(word, env.lookup());
  switch (instruction.kind) {
    case 'arg':
      for (const decl of instruction.args) env.declare(decl);
      return instruction.args.length;
    case 'env':
      // All substitutions of one ENV see the environment as it was before it.
      for (const { key, value } of instruction.pairs.map((p) => ({ key: p.key, value: expand(p.value) }))) env.setEnv(key, value);
      return instruction.pairs.length;
    case 'label':
      for (const pair of instruction.pairs) expand(pair.value);
      return instruction.pairs.length;
    case 'copy':
    case 'add':
      for (const word of [...instruction.sources, instruction.destination]) expand(word.value);
      return instruction.sources.length + 1;
    case 'workdir':
      expand(instruction.path.value);
      return 1;
    case 'user':
      expand(instruction.user.value);
      return 1;
    case 'expose':
      for (const port of instruction.ports) expand(port.value);
      return instruction.ports.length;
    default:
      return 0;
  }
}

export function runDockerfileBench(): void {
  const source = makeDockerfile(1000);
  const ours = {
    parse: measure(() => parseDockerfile(source)),
    instructions: measure(() => toInstructions(parseDockerfile(source))),
    expand: measure(() => expandAll(source)),
    lint: measure(() => lint(source)),
  };
  // Our full pipeline is parse + typed instructions + expansion + lint, each starting from text.
  const oursTotal = measure(() => {
    expandAll(source);
    lint(source);
  });
  const theirs = measure(() => DockerfileParser.parse(source));
  printTable('Dockerfile front end, 1,000-line Dockerfile (median of timed runs)', [
    ['layerlab parse', ours.parse],
    ['layerlab parse + instructions', ours.instructions],
    ['layerlab parse + instructions + expand', ours.expand],
    ['layerlab lint (parses itself)', ours.lint],
    ['layerlab parse, expand and lint (total)', oursTotal],
    ['dockerfile-ast parse (reference)', theirs],
  ]);
  console.log(`ratio layerlab total / dockerfile-ast parse: ${(oursTotal / theirs).toFixed(2)}x (goal <= 1.00x)`);
}
