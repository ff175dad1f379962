import { ShellError } from '../errors';

/**
 * `$((...))` over signed integers (XCU §2.6.4): C's operators without `++`/`--`, variables by
 * name (unset or empty is 0), assignments. Errors use dash's texts: `arithmetic expression:
 * division by zero: "1/0"`. Numbers are JS numbers truncated toward zero, which matches 64-bit
 * arithmetic for anything a Dockerfile computes.
 */
export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

type Tok = { t: 'num'; v: number } | { t: 'name'; v: string } | { t: 'op'; v: string } | { t: 'end' };

const OPS = ['<<=', '>>=', '**', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '+', '-', '*', '/', '%', '<', '>', '&', '|', '^', '!', '~', '?', ':', '=', '(', ')'];

// Binary precedence, C's order; `**` is bash's and binds tighter than unary minus's operand side.
const BINARY: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6, '<': 7, '<=': 7, '>': 7, '>=': 7,
  '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10, '**': 11,
};

export function evaluateArith(source: string, vars: ArithVars): number {
  const fail = (what: string): never => {
    throw new ShellError('expansion', `arithmetic expression: ${what}: "${source}"`);
  };
  const toks = tokenize(source, fail);
  let i = 0;
  const peek = (): Tok => toks[i] as Tok;
  const isOp = (v: string): boolean => {
    const t = peek();
    return t.t === 'op' && t.v === v;
  };

  const valueOf = (name: string): number => {
    const raw = (vars.get(name) ?? '').trim();
    if (raw === '') return 0;
    const n = parseNumber(raw);
    return n ?? evaluateArith(raw, vars);
  };

  const assignment = (): number => {
    const t = peek();
    const next = toks[i + 1];
    if (t.t === 'name' && next?.t === 'op' && /^(?:[-+*/%&|^]|<<|>>)?=$/.test(next.v) && next.v !== '==') {
      i += 2;
      const rhs = assignment();
      const op = next.v.slice(0, -1);
      const value = op === '' ? rhs : binary(op, valueOf(t.v), rhs, fail);
      vars.set(t.v, String(value));
      return value;
    }
    return ternary();
  };

  const ternary = (): number => {
    const cond = binaryExpr(1);
    if (!isOp('?')) return cond;
    i++;
    const a = assignment();
    if (!isOp(':')) fail('expecting \':\'');
    i++;
    const b = assignment();
    return cond !== 0 ? a : b;
  };

  const binaryExpr = (minPrec: number): number => {
    let left = unary();
    for (;;) {
      const t = peek();
      const prec = t.t === 'op' ? BINARY[t.v] : undefined;
      if (t.t !== 'op' || prec === undefined || prec < minPrec) return left;
      i++;
      // `**` is right-associative; everything else left.
      const right = binaryExpr(t.v === '**' ? prec : prec + 1);
      left = binary(t.v, left, right, fail);
    }
  };

  const unary = (): number => {
    const t = peek();
    if (t.t === 'op' && ['-', '+', '!', '~'].includes(t.v)) {
      i++;
      const v = unary();
      return t.v === '-' ? -v : t.v === '+' ? v : t.v === '!' ? Number(v === 0) : ~v;
    }
    return primary();
  };

  const primary = (): number => {
    const t = peek();
    if (t.t === 'num') {
      i++;
      return t.v;
    }
    if (t.t === 'name') {
      i++;
      return valueOf(t.v);
    }
    if (t.t === 'op' && t.v === '(') {
      i++;
      const v = assignment();
      if (!isOp(')')) fail("expecting ')'");
      i++;
      return v;
    }
    return fail('expecting primary');
  };

  if (peek().t === 'end') return 0;
  const result = assignment();
  if (peek().t !== 'end') fail('expecting EOF');
  return result;
}

function binary(op: string, a: number, b: number, fail: (what: string) => never): number {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return Math.trunc(a * b);
    case '/': return b === 0 ? fail('division by zero') : Math.trunc(a / b);
    case '%': return b === 0 ? fail('division by zero') : a % b;
    case '**': return b < 0 ? fail('exponent less than 0') : a ** b;
    case '<<': return a << b;
    case '>>': return a >> b;
    case '<': return Number(a < b);
    case '<=': return Number(a <= b);
    case '>': return Number(a > b);
    case '>=': return Number(a >= b);
    case '==': return Number(a === b);
    case '!=': return Number(a !== b);
    case '&': return a & b;
    case '|': return a | b;
    case '^': return a ^ b;
    case '&&': return Number(a !== 0 && b !== 0);
    case '||': return Number(a !== 0 || b !== 0);
    default: return fail('syntax error');
  }
}

function parseNumber(text: string): number | undefined {
  if (/^0[xX][0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^0[0-7]+$/.test(text)) return parseInt(text, 8);
  if (/^[0-9]+$/.test(text)) return parseInt(text, 10);
  return undefined;
}

function tokenize(source: string, fail: (what: string) => never): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(?:0[xX][0-9a-fA-F]+|[0-9]+)/.exec(source.slice(i));
    if (num !== null) {
      const after = source[i + num[0].length];
      const value = parseNumber(num[0]);
      if (value === undefined || (after !== undefined && /[A-Za-z_0-9]/.test(after))) fail('expecting EOF');
      toks.push({ t: 'num', v: value as number });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i));
    if (name !== null) {
      toks.push({ t: 'name', v: name[0] });
      i += name[0].length;
      continue;
    }
    const op = OPS.find((o) => source.startsWith(o, i));
    if (op === undefined) fail('expecting primary');
    toks.push({ t: 'op', v: op as string });
    i += (op as string).length;
  }
  toks.push({ t: 'end' });
  return toks;
}
