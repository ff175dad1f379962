// encoding/json as docker/cli's `json` template function uses it (SetEscapeHTML(false)):
// maps with sorted keys, structs in field order (exported fields only), nil slices/maps as null.
import { jsonFloat } from './float';
import { GoFloat, GoMap, GoNil, isExported, isInt, isStruct, structFields } from './values';

/** Marks a struct whose JSON is a map of its fields with sorted keys (docker's formatter contexts). */
export const SORTED_JSON = new WeakSet<object>();

/** The fields of a struct tagged `json:",omitempty"`: left out of its JSON when empty. */
const OMIT_EMPTY = new WeakMap<object, ReadonlySet<string>>();

/**
 * Tags fields of a struct `json:",omitempty"` (moby's `container.Config` has `ExposedPorts`,
 * `Healthcheck`, `StopSignal`… so tagged): `json` leaves them out when Go's `isEmptyValue` holds —
 * false, 0, "", a nil pointer, slice or map, an empty slice or map. Returns the struct.
 */
export function goOmitEmpty<T extends object>(value: T, fields: readonly (keyof T & string)[]): T {
  OMIT_EMPTY.set(value, new Set(fields));
  return value;
}

/** encoding/json `isEmptyValue` (a struct is never empty). */
function isEmptyValue(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '' || v === 0n || v instanceof GoNil) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (v instanceof GoMap) return v.entries.size === 0;
  if (v instanceof GoFloat) return v.value === 0;
  return false;
}

const HEX = '0123456789abcdef';

/** Go's JSON string encoding without HTML escaping. */
export function jsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x0c) out += '\\f';
    else if (c < 0x20) out += `\\u00${HEX[c >> 4]}${HEX[c & 0xf]}`;
    else if (c === 0x2028 || c === 0x2029) out += `\\u202${HEX[c & 0xf]}`;
    else if (c >= 0xd800 && c <= 0xdfff) {
      const d = s.charCodeAt(i + 1);
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        out += s.slice(i, i + 2);
        i++;
      } else out += '\ufffd';
    } else out += s[i];
  }
  return `${out}"`;
}

export class JsonError extends Error {}

/** json.Marshal; throws JsonError for values JSON cannot hold (NaN, functions). */
export function marshal(v: unknown, depth = 0): string {
  if (depth > 1000) throw new JsonError('json: unsupported value: encountered a cycle');
  if (v === undefined || v === null || v instanceof GoNil) return 'null';
  if (typeof v === 'string') return jsonString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number' || v instanceof GoFloat) {
    const n = v instanceof GoFloat ? v.value : v;
    if (isInt(n) && !(v instanceof GoFloat)) return Object.is(n, -0) ? '0' : String(n);
    const s = jsonFloat(n);
    if (s === null) throw new JsonError(`json: unsupported value: ${String(n).replace('Infinity', 'Inf')}`);
    return s;
  }
  if (typeof v === 'function') throw new JsonError('json: unsupported type: func()');
  if (Array.isArray(v)) return `[${v.map((x) => marshal(x, depth + 1)).join(',')}]`;
  if (v instanceof GoMap) {
    return `{${v.sortedKeys().map((k) => `${jsonString(k)}:${marshal(v.entries.get(k), depth + 1)}`).join(',')}}`;
  }
  if (isStruct(v)) {
    const omit = OMIT_EMPTY.get(v);
    const fields = structFields(v).filter(([k, x]) => isExported(k) && typeof x !== 'function' && !(omit?.has(k) && isEmptyValue(x)));
    if (SORTED_JSON.has(v)) fields.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${fields.map(([k, x]) => `${jsonString(k)}:${marshal(x, depth + 1)}`).join(',')}}`;
  }
  throw new JsonError(`json: unsupported type: ${typeof v}`);
}
