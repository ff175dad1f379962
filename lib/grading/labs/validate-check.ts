import type { LabCheckData } from '@/lib/content';
import { sizeOf } from '../checks/image-checks';
import type { LabCheck, LabCheckKind } from '../checks/types';
import { CHECK_KINDS } from '../checks/evaluate';

/**
 * Checks a lab check's parameters against its kind (lib/content validates only the common
 * fields, exercise-types.ts `LabCheckData`): unknown kind, missing or mistyped parameter, a
 * parameter the kind does not have, a size that does not parse. Messages name the parameter as
 * the YAML spells it, so `layerlab content check` can print `checks[2].below: not a size`.
 */

type Param = 'string' | 'boolean' | 'number' | 'size' | 'strings' | 'any' | readonly string[];
interface ParamSpec {
  readonly type: Param;
  readonly required?: boolean;
}
const req = (type: Param): ParamSpec => ({ type, required: true });
const opt = (type: Param): ParamSpec => ({ type });
const range = { min: opt('number'), max: opt('number') };
const CONFIG_FIELDS = ['Cmd', 'Entrypoint', 'Env', 'ExposedPorts', 'User', 'WorkingDir', 'Labels'] as const;

/** Parameters of each kind (besides the common ones); mirrors checks/types.ts `LabCheckSpec`. */
const PARAMS: { readonly [K in LabCheckKind]: Readonly<Record<string, ParamSpec>> } = {
  'image-exists': { image: req('string'), exists: opt('boolean') },
  'image-size': { image: req('string'), below: opt('size'), above: opt('size') },
  'layer-count': { image: req('string'), count: opt(['layers', 'history']), ...range },
  'stage-count': { dockerfile: opt('string'), ...range },
  'base-image': { dockerfile: opt('string'), matches: req('strings') },
  config: { image: req('string'), field: req(CONFIG_FIELDS), equals: opt('any'), contains: opt('string'), absent: opt('boolean') },
  file: { image: req('string'), path: req('string'), present: req('boolean') },
  'image-starts': { image: req('string'), args: opt('strings') },
  'build-cached': { step: req('string'), cached: req('boolean') },
  'layer-reused': { image: req('string'), previous: req('string'), step: req('string'), reused: req('boolean') },
  command: { command: req('string'), used: req('boolean') },
  'archive-tags': { path: req('string'), tags: req('strings'), layers: opt('any') },
  'registry-tag': { ref: req('string'), sameAs: opt('string'), platforms: opt('strings') },
  'dangling-count': { ...range },
  'workspace-file': { path: req('string'), present: opt('boolean'), equals: opt('string'), contains: opt('string') },
  'context-size': { dockerfile: opt('string'), below: opt('size'), above: opt('size') },
  'lint-clean': { dockerfile: opt('string'), rules: req('strings') },
};

const COMMON = new Set(['id', 'kind', 'points', 'required', 'feedbackPass', 'feedbackFail', 'hint']);

export const LAB_CHECK_KINDS = Object.keys(CHECK_KINDS) as LabCheckKind[];

function isKind(kind: string): kind is LabCheckKind {
  return Object.hasOwn(PARAMS, kind);
}

function typeError(value: unknown, type: Param): string | null {
  switch (type) {
    case 'any':
      return null;
    case 'string':
      return typeof value === 'string' && value.trim() !== '' ? null : 'expected a non-empty string';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'expected true or false';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? null : 'expected a number of 0 or more';
    case 'strings':
      return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v !== '') ? null : 'expected a list of strings';
    case 'size':
      if (typeof value !== 'number' && typeof value !== 'string') return 'expected a size such as 200MB';
      try {
        sizeOf(value);
        return null;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    default:
      return typeof value === 'string' && type.includes(value) ? null : `expected one of ${type.join(', ')}`;
  }
}

/** Problems with one check as `at: message` lines (`below: not a size …`); empty when it is fine. */
export function validateLabCheck(check: LabCheckData): string[] {
  const kind = check.kind;
  if (!isKind(kind)) return [`kind: unknown check kind "${kind}" (known: ${LAB_CHECK_KINDS.join(', ')})`];
  const params = PARAMS[kind];
  const issues: string[] = [];
  for (const [name, spec] of Object.entries(params)) {
    const value = (check as Record<string, unknown>)[name];
    if (value === undefined) {
      if (spec.required === true) issues.push(`${name}: required for a ${kind} check`);
      continue;
    }
    const problem = typeError(value, spec.type);
    if (problem !== null) issues.push(`${name}: ${problem}`);
  }
  for (const name of Object.keys(check)) {
    if (!COMMON.has(name) && !Object.hasOwn(params, name)) issues.push(`${name}: a ${kind} check has no such parameter (it has ${Object.keys(params).join(', ') || 'none'})`);
  }
  if (kind === 'config' && check.equals === undefined && check.contains === undefined && check.absent === undefined) issues.push('config: give equals, contains or absent');
  if ((kind === 'image-size' || kind === 'context-size') && check.below === undefined && check.above === undefined) issues.push(`${kind}: give below or above`);
  if (kind === 'archive-tags' && check.layers !== undefined) {
    const layers = check.layers as Record<string, unknown> | null;
    const bad = typeof layers !== 'object' || layers === null || Object.entries(layers).some(([k, v]) => !['min', 'max'].includes(k) || typeError(v, 'number') !== null);
    if (bad) issues.push('layers: expected {min, max} numbers');
  }
  return issues;
}

/** The check as lib/grading's typed `LabCheck`, once `validateLabCheck` found nothing. */
export function asLabCheck(check: LabCheckData): LabCheck {
  return check as unknown as LabCheck;
}
