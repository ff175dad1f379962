// The parser of Go's text/template/parse: same grammar, same checks, same error texts
// (`template: NAME:LINE: message`). Produces one tree per template name (define/block).
import { goQuote } from '@/lib/util';
import { TemplateError } from './errors';
import { type Item, T, lex } from './lex';
import { parseGoFloat, parseGoInt, unquote, unquoteCharConstant } from './literals';
import { type BranchNode, type CommandNode, type ListNode, type Node, type NumberInfo, type PipeNode, nodeString } from './nodes';

export interface Trees {
  /** The template text all positions refer to. */
  text: string;
  /** Template name → root list ('' is the main template). */
  trees: Map<string, ListNode>;
}

/** Go's maxStackDepth for parenthesized pipelines on wasm (the browser's stack is small too). */
const MAX_PAREN_DEPTH = 1000;

function itemString(i: Item): string {
  if (i.typ === T.EOF) return 'EOF';
  if (i.typ === T.Error) return i.val;
  if (i.typ > T.Keyword) return `<${i.val}>`;
  const runes = [...i.val];
  if (runes.length > 10) return `${goQuote(runes.slice(0, 10).join(''))}...`;
  return goQuote(i.val);
}

function isEmptyTree(n: Node): boolean {
  if (n.type === 'list') return n.nodes.every(isEmptyTree);
  if (n.type === 'text') return n.text.trim() === '' || /^[ \t\r\n]*$/.test(n.text);
  return false;
}

/** Parses `text` as Go's template.New(name).Funcs(funcs).Parse(text). Throws TemplateError. */
export function parseTemplate(text: string, hasFunction: (name: string) => boolean, parseName = ''): Trees {
  try {
    return parseTrees(text, hasFunction, parseName);
  } catch (e) {
    // Thousands of nested {{if}}s exhaust the JS stack before any Go limit would apply.
    if (e instanceof RangeError) throw new TemplateError(`template: ${parseName}:1: max expression depth exceeded`, 'parse');
    throw e;
  }
}

