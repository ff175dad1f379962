/**
 * A Makefile as GNU make reads the simple cases: variables (`=`, `:=`, `?=`, `+=`), explicit
 * rules `targets: prerequisites` with tab-indented recipe lines, `.PHONY`, comments and `\`
 * continuations. Pattern rules, conditionals and functions other than a plain `$(VAR)` are not
 * modeled; a line make would reject is reported with make's "missing separator".
 */
export interface Rule {
  target: string;
  prerequisites: string[];
  recipe: { text: string; line: number }[];
  line: number;
}

export interface Makefile {
  vars: Map<string, { value: string; recursive: boolean }>;
  rules: Map<string, Rule>;
  phony: Set<string>;
  defaultTarget: string | undefined;
}

export class MakeSyntaxError extends Error {
  constructor(readonly line: number) {
    super('missing separator');
  }
}

export function parseMakefile(text: string, overrides: ReadonlyMap<string, string> = new Map()): Makefile {
  const mf: Makefile = { vars: new Map(), rules: new Map(), phony: new Set(), defaultTarget: undefined };
  for (const [k, v] of overrides) mf.vars.set(k, { value: v, recursive: false });
  const lines = text.replace(/\\\n[ \t]*/g, ' ').split('\n');
  let current: Rule[] = [];
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    if (raw.startsWith('\t') && current.length > 0) {
      for (const rule of current) rule.recipe.push({ text: raw.slice(1), line: lineNo });
      return;
    }
    const line = raw.replace(/(^|[^\\])#.*$/, '$1').trimEnd();
    if (line.trim() === '') return;
    const assign = /^\s*(?:export\s+|override\s+)?([A-Za-z_][\w.-]*)\s*(:?=|\?=|\+=|::=)\s*(.*)$/.exec(line);
    if (assign !== null) {
      current = [];
      const [, name = '', op, value = ''] = assign;
      if (overrides.has(name)) return;
      const existing = mf.vars.get(name);
      if (op === '?=' && existing !== undefined) return;
      if (op === '+=' && existing !== undefined) mf.vars.set(name, { value: `${existing.value} ${value}`, recursive: existing.recursive });
      else if (op === ':=' || op === '::=') mf.vars.set(name, { value: expand(mf, value, new Map()), recursive: false });
      else mf.vars.set(name, { value, recursive: true });
      return;
    }
    const colon = findRuleColon(line);
    if (colon < 0) throw new MakeSyntaxError(lineNo);
    const targets = expand(mf, line.slice(0, colon), new Map()).split(/\s+/).filter(Boolean);
    let rest = line.slice(colon + 1);
    let inline: string | undefined;
    const semi = rest.indexOf(';');
    if (semi >= 0) {
      inline = rest.slice(semi + 1).trim();
      rest = rest.slice(0, semi);
    }
    const prerequisites = expand(mf, rest, new Map()).split(/\s+/).filter(Boolean);
    current = [];
    for (const target of targets) {
      if (target === '.PHONY') {
        for (const p of prerequisites) mf.phony.add(p);
        continue;
      }
      const rule = mf.rules.get(target) ?? { target, prerequisites: [], recipe: [], line: lineNo };
      rule.prerequisites.push(...prerequisites);
      if (inline !== undefined && inline !== '') rule.recipe.push({ text: inline, line: lineNo });
      mf.rules.set(target, rule);
      current.push(rule);
      if (mf.defaultTarget === undefined && !target.startsWith('.')) mf.defaultTarget = target;
    }
  });
  return mf;
}

/** The rule's `:` (not part of `:=`, and not inside `$(...)`). */
function findRuleColon(line: string): number {
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '(' || c === '{') depth++;
    else if (c === ')' || c === '}') depth--;
    else if (c === ':' && depth === 0 && line[i + 1] !== '=') return i;
  }
  return -1;
}

/** `$(VAR)`, `${VAR}`, `$X`, `$$`; automatic variables come from `auto` ($@, $<, $^). */
export function expand(mf: Makefile, text: string, auto: ReadonlyMap<string, string>, env: Readonly<Record<string, string>> = {}, depth = 0): string {
  if (depth > 20) return '';
  return text.replace(/\$(?:\(([^()]*)\)|\{([^{}]*)\}|(.))/g, (_m, paren?: string, brace?: string, single?: string) => {
    const name = paren ?? brace ?? single ?? '';
    if (name === '$') return '$';
    if (auto.has(name)) return auto.get(name) ?? '';
    const v = mf.vars.get(name);
    if (v !== undefined) return v.recursive ? expand(mf, v.value, auto, env, depth + 1) : v.value;
    return env[name] ?? '';
  });
}
