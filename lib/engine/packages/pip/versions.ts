/**
 * Just enough of PEP 440 and PEP 508 for the catalog: release numbers with an optional
 * `.postN`/`rcN` tail, specifier sets (`<4,>=2`, `==3.0.*`, `~=2.1`, `!=0.4.17`) and the one
 * environment marker the catalog uses (`python_version < "3.10"`), because which backports pip
 * pulls in depends on the interpreter it runs under.
 */

export interface Requirement {
  /** As written (`Werkzeug`); compare through `normalizeName`. */
  name: string;
  specifier: string;
  marker: string;
  /** The requirement text without its marker, as pip echoes it in `Collecting ...`. */
  text: string;
}

/** PEP 503 normalization: `Jinja2`, `jinja_2` and `JINJA2` are one project. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

function parts(version: string): number[] {
  const m = /^(\d+(?:\.\d+)*)(?:\.?(rc|post|a|b|dev)(\d*))?/.exec(version.trim());
  if (m === null) return [];
  const release = (m[1] ?? '').split('.').map(Number);
  while (release.length < 4) release.push(0);
  // Pre-releases sort before the release, post-releases after it.
  const tag = m[2];
  const n = Number(m[3] === '' || m[3] === undefined ? 0 : m[3]);
  const tail = tag === undefined ? [0, 0] : tag === 'post' ? [1, n] : [-1, n];
  return [...release, ...tail];
}

export function compareVersions(a: string, b: string): number {
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

function matchesOne(version: string, clause: string): boolean {
  const m = /^(~=|===|==|!=|<=|>=|<|>)\s*(.+)$/.exec(clause.trim());
  if (m === null) return clause.trim() === '';
  const op = m[1] as string;
  const want = (m[2] as string).trim();
  if (want.endsWith('.*') && (op === '==' || op === '!=')) {
    const prefix = want.slice(0, -2);
    const hit = version === prefix || version.startsWith(`${prefix}.`);
    return op === '==' ? hit : !hit;
  }
  const c = compareVersions(version, want);
  switch (op) {
    case '==':
    case '===':
      return c === 0;
    case '!=':
      return c !== 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
    default: {
      // ~=2.1.3 means >=2.1.3, ==2.1.*
      const prefix = want.split('.').slice(0, -1).join('.');
      return c >= 0 && (version === prefix || version.startsWith(`${prefix}.`));
    }
  }
}

export function satisfies(version: string, specifier: string): boolean {
  return specifier.split(',').every((clause) => matchesOne(version, clause));
}

/** Evaluates `python_version OP "X.Y"` clauses joined by `and`; anything else counts as true. */
export function markerHolds(marker: string, pythonVersion: string): boolean {
  if (marker.trim() === '') return true;
  return marker.split(/\band\b/).every((clause) => {
    const m = /python_(?:full_)?version\s*(<=|>=|==|!=|<|>)\s*["']([^"']+)["']/.exec(clause);
    return m === null ? true : matchesOne(pythonVersion, `${m[1] as string}${m[2] as string}`);
  });
}

/** `name[extra]>=1,<2 ; marker` → parts; undefined when the text is not a requirement. */
export function parseRequirement(raw: string): Requirement | undefined {
  const [head = '', marker = ''] = raw.split(';', 2);
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(\(?[^)]*\)?)\s*$/.exec(head);
  if (m === null) return undefined;
  const specifier = (m[3] ?? '').replace(/[()\s]/g, '');
  if (specifier !== '' && !/^(~=|===|==|!=|<=|>=|<|>)/.test(specifier)) return undefined;
  const name = m[1] as string;
  return { name, specifier, marker: marker.trim(), text: `${name}${specifier}` };
}
