/**
 * Go `encoding/json` output, byte for byte, for the documents whose digests matter (image config,
 * manifest, index) and for `docker image inspect`. Docker never re-serializes these: an image ID
 * is the sha256 of the exact bytes, so field order, escaping and spacing are part of the identity.
 *
 * Writers here produce compact JSON (what `json.Marshal` emits); `goIndent` is `json.Indent`,
 * which is how both `json.MarshalIndent` and the docker CLI's inspect output are made.
 */

/** One struct field: `undefined` means omitted (`omitempty` on an empty value). */
export type GoField = readonly [name: string, json: string | undefined];

const HEX = '0123456789abcdef';

/**
 * `encodeState.string` with HTML escaping on (the default of `json.Marshal`): `<`, `>`, `&`,
 * U+2028 and U+2029 become `\u003c`... ; `\b` and `\f` are short escapes since Go 1.22; other
 * control characters are `\u00XX`; invalid UTF-8 (a lone surrogate in JS) becomes `\ufffd`.
 * DEL and all other non-ASCII characters are written as they are.
 */
export function goJsonString(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let escape: string | null = null;
    if (c < 0x20 || c === 0x22 || c === 0x5c || c === 0x3c || c === 0x3e || c === 0x26) {
      escape = SHORT[c] ?? `\\u00${HEX[c >> 4]}${HEX[c & 0xf]}`;
    } else if (c === 0x2028 || c === 0x2029) {
      escape = c === 0x2028 ? '\\u2028' : '\\u2029';
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++; // a valid pair: kept as is
        continue;
      }
      escape = '\\ufffd';
    }
    if (escape !== null) {
      out += s.slice(start, i) + escape;
      start = i + 1;
    }
  }
  return `${out}${s.slice(start)}"`;
}

const SHORT: Readonly<Record<number, string>> = {
  0x08: '\\b',
  0x09: '\\t',
  0x0a: '\\n',
  0x0c: '\\f',
  0x0d: '\\r',
  0x22: '\\"',
  0x5c: '\\\\',
};

/** A Go struct: fields in declaration order, omitted ones skipped. */
export function goStruct(fields: readonly GoField[]): string {
  const parts: string[] = [];
  for (const [name, json] of fields) if (json !== undefined) parts.push(`${goJsonString(name)}:${json}`);
  return `{${parts.join(',')}}`;
}

/** Go compares map keys as UTF-8 bytes, i.e. by code point (JS `<` compares UTF-16 units). */
export function compareGoStrings(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < x.length && i < y.length; i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** A Go map with string keys: keys sorted; `null` for a nil map. */
export function goMap<V>(map: Readonly<Record<string, V>> | undefined, value: (v: V) => string): string {
  if (map === undefined) return 'null';
  const keys = Object.keys(map).sort(compareGoStrings);
  return `{${keys.map((k) => `${goJsonString(k)}:${value(map[k] as V)}`).join(',')}}`;
}

/** A Go slice: `null` when nil. */
export function goSlice<V>(items: readonly V[] | undefined, value: (v: V) => string): string {
  return items === undefined ? 'null' : `[${items.map(value).join(',')}]`;
}

export function goStrings(items: readonly string[] | undefined): string {
  return goSlice(items, goJsonString);
}

/** `omitempty`: nothing for an empty string/slice/map, zero or false. */
export function omitEmpty<V>(value: V | undefined, write: (v: V) => string): string | undefined {
  if (value === undefined || value === null || value === '' || value === 0 || value === false) return undefined;
  if (Array.isArray(value) && value.length === 0) return undefined;
  if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0) return undefined;
  return write(value);
}

/** Integers as Go writes int64 (no exponent, no fraction). */
export function goInt(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an integer: ${n}`);
  return String(n);
}

/**
 * `time.Time.MarshalJSON` (RFC 3339 with nanoseconds, trailing fraction zeros dropped) from an
 * ISO string: `1970-01-01T00:00:00.000Z` (what `Date.toISOString` gives) → `1970-01-01T00:00:00Z`.
 */
export function goTime(iso: string): string {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(iso);
  if (m === null) throw new RangeError(`not an RFC 3339 time: ${iso}`);
  const fraction = (m[2] ?? '').slice(0, 9).replace(/0+$/, '');
  return `${m[1]}${fraction === '' ? '' : `.${fraction}`}${m[3] === '+00:00' ? 'Z' : m[3]}`;
}

/**
 * `json.Indent(dst, src, prefix, indent)` over compact JSON: one element per line, `": "` after
 * keys, and empty objects/arrays kept as `{}` / `[]`.
 */
export function goIndent(compact: string, indent: string, prefix = ''): string {
  let out = '';
  let depth = 0;
  const newline = () => `\n${prefix}${indent.repeat(depth)}`;
  for (let i = 0; i < compact.length; i++) {
    const c = compact[i] as string;
    if (c === '"') {
      let j = i + 1;
      while (compact[j] !== '"') j += compact[j] === '\\' ? 2 : 1;
      out += compact.slice(i, j + 1);
      i = j;
    } else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      if (compact[i + 1] === close) {
        out += c + close;
        i++;
      } else {
        depth++;
        out += c + newline();
      }
    } else if (c === '}' || c === ']') {
      depth--;
      out += newline() + c;
    } else if (c === ',') {
      out += c + newline();
    } else if (c === ':') {
      out += ': ';
    } else {
      out += c;
    }
  }
  return out;
}

export function encodeUtf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