function parseTrees(text: string, hasFunction: (name: string) => boolean, parseName: string): Trees {
  const items = lex(text);
  let index = 0;
  let furthest = 0;
  let vars: string[] = ['$'];
  let actionLine = 0;
  let rangeDepth = 0;
  let parenDepth = 0;
  const trees = new Map<string, ListNode>();

  const errorf = (message: string): never => {
    const line = items[Math.min(furthest, items.length - 1)]?.line ?? 1;
    throw new TemplateError(`template: ${parseName}:${line}: ${message}`, 'parse');
  };
  const next = (): Item => {
    const i = Math.min(index, items.length - 1);
    index = i + 1;
    furthest = Math.max(furthest, i);
    return items[i] as Item;
  };
  const backup = (n = 1): void => {
    index -= n;
  };
  const peek = (): Item => {
    const t = next();
    backup();
    return t;
  };
  const nextNonSpace = (): Item => {
    let t: Item;
    do t = next();
    while (t.typ === T.Space);
    return t;
  };
  const peekNonSpace = (): Item => {
    const t = nextNonSpace();
    backup();
    return t;
  };
  const unexpected = (token: Item, context: string): never => {
    if (token.typ === T.Error) {
      let extra = '';
      if (actionLine !== 0 && actionLine !== token.line) {
        extra = ` in action started at ${parseName}:${actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      return errorf(`${token.val}${extra}`);
    }
    return errorf(`unexpected ${itemString(token)} in ${context}`);
  };
  const expect = (typ: T, context: string): Item => {
    const token = nextNonSpace();
    if (token.typ !== typ) unexpected(token, context);
    return token;
  };

  const newNumber = (pos: number, text: string, typ: T): Node => {
    const n: NumberInfo = { isInt: false, isUint: false, isFloat: false, isComplex: false, int: 0, float: 0 };
    if (typ === T.CharConstant) {
      const r = unquoteCharConstant(text);
      if (typeof r === 'string') return errorf(r);
      Object.assign(n, { isInt: true, isUint: true, isFloat: true, int: r, float: r });
      return { type: 'number', pos, text, ...n };
    }
    if (text.endsWith('i')) {
      const f = parseGoFloat(text.slice(0, -1));
      if (f !== null) return errorf(`complex numbers are not supported: ${text}`);
    }
    const u = parseGoInt(text, true);
    const i = parseGoInt(text, false);
    if (i !== null) Object.assign(n, { isInt: true, int: Number(i) });
    if (n.isInt || u !== null) Object.assign(n, { isFloat: true, float: n.isInt ? n.int : Number(u) });
    else {
      const f = parseGoFloat(text);
      if (f !== null) {
        if (!/[.eEpP]/.test(text)) return errorf(`integer overflow: ${goQuote(text)}`);
        Object.assign(n, { isFloat: true, float: f });
        if (Number.isInteger(f) && Math.abs(f) < 2 ** 63) Object.assign(n, { isInt: true, int: f });
      }
    }
    n.isUint = u !== null;
    if (!n.isInt && !n.isFloat && !n.isUint) return errorf(`illegal number syntax: ${goQuote(text)}`);
    return { type: 'number', pos, text, ...n };
  };

  const variableNode = (pos: number, name: string): Node => {
    const ident = name.split('.');
    if (!vars.includes(ident[0] as string)) errorf(`undefined variable ${goQuote(ident[0] as string)}`);
    return { type: 'variable', pos, ident };
  };

  const term = (): Node | null => {
    const token = nextNonSpace();
    switch (token.typ) {
      case T.Identifier:
        if (!hasFunction(token.val)) errorf(`function ${goQuote(token.val)} not defined`);
        return { type: 'identifier', pos: token.pos, ident: token.val };
      case T.Dot:
        return { type: 'dot', pos: token.pos };
      case T.Nil:
        return { type: 'nil', pos: token.pos };
      case T.Variable:
        return variableNode(token.pos, token.val);
      case T.Field:
        return { type: 'field', pos: token.pos, ident: token.val.slice(1).split('.') };
      case T.Bool:
        return { type: 'bool', pos: token.pos, value: token.val === 'true' };
      case T.CharConstant:
      case T.Number:
        return newNumber(token.pos, token.val, token.typ);
      case T.LeftParen: {
        if (parenDepth >= MAX_PAREN_DEPTH) errorf('max expression depth exceeded');
        parenDepth++;
        try {
          return pipeline('parenthesized pipeline', T.RightParen);
        } finally {
          parenDepth--;
        }
      }
      case T.String:
      case T.RawString: {
        let s = '';
        try {
          s = unquote(token.val);
        } catch {
          errorf('invalid syntax');
        }
        return { type: 'string', pos: token.pos, quoted: token.val, text: s };
      }
    }
    backup();
    return null;
  };

  const operand = (): Node | null => {
    let node = term();
    if (node === null) return null;
    if (peek().typ === T.Field) {
      const chainPos = peek().pos;
      const fields: string[] = [];
      while (peek().typ === T.Field) fields.push(next().val.slice(1));
      switch (node.type) {
        case 'field':
          node = { type: 'field', pos: chainPos, ident: [...node.ident, ...fields.flatMap((f) => f.split('.'))] };
          break;
        case 'variable':
          node = { type: 'variable', pos: chainPos, ident: [...node.ident, ...fields.flatMap((f) => f.split('.'))] };
          break;
        case 'bool':
        case 'string':
        case 'number':
        case 'nil':
        case 'dot':
          errorf(`unexpected . after term ${goQuote(nodeString(node))}`);
          break;
        default:
          node = { type: 'chain', pos: chainPos, node, field: fields };
      }
    }
    return node;
  };

  const command = (): CommandNode => {
    const cmd: CommandNode = { type: 'command', pos: peekNonSpace().pos, args: [] };
    for (;;) {
      peekNonSpace();
      const op = operand();
      if (op !== null) cmd.args.push(op);
      const token = next();
      if (token.typ === T.Space) continue;
      if (token.typ === T.RightDelim || token.typ === T.RightParen) backup();
      else if (token.typ !== T.Pipe) unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) errorf('empty command');
    return cmd;
  };

  const pipeline = (context: string, end: T): PipeNode => {
    const token = peekNonSpace();
    const pipe: PipeNode = { type: 'pipe', pos: token.pos, line: token.line, isAssign: false, decl: [], cmds: [] };
    decls: for (;;) {
      const v = peekNonSpace();
      if (v.typ !== T.Variable) break;
      nextNonSpace();
      const vIndex = index - 1;
      const nxt = peekNonSpace();
      if (nxt.typ === T.Assign || nxt.typ === T.Declare) {
        pipe.isAssign = nxt.typ === T.Assign;
        nextNonSpace();
        pipe.decl.push({ type: 'variable', pos: v.pos, ident: v.val.split('.') });
        vars.push(v.val);
      } else if (nxt.typ === T.Char && nxt.val === ',') {
        nextNonSpace();
        pipe.decl.push({ type: 'variable', pos: v.pos, ident: v.val.split('.') });
        vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = peekNonSpace().typ;
          if (p === T.Variable || p === T.RightDelim || p === T.RightParen) continue decls;
          errorf('range can only initialize variables');
        }
        errorf(`too many declarations in ${context}`);
      } else {
        // Not a declaration: put the variable back ("$x foo" makes $x an argument).
        index = vIndex;
      }
      break;
    }
    for (;;) {
      const t = nextNonSpace();
      if (t.typ === end) {
        if (pipe.cmds.length === 0) errorf(`missing value for ${context}`);
        pipe.cmds.slice(1).forEach((c, i) => {
          const first = c.args[0]?.type;
          if (first === 'bool' || first === 'dot' || first === 'nil' || first === 'number' || first === 'string') {
            errorf(`non executable command in pipeline stage ${i + 2}`);
          }
        });
        return pipe;
      }
      switch (t.typ) {
        case T.Bool:
        case T.CharConstant:
        case T.Dot:
        case T.Field:
        case T.Identifier:
        case T.Number:
        case T.Nil:
        case T.RawString:
        case T.String:
        case T.Variable:
        case T.LeftParen:
          backup();
          pipe.cmds.push(command());
          break;
        default:
          unexpected(t, context);
      }
    }
  };

  const templateName = (token: Item, context: string): string => {
    if (token.typ !== T.String && token.typ !== T.RawString) return unexpected(token, context);
    try {
      return unquote(token.val);
    } catch {
      return errorf('invalid syntax');
    }
  };

  const addTree = (name: string, root: ListNode): void => {
    const old = trees.get(name);
    if (old === undefined || isEmptyTree(old)) trees.set(name, root);
    else if (!isEmptyTree(root)) errorf(`template: multiple definition of template ${goQuote(name)}`);
  };

  /** A nested tree (define/block body) with its own variable scope. */
  const subTree = (): { root: ListNode; end: Node } => {
    const savedVars = vars;
    const savedDepth = rangeDepth;
    vars = ['$'];
    rangeDepth = 0;
    const [root, end] = itemList();
    vars = savedVars;
    rangeDepth = savedDepth;
    return { root, end };
  };

  const parseControl = (context: 'if' | 'range' | 'with'): BranchNode => {
    const mark = vars.length;
    const pipe = pipeline(context, T.RightDelim);
    if (context === 'range') rangeDepth++;
    const [list, nextNode] = itemList();
    if (context === 'range') rangeDepth--;
    let elseList: ListNode | null = null;
    if (nextNode.type === 'else') {
      if ((context === 'if' && peek().typ === T.If) || (context === 'with' && peek().typ === T.With)) {
        next();
        elseList = { type: 'list', pos: nextNode.pos, nodes: [parseControl(context)] };
      } else {
        const [l, n2] = itemList();
        elseList = l;
        if (n2.type !== 'end') errorf(`expected end; found ${nodeString(n2)}`);
      }
    }
    vars.length = mark;
    return { type: context, pos: pipe.pos, line: pipe.line, pipe, list, elseList };
  };

  const action = (): Node => {
    const token = nextNonSpace();
    switch (token.typ) {
      case T.Block: {
        const context = 'block clause';
        const nameToken = nextNonSpace();
        const name = templateName(nameToken, context);
        const pipe = pipeline(context, T.RightDelim);
        const { root, end } = subTree();
        if (end.type !== 'end') errorf(`unexpected ${nodeString(end)} in ${context}`);
        addTree(name, root);
        return { type: 'template', pos: nameToken.pos, line: nameToken.line, name, pipe };
      }
      case T.Break:
      case T.Continue: {
        const word = token.typ === T.Break ? 'break' : 'continue';
        const t = nextNonSpace();
        if (t.typ !== T.RightDelim) unexpected(t, `{{${word}}}`);
        if (rangeDepth === 0) errorf(`{{${word}}} outside {{range}}`);
        return { type: word, pos: token.pos, line: token.line };
      }
      case T.Else: {
        const p = peekNonSpace();
        if (p.typ === T.If || p.typ === T.With) return { type: 'else', pos: p.pos, line: p.line };
        const t = expect(T.RightDelim, 'else');
        return { type: 'else', pos: t.pos, line: t.line };
      }
      case T.End:
        return { type: 'end', pos: expect(T.RightDelim, 'end').pos, line: token.line };
      case T.If:
        return parseControl('if');
      case T.Range:
        return parseControl('range');
      case T.With:
        return parseControl('with');
      case T.Template: {
        const context = 'template clause';
        const nameToken = nextNonSpace();
        const name = templateName(nameToken, context);
        let pipe: PipeNode | null = null;
        if (nextNonSpace().typ !== T.RightDelim) {
          backup();
          pipe = pipeline(context, T.RightDelim);
        }
        return { type: 'template', pos: nameToken.pos, line: nameToken.line, name, pipe };
      }
    }
    backup();
    const t = peek();
    return { type: 'action', pos: t.pos, line: t.line, pipe: pipeline('command', T.RightDelim) };
  };

  const textOrAction = (): Node => {
    const token = nextNonSpace();
    switch (token.typ) {
      case T.Text:
        return { type: 'text', pos: token.pos, text: token.val };
      case T.LeftDelim: {
        actionLine = token.line;
        try {
          return action();
        } finally {
          actionLine = 0;
        }
      }
    }
    return unexpected(token, 'input');
  };

  function itemList(): [ListNode, Node] {
    const list: ListNode = { type: 'list', pos: peekNonSpace().pos, nodes: [] };
    while (peekNonSpace().typ !== T.EOF) {
      const n = textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.nodes.push(n);
    }
    return errorf('unexpected EOF');
  }

  const root: ListNode = { type: 'list', pos: peek().pos, nodes: [] };
  {
    while (peek().typ !== T.EOF) {
      if (peek().typ === T.LeftDelim) {
        const delimIndex = index;
        next();
        if (nextNonSpace().typ === T.Define) {
          const context = 'define clause';
          const nameToken = nextNonSpace();
          if (nameToken.typ !== T.String && nameToken.typ !== T.RawString) unexpected(nameToken, context);
          const name = templateName(nameToken, context);
          expect(T.RightDelim, context);
          const { root: body, end } = subTree();
          if (end.type !== 'end') errorf(`unexpected ${nodeString(end)} in ${context}`);
          addTree(name, body);
          continue;
        }
        index = delimIndex;
      }
      const n = textOrAction();
      if (n.type === 'end' || n.type === 'else') errorf(`unexpected ${nodeString(n)}`);
      root.nodes.push(n);
    }
    addTree(parseName, root);
  }
  return { text, trees };
}
