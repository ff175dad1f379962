/**
 * One pass over the editor's text: parse once, type the instructions once, lint the tree already
 * parsed (`lintDockerfile`). Hovers, completions, quick fixes and markers all read this result,
 * so a keystroke costs one parse however many features ask.
 */
import {
  isDockerfileError,
  lint,
  lintDockerfile,
  parseDockerfile,
  toInstructions,
  type Dockerfile,
  type Finding,
  type Instructions,
  type LintOptions,
} from '@/lib/dockerfile';

export interface DockerfileAnalysis {
  text: string;
  /** The syntax tree, or null when the text does not parse. */
  dockerfile: Dockerfile | null;
  /** Typed instructions, or null when the tree has an instruction BuildKit rejects. */
  instructions: Instructions | null;
  /** Lint findings, sorted; a parse error is the DL1000 finding at its exact position. */
  findings: readonly Finding[];
}

export function analyzeDockerfile(text: string, options: LintOptions = {}): DockerfileAnalysis {
  let dockerfile: Dockerfile;
  try {
    dockerfile = parseDockerfile(text);
  } catch (error) {
    if (!isDockerfileError(error)) throw error;
    // lint() turns the same parse error into its DL1000 finding (parsing again is cheap here:
    // it fails at the same spot).
    return { text, dockerfile: null, instructions: null, findings: lint(text, options).findings };
  }
  let instructions: Instructions | null;
  try {
    instructions = toInstructions(dockerfile);
  } catch (error) {
    if (!isDockerfileError(error)) throw error;
    instructions = null;
  }
  // Without instructions lintDockerfile derives them again and reports the error as DL1000.
  const { findings } = lintDockerfile(dockerfile, instructions ?? undefined, options);
  return { text, dockerfile, instructions, findings };
}

/** Keeps the last analysis, so the providers Monaco calls for one text share one parse. */
export function createAnalysisCache(options: LintOptions = {}): (text: string) => DockerfileAnalysis {
  let last: DockerfileAnalysis | null = null;
  return (text) => {
    if (last === null || last.text !== text) last = analyzeDockerfile(text, options);
    return last;
  };
}
