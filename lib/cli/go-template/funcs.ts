// Template functions: Go's builtins (text/template/funcs.go) and docker/cli's extras
// (templates/templates.go), each with the Go signature the executor checks arguments against.
import { goToLower } from '@/lib/util';
import { sprint, sprintf, sprintln } from './fmt';
import { JsonError, marshal } from './json';
import { decodeBytes } from './literals';
import { GoFloat, GoMap, GoNil, compareGoStrings, isInt, isStruct, isTrue, typeName } from './values';

/** Parameter types the executor distinguishes (Go's reflect types of the functions' parameters). */
export type ParamType = 'any' | 'value' | 'string' | 'int' | '[]string';

export interface GoFunc {
  params: readonly ParamType[];
  /** Element type of a trailing variadic parameter. */
  variadic?: ParamType;
  call(args: unknown[]): unknown;
}

/** An error a function returns (or a panic it recovers from): `error calling NAME: <message>`. */
export class FuncError extends Error {}

const ENCODER = new TextEncoder();
const bytesOf = (s: string): number[] => [...ENCODER.encode(s)];

const fn = (params: readonly ParamType[], call: (args: unknown[]) => unknown, variadic?: ParamType): GoFunc => ({
  params,
  call,
  variadic,
});

/** Indexes of slices and strings: ints only. */
function indexArg(index: unknown, cap: number): number {
  if (index === undefined) throw new FuncError('cannot index slice/array with nil');
  if (!isInt(index)) throw new FuncError(`cannot index slice/array with type ${typeName(index)}`);
  if (index < 0 || index > cap) throw new FuncError(`index out of range: ${index}`);
  return index;
}

/** The zero value of a map's element type, read from its Go type name. */
function zeroOfMapElem(m: GoMap | GoNil): unknown {
  const elem = typeName(m).replace(/^map\[[^\]]*\]/, '');
  if (elem === 'string') return '';
  if (/^u?int(8|16|32|64)?$/.test(elem)) return 0;
  if (elem === 'float64' || elem === 'float32') return new GoFloat(0);
  if (elem === 'bool') return false;
  if (elem === 'struct {}') return {};
  if (elem.startsWith('[]')) return new GoNil('slice', elem);
  if (elem.startsWith('map[')) return new GoNil('map', elem);
  return undefined;
}

function index(args: unknown[]): unknown {
  let item = args[0];
  if (item === undefined) throw new FuncError('index of untyped nil');
  for (const idx of args.slice(1)) {
    if (item === null) throw new FuncError('index of nil pointer');
    if (typeof item === 'string') {
      const bytes = bytesOf(item);
      const x = indexArg(idx, bytes.length);
      if (x === bytes.length) throw new FuncError('reflect: string index out of range');
      item = bytes[x];
    } else if (Array.isArray(item) || (item instanceof GoNil && item.kind === 'slice')) {
      const arr = Array.isArray(item) ? item : [];
      const x = indexArg(idx, arr.length);
      if (x === arr.length) throw new FuncError('reflect: slice index out of range');
      item = arr[x];
    } else if (item instanceof GoMap || (item instanceof GoNil && item.kind === 'map')) {
      const key = idx === undefined || idx === null ? '' : idx;
      if (typeof key !== 'string') throw new FuncError(`value has type ${typeName(key)}; should be string`);
      item = item instanceof GoMap && item.entries.has(key) ? item.entries.get(key) : zeroOfMapElem(item);
    } else throw new FuncError(`can't index item of type ${typeName(item)}`);
  }
  return item;
}

function slice(args: unknown[]): unknown {
  const item = args[0];
  const idx = args.slice(1);
  if (item === undefined) throw new FuncError('slice of untyped nil');
  if (idx.length > 3) throw new FuncError(`too many slice indexes: ${idx.length}`);
  let len: number;
  if (typeof item === 'string') {
    if (idx.length === 3) throw new FuncError('cannot 3-index slice a string');
    len = bytesOf(item).length;
  } else if (Array.isArray(item)) len = item.length;
  else if (item instanceof GoNil && item.kind === 'slice') len = 0;
  else throw new FuncError(`can't slice item of type ${typeName(item)}`);
  const bounds = [0, len];
  idx.forEach((x, i) => (bounds[i] = indexArg(x, len)));
  const [lo = 0, hi = len, max] = [bounds[0], bounds[1], bounds[2]];
  if (lo > hi) throw new FuncError(`invalid slice index: ${lo} > ${hi}`);
  if (max !== undefined && hi > max) throw new FuncError(`invalid slice index: ${hi} > ${max}`);
  if (typeof item === 'string') return decodeBytes(bytesOf(item).slice(lo, hi));
  return Array.isArray(item) ? item.slice(lo, hi) : item;
}

