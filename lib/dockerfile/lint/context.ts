/**
 * Everything the rules share, computed once per lint: the parsed file, typed stages, which stage
 * builds on which, and (lazily, memoized) the shell analysis of each RUN. Rules walk this instead
 * of re-parsing, which keeps a 1,000-line Dockerfile in the millisecond range.
 */
import type { Dockerfile, InstructionNode, Range } from '../ast';
import type { Instruction, Instructions, RunInstruction, Stage } from '../instructions/types';
import { parseImageRef, type ImageRef } from './image-ref';
import { analyzeRun, insertionRange, wordRange, type RunAnalysis, type ScriptPart } from './shell/run-analysis';
import type { ShellWord } from './shell/parse-shell';
import type { SourceText } from './source-text';
import type { LintOptions } from './types';

export interface StageInfo {
  stage: Stage;
  index: number;
  /** Lower-cased name after AS, or null. */
  name: string | null;
  image: ImageRef;
  isFinal: boolean;
  /** The earlier stage this one builds on (`FROM builder`), or null. */
  parent: StageInfo | null;
  /** Some FROM uses this stage's name as its base image (hadolint's "used later" test). */
  usedAsBase: boolean;
}

/** A RUN in a stage, or the RUN trigger of an ONBUILD (which runs in a child image). */
export interface RunRef {
  run: RunInstruction;
  stage: StageInfo;
  onbuild: boolean;
}

export class LintContext {
  readonly stages: StageInfo[];
  private readonly analyses = new Map<RunInstruction, RunAnalysis>();
  private runList: RunRef[] | null = null;
  private allList: Instruction[] | null = null;
  private readonly memos = new Map<string, unknown>();

  constructor(
    readonly source: SourceText,
    readonly dockerfile: Dockerfile,
    readonly instructions: Instructions,
    readonly options: LintOptions,
  ) {
    const byName = new Map<string, StageInfo>();
    const baseNames = new Set<string>();
    this.stages = instructions.stages.map((stage, index) => {
      const image = parseImageRef(stage.from.image.value);
      baseNames.add(image.name);
      const info: StageInfo = {
        stage, index, name: stage.name, image, isFinal: index === instructions.stages.length - 1,
        parent: byName.get(stage.from.image.value) ?? null, usedAsBase: false,
      };
      if (stage.name) byName.set(stage.name, info);
      return info;
    });
    for (const info of this.stages) info.usedAsBase = info.name !== null && baseNames.has(info.name);
  }

  get escape(): '\\' | '`' {
    return this.dockerfile.escapeToken;
  }

  /** The final stage, the one `docker build` produces without `--target`. */
  get finalStage(): StageInfo | undefined {
    return this.stages[this.stages.length - 1];
  }

  /** Every RUN, in source order, with ONBUILD RUN triggers flagged. */
  get runs(): RunRef[] {
    if (!this.runList) {
      this.runList = [];
      for (const stage of this.stages) {
        for (const ins of stage.stage.commands) {
          if (ins.kind === 'run') this.runList.push({ run: ins, stage, onbuild: false });
          else if (ins.kind === 'onbuild' && ins.trigger?.kind === 'run') this.runList.push({ run: ins.trigger, stage, onbuild: true });
        }
      }
    }
    return this.runList;
  }

  /** Computes a value shared by several rules once per lint. */
  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  analyze(run: RunInstruction): RunAnalysis {
    let analysis = this.analyses.get(run);
    if (!analysis) {
      analysis = analyzeRun(run, this.source, this.escape);
      this.analyses.set(run, analysis);
    }
    return analysis;
  }

  /** The source range of shell words, falling back to the instruction's arguments. */
  wordRange(run: RunInstruction, part: ScriptPart, from: ShellWord, to?: ShellWord): Range {
    return wordRange(this.source, part, from, to) ?? run.command.range;
  }

  /** The exact source range of shell words, or null when it cannot be located. */
  exactRange(part: ScriptPart, from: ShellWord, to?: ShellWord): Range | null {
    return wordRange(this.source, part, from, to);
  }

  /** An empty range just after a word, for inserting ` --flag`; null when it cannot be located. */
  after(part: ScriptPart, word: ShellWord): Range | null {
    return part.kind === 'exec' ? null : insertionRange(this.source, part, word.end);
  }

  /** Every instruction in source order: meta ARGs, then each stage's FROM and commands. */
  get all(): readonly Instruction[] {
    // Built once with plain pushes (no spread or flatMap copies, no closure per access).
    if (this.allList === null) {
      const list: Instruction[] = [...this.instructions.metaArgs];
      for (const stage of this.instructions.stages) {
        list.push(stage.from);
        for (const ins of stage.commands) list.push(ins);
      }
      this.allList = list;
    }
    return this.allList;
  }

  /** The text of a node's source as written (used by fixes that rewrite a keyword). */
  textOf(range: Range): string {
    return this.source.text.slice(this.source.offsetAt(range.start), this.source.offsetAt(range.end));
  }

  /** The node that owns a line, for findings that come without one (parser warnings). */
  nodeAtLine(line: number): InstructionNode | undefined {
    const nodes = this.dockerfile.instructions;
    let lo = 0;
    let hi = nodes.length - 1;
    let found: InstructionNode | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const node = nodes[mid] as InstructionNode;
      if (node.range.start.line <= line) {
        found = node;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found ?? nodes[0];
  }
}
