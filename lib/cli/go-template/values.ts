/**
 * How JS values stand for Go values inside templates (what `reflect` would see):
 * - string → `string`; boolean → `bool`; an integral number → `int`, any other number or a
 *   `GoFloat` → `float64`;
 * - `undefined` → the invalid value (a missing map key: prints `<no value>`);
 *   `null` → a nil pointer (prints `<nil>`, `null` in JSON);
 * - arrays → slices; `GoMap` → maps (sorted keys); `GoNil` → a typed nil slice or map;
 * - any other object → a struct whose exported (upper-case) properties are its fields, in
 *   property order; getters are fields computed on access, function-valued properties are methods
 *   (a `String` method makes the value a fmt.Stringer). `goStruct` names the struct's Go type.
 */

/** A Go map with string keys. */
export class GoMap {
  readonly entries: Map<string, unknown>;
  constructor(
    entries: Map<string, unknown>,
    readonly typeName?: string,
    /** Methods found before keys, as Go does (`SubHeaderContext.Label`). */
    readonly methods: Readonly<Record<string, (...args: never[]) => unknown>> = {},
  ) {
    this.entries = entries;
  }
  /** Keys in Go's sorted order (byte order of the UTF-8 encoding = code point order). */
  sortedKeys(): string[] {
    return [...this.entries.keys()].sort(compareGoStrings);
  }
}

/** A float64 whose value happens to be integral (`1.0` in a template, `float64(3)` in data). */
export class GoFloat {
  constructor(readonly value: number) {}
}

/** A typed nil slice or map: prints `[]` / `map[]`, encodes as JSON `null`, has length 0. */
export class GoNil {
  constructor(
    readonly kind: 'slice' | 'map',
    readonly typeName: string,
  ) {}
}

/** Marks a JS object as a Go map (printed `map[k:v …]` with sorted keys, indexed with `index`). */
export function goMap(entries: Record<string, unknown> | Map<string, unknown>, typeName?: string): GoMap {
  const map = entries instanceof Map ? new Map(entries) : new Map(Object.entries(entries));
  return new GoMap(map, typeName);
}

/** A nil slice (`[]` when printed, `null` in JSON), e.g. an image config's unset Entrypoint. */
export function goNilSlice(typeName = '[]string'): GoNil {
  return new GoNil('slice', typeName);
}

/** A nil map (`map[]` when printed, `null` in JSON). */
export function goNilMap(typeName = 'map[string]string'): GoNil {
  return new GoNil('map', typeName);
}

const STRUCT_NAMES = new WeakMap<object, string>();

/**
 * Names the Go type of a struct-like object (or a slice) for error messages and `%T`
 * (`*formatter.imageContext`, `[]interface {}`). A name starting with `*` prints as `&{…}`.
 */
export function goStruct<T extends object>(value: T, typeName: string): T {
  STRUCT_NAMES.set(value, typeName);
  return value;
}

export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (astral code points) sort after every BMP code point in UTF-8.
    const xs = x >= 0xd800 && x <= 0xdfff ? x + 0x10000 : x;
    const ys = y >= 0xd800 && y <= 0xdfff ? y + 0x10000 : y;
    return xs - ys;
  }
  return a.length - b.length;
}

export function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 2 ** 63;
}

export function isFloat(v: unknown): boolean {
  return v instanceof GoFloat || (typeof v === 'number' && !isInt(v));
}

export function floatValue(v: unknown): number {
  return v instanceof GoFloat ? v.value : (v as number);
}

/** A struct-like object: not an array, map, nil marker or float. */
export function isStruct(v: unknown): v is object {
  return (
    typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoMap) && !(v instanceof GoNil) &&
    !(v instanceof GoFloat)
  );
}

/** True when the first character is upper case, as Go's `token.IsExported`. */
export function isExported(name: string): boolean {
  const first = String.fromCodePoint(name.codePointAt(0) ?? 0);
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

type Found = { kind: 'field'; value: unknown } | { kind: 'method'; fn: (...args: unknown[]) => unknown };

/** Looks a property up on a struct's own properties and class prototypes (never Object.prototype). */
export function lookupMember(obj: object, name: string): Found | undefined {
  for (let o: object | null = obj; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    const d = Object.getOwnPropertyDescriptor(o, name);
    if (d === undefined) continue;
    if (d.get !== undefined) return { kind: 'field', value: d.get.call(obj) };
    if (typeof d.value === 'function') {
      if (name === 'constructor') return undefined;
      return { kind: 'method', fn: (d.value as (...args: unknown[]) => unknown).bind(obj) };
    }
    return { kind: 'field', value: d.value };
  }
  return undefined;
}

/** The struct's fields in order: own enumerable data/getter properties, then class getters. */
export function structFields(obj: object): [string, unknown][] {
  const out: [string, unknown][] = [];
  const seen = new Set<string>();
  for (let o: object | null = obj; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    for (const name of Object.getOwnPropertyNames(o)) {
      if (seen.has(name) || name === 'constructor') continue;
      const d = Object.getOwnPropertyDescriptor(o, name);
      if (d === undefined) continue;
      if (o === obj && !d.enumerable) continue;
      if (d.get === undefined && (o !== obj || typeof d.value === 'function')) continue;
      seen.add(name);
      out.push([name, d.get !== undefined ? d.get.call(obj) : d.value]);
    }
  }
  return out;
}

/** A method named `String` (Go's fmt.Stringer) or `Error`, if the value has one. */
export function stringerOf(v: unknown): (() => string) | undefined {
  if (!isStruct(v)) return undefined;
  for (const name of ['Error', 'String']) {
    const m = lookupMember(v, name);
    if (m?.kind === 'method' && m.fn.length === 0) return () => String(m.fn());
  }
  return undefined;
}

/** Go's name of the value's dynamic type, as `%T` and error messages show it. */
export function typeName(v: unknown): string {
  if (v === undefined || v === null) return '<nil>';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return isInt(v) ? 'int' : 'float64';
  if (typeof v === 'bigint') return 'int64';
  if (v instanceof GoFloat) return 'float64';
  if (v instanceof GoNil) return v.typeName;
  if (typeof v === 'function') return 'func(...interface {}) interface {}';
  const named = STRUCT_NAMES.get(v as object);
  if (named !== undefined) return named;
  if (Array.isArray(v)) return `[]${elementType(v)}`;
  if (v instanceof GoMap) return v.typeName ?? `map[string]${elementType([...v.entries.values()])}`;
  const fields = structFields(v);
  if (fields.length === 0) return 'struct {}';
  return `struct { ${fields.map(([k, x]) => `${k} ${typeName(x) === '<nil>' ? 'interface {}' : typeName(x)}`).join('; ')} }`;
}

function elementType(values: readonly unknown[]): string {
  if (values.length === 0) return 'string';
  const names = new Set(values.map((x) => (x === null || x === undefined ? 'interface {}' : typeName(x))));
  if (names.size === 1) return [...names][0] as string;
  return 'interface {}';
}

/** Go's `isTrue`: the zero value of its type is false; structs are always true. */
export function isTrue(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.length > 0;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'bigint') return v !== BigInt(0);
  if (v instanceof GoFloat) return v.value !== 0;
  if (v instanceof GoNil) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof GoMap) return v.entries.size > 0;
  return true;
}