function length(v: unknown): number {
  if (v === null) throw new FuncError('len of nil pointer');
  if (v === undefined) throw new FuncError('reflect: call of reflect.Value.Type on zero Value');
  if (typeof v === 'string') return bytesOf(v).length;
  if (Array.isArray(v)) return v.length;
  if (v instanceof GoMap) return v.entries.size;
  if (v instanceof GoNil) return 0;
  throw new FuncError(`len of type ${typeName(v)}`);
}

type Kind = 'bool' | 'int' | 'float' | 'string' | 'invalid';

function basicKind(v: unknown): Kind {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return isInt(v) ? 'int' : 'float';
  if (v instanceof GoFloat) return 'float';
  return 'invalid';
}

const num = (v: unknown): number => (v instanceof GoFloat ? v.value : (v as number));

function reflectKind(v: unknown): string {
  if (v === undefined) return 'invalid';
  if (v === null) return 'ptr';
  if (Array.isArray(v) || (v instanceof GoNil && v.kind === 'slice')) return 'slice';
  if (v instanceof GoMap || v instanceof GoNil) return 'map';
  return typeof v === 'function' ? 'func' : 'struct';
}

const isNilValue = (v: unknown): boolean => v === undefined || v === null || v instanceof GoNil;

function structEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isStruct(a) || !isStruct(b) || typeName(a) !== typeName(b)) return false;
  const fa = Object.entries(a);
  const fb = Object.entries(b);
  return fa.length === fb.length && fa.every(([k, x], i) => fb[i]?.[0] === k && (x === fb[i]?.[1] || structEqual(x, fb[i]?.[1])));
}

function eq(args: unknown[]): boolean {
  const [a1, ...rest] = args;
  if (rest.length === 0) throw new FuncError('missing argument for comparison');
  const k1 = basicKind(a1);
  for (const a of rest) {
    const k2 = basicKind(a);
    let truth = false;
    if (k1 !== k2) {
      if (a1 !== undefined && a !== undefined) {
        throw new FuncError(`incompatible types for comparison: ${typeName(a1)} and ${typeName(a)}`);
      }
    } else if (k1 === 'int' || k1 === 'float') truth = num(a1) === num(a);
    else if (k1 !== 'invalid') truth = a1 === a;
    else {
      const r1 = reflectKind(a1);
      const r2 = reflectKind(a);
      if (r1 !== r2 && r1 !== 'invalid' && r2 !== 'invalid') {
        throw new FuncError(`non-comparable types ${sprintf('%s', [a1])}: ${typeName(a1)}, ${typeName(a)}: ${sprint([a])}`);
      }
      if (isNilValue(a1) || isNilValue(a)) truth = isNilValue(a1) === isNilValue(a);
      else if (r2 === 'slice' || r2 === 'map' || r2 === 'func') {
        throw new FuncError(`non-comparable type ${sprintf('%s', [a])}: ${typeName(a)}`);
      } else truth = structEqual(a1, a);
    }
    if (truth) return true;
  }
  return false;
}

function lt(a1: unknown, a2: unknown): boolean {
  const k1 = basicKind(a1);
  const k2 = basicKind(a2);
  if (k1 === 'invalid' || k2 === 'invalid') throw new FuncError('invalid type for comparison');
  if (k1 !== k2) throw new FuncError(`incompatible types for comparison: ${typeName(a1)} and ${typeName(a2)}`);
  if (k1 === 'bool') throw new FuncError('invalid type for comparison');
  if (k1 === 'string') return compareGoStrings(a1 as string, a2 as string) < 0;
  return num(a1) < num(a2);
}

/** evalArgs of funcs.go: one string as is, else fmt.Sprint with `<no value>` for invalid values. */
function evalArgs(args: unknown[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (a === undefined ? '<no value>' : a)));
}

function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => ({ '\0': '\uFFFD', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c);
}

function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '"') out += '\\"';
    else if (ch === '<') out += '\\u003C';
    else if (ch === '>') out += '\\u003E';
    else if (ch === '&') out += '\\u0026';
    else if (ch === '=') out += '\\u003D';
    else if (c < 0x20) out += `\\u00${c.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += ch;
  }
  return out;
}

function queryEscape(s: string): string {
  return bytesOf(s)
    .map((b) => {
      const c = String.fromCharCode(b);
      if (/[A-Za-z0-9\-_.~]/.test(c)) return c;
      if (c === ' ') return '+';
      return `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/** Go's strings.ToUpper (simple case mapping, rune by rune). */
