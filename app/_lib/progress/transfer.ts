// Export and import of progress as a JSON file. The file is versioned; an import is checked
// against the schema first and refused, with the first problems named, before anything is
// written. Importing merges (attempts by exercise and time, hints by the larger count, examples by
// id), so importing the same file twice changes nothing the second time.
import { formatJsonPath } from '@/lib/util';
import { z } from 'zod';
import { listBuiltExamples } from './attempts';
import { notifyProgressChanged } from './notify';
import { progressBackend } from './store';
import { ProgressError, type ProgressData } from './types';

export const PROGRESS_FORMAT = 'layerlab-progress';
export const PROGRESS_VERSION = 1;
/** Bounds on an import file: it is untrusted input. */
export const IMPORT_LIMITS = { bytes: 20 * 1024 * 1024, attempts: 100_000, text: 100_000, feedback: 200 } as const;

const text = z.string().max(IMPORT_LIMITS.text);
const id = z.string().min(1).max(200);

const attemptSchema = z.strictObject({
  exerciseId: id,
  lesson: z.string().max(200),
  kind: z.string().min(1).max(50),
  at: z.number().int().nonnegative(),
  response: text,
  score: z.number().finite(),
  max: z.number().finite().nonnegative(),
  passed: z.boolean(),
  feedback: z.array(text).max(IMPORT_LIMITS.feedback),
  hintsShown: z.number().int().nonnegative().max(1000),
  mode: z.enum(['practice', 'test']),
  selfRating: z.enum(['again', 'hard', 'good', 'easy']).optional(),
});

export const progressFileSchema = z.strictObject({
  format: z.literal(PROGRESS_FORMAT),
  version: z.literal(PROGRESS_VERSION),
  exportedAt: z.string(),
  attempts: z.array(attemptSchema).max(IMPORT_LIMITS.attempts),
  hints: z.array(z.strictObject({ exerciseId: id, hintsShown: z.number().int().nonnegative().max(1000) })).max(IMPORT_LIMITS.attempts),
  examples: z.array(id).max(10_000),
});

export type ProgressFile = z.infer<typeof progressFileSchema>;

/** Everything stored, as the export file's object. */
export async function exportProgress(now: Date = new Date()): Promise<ProgressFile> {
  const backend = await progressBackend();
  return {
    format: PROGRESS_FORMAT,
    version: PROGRESS_VERSION,
    exportedAt: now.toISOString(),
    attempts: await backend.attempts(),
    hints: (await backend.hints()).sort((a, b) => a.exerciseId.localeCompare(b.exerciseId)),
    examples: await listBuiltExamples(),
  };
}

export function progressFileName(now: Date = new Date()): string {
  return `layerlab-progress-${now.toISOString().slice(0, 10)}.json`;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const at = formatJsonPath(issue.path);
  return at ? `${at}: ${issue.message}` : issue.message;
}

/** Reads an export file's text; throws a ProgressError('invalid') saying why it is refused. */
export function parseProgressFile(json: string): ProgressData {
  if (json.length > IMPORT_LIMITS.bytes) throw new ProgressError('invalid', `This file is too large to be a progress export (over ${IMPORT_LIMITS.bytes / 1024 / 1024} MB).`);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new ProgressError('invalid', `This file is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const header = z.object({ format: z.literal(PROGRESS_FORMAT) }).safeParse(value);
  if (!header.success) throw new ProgressError('invalid', 'This file is not a Layerlab progress export (its "format" is not "layerlab-progress").');
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && version > PROGRESS_VERSION) {
    throw new ProgressError('invalid', `This file was written by a newer Layerlab (progress format version ${version}; this one reads version ${PROGRESS_VERSION}).`);
  }
  const parsed = progressFileSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const shown = issues.slice(0, 3).map(describeIssue).join('; ');
    throw new ProgressError('invalid', `This progress file is damaged: ${shown}${issues.length > 3 ? ` (and ${issues.length - 3} more)` : ''}.`);
  }
  const { attempts, hints, examples } = parsed.data;
  return { attempts, hints, examples };
}

export interface ImportSummary {
  attempts: number;
  hints: number;
  examples: number;
}

/** Checks a file and merges it into the store in one transaction; nothing changes when it is refused. */
export async function importProgress(json: string): Promise<ImportSummary> {
  const data = parseProgressFile(json);
  const added = await (await progressBackend()).merge(data);
  if (added.attempts + added.hints + added.examples > 0) notifyProgressChanged();
  return added;
}