export function goToUpper(s: string): string {
  let out = '';
  for (const ch of s) {
    const up = ch.toUpperCase();
    out += [...up].length === 1 ? up : ch;
  }
  return out;
}

function isSeparator(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  if (c <= 0x7f) return !/[0-9a-zA-Z_]/.test(ch);
  if (/[\p{L}\p{Nd}]/u.test(ch)) return false;
  return /\s/u.test(ch);
}

/** Go's deprecated strings.Title: upper-cases the first letter of each word. */
function title(s: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    out += isSeparator(prev) ? goToUpper(ch) : ch;
    prev = ch;
  }
  return out;
}

export const BUILTINS: ReadonlyMap<string, GoFunc> = new Map<string, GoFunc>([
  // and/or are special-cased by the executor (they short-circuit); call too.
  ['and', fn(['value'], (a) => a[0], 'value')],
  ['or', fn(['value'], (a) => a[0], 'value')],
  ['call', fn(['value'], (a) => a[0], 'value')],
  ['html', fn([], (a) => htmlEscape(evalArgs(a)), 'any')],
  ['index', fn(['value'], index, 'value')],
  ['slice', fn(['value'], slice, 'value')],
  ['js', fn([], (a) => jsEscape(evalArgs(a)), 'any')],
  ['len', fn(['value'], (a) => length(a[0]))],
  ['not', fn(['value'], (a) => !isTrue(a[0]))],
  ['print', fn([], (a) => sprint(a), 'any')],
  ['printf', fn(['string'], (a) => sprintf(a[0] as string, a.slice(1)), 'any')],
  ['println', fn([], (a) => sprintln(a), 'any')],
  ['urlquery', fn([], (a) => queryEscape(evalArgs(a)), 'any')],
  ['eq', fn(['value'], eq, 'value')],
  ['ge', fn(['value', 'value'], (a) => !lt(a[0], a[1]))],
  ['gt', fn(['value', 'value'], (a) => !(lt(a[0], a[1]) || eq(a)))],
  ['le', fn(['value', 'value'], (a) => lt(a[0], a[1]) || eq(a))],
  ['lt', fn(['value', 'value'], (a) => lt(a[0], a[1]))],
  ['ne', fn(['value', 'value'], (a) => !eq(a))],
]);

function repeat(n: number): string {
  if (n < 0) throw new FuncError('strings: negative Repeat count');
  if (n > 1 << 24) throw new FuncError('strings: Repeat output length overflow');
  return ' '.repeat(n);
}

/** docker/cli templates.basicFunctions. */
export const DOCKER_FUNCS: ReadonlyMap<string, GoFunc> = new Map<string, GoFunc>([
  [
    'json',
    fn(['any'], (a) => {
      try {
        return marshal(a[0]);
      } catch (e) {
        if (e instanceof JsonError) return '';
        throw e;
      }
    }),
  ],
  ['split', fn(['string', 'string'], (a) => ((a[1] as string) === '' ? [...(a[0] as string)] : (a[0] as string).split(a[1] as string)))],
  ['join', fn(['[]string', 'string'], (a) => (Array.isArray(a[0]) ? (a[0] as string[]).join(a[1] as string) : ''))],
  ['title', fn(['string'], (a) => title(a[0] as string))],
  ['lower', fn(['string'], (a) => goToLower(a[0] as string))],
  ['upper', fn(['string'], (a) => goToUpper(a[0] as string))],
  ['pad', fn(['string', 'int', 'int'], (a) => ((a[0] as string) === '' ? '' : repeat(a[1] as number) + (a[0] as string) + repeat(a[2] as number)))],
  [
    'truncate',
    fn(['string', 'int'], (a) => {
      const bytes = bytesOf(a[0] as string);
      const n = a[1] as number;
      if (bytes.length < n) return a[0];
      if (n < 0) throw new FuncError(`runtime error: slice bounds out of range [:${n}]`);
      return decodeBytes(bytes.slice(0, n));
    }),
  ],
]);

/** docker/cli templates.HeaderFunctions: table headers stay as they are. */
export const HEADER_FUNCS: ReadonlyMap<string, GoFunc> = new Map<string, GoFunc>([
  ['json', fn(['string'], (a) => a[0])],
  ['split', fn(['string', 'string'], (a) => a[0])],
  ['join', fn(['string', 'string'], (a) => a[0])],
  ['title', fn(['string'], (a) => a[0])],
  ['lower', fn(['string'], (a) => a[0])],
  ['upper', fn(['string'], (a) => a[0])],
  ['truncate', fn(['string', 'int'], (a) => a[0])],
]);
