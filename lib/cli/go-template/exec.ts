// The executor of Go's text/template (exec.go): walks the tree, evaluates pipelines with Go's
// argument checks, and reports errors as `template: :LINE:COL: executing "NAME" at <NODE>: …`.
import { goQuote, utf8Length } from '@/lib/util';
import { TemplateError } from './errors';
import { formatValue, sprintf } from './fmt';
import { FuncError, type GoFunc, type ParamType } from './funcs';
import { type BranchNode, type CommandNode, type ListNode, type Node, type PipeNode, nodeString } from './nodes';
import type { Trees } from './parse';
import { GoFloat, GoMap, GoNil, isInt, isStruct, isTrue, lookupMember, typeName } from './values';

const MISSING = Symbol('missingVal');
type Value = unknown;

/** Go's text/template/exec maxExecDepth on wasm (a browser cannot recurse 100000 deep). */
const MAX_DEPTH = 1000;
/** Output and work limits, so a runaway template cannot hang the page. */
const MAX_OUTPUT = 16 * 1024 * 1024;
const MAX_STEPS = 5_000_000;

class BreakSignal {}
class ContinueSignal {}

export interface ExecOptions {
  funcs: ReadonlyMap<string, GoFunc>;
  /** Template option missingkey=error (docker inspect's raw fallback). */
  missingKeyError?: boolean;
  parseName?: string;
}

interface Var {
  name: string;
  value: Value;
}

/** Executes the template `name` of `trees` on `data`; returns the output written so far and the error, if any. */
export function execute(trees: Trees, data: Value, options: ExecOptions, name = ''): { output: string; error?: TemplateError } {
  const out: string[] = [];
  let outLen = 0;
  let steps = 0;
  let node: Node | null = null;
  let tmplName = name;
  let vars: Var[] = [{ name: '$', value: data }];
  let depth = 0;
  const parseName = options.parseName ?? '';

  const errorf = (message: string): never => {
    if (node === null) throw new TemplateError(`template: ${tmplName}: ${message}`, 'exec');
    const text = trees.text;
    const pos = node.pos;
    const lineStart = pos === 0 ? 0 : text.lastIndexOf('\n', pos - 1) + 1;
    const line = 1 + countNewlines(text, pos);
    const col = utf8Length(text, lineStart, pos);
    let context = nodeString(node);
    if (utf8Length(context, 0, context.length) > 20) context = `${[...context].slice(0, 20).join('')}...`;
    throw new TemplateError(`template: ${parseName}:${line}:${col}: executing ${goQuote(tmplName)} at <${context}>: ${message}`, 'exec');
  };
  const at = (n: Node): void => {
    node = n;
    if (++steps > MAX_STEPS) errorf('execution stopped: the template runs too long');
  };
  const write = (s: string): void => {
    outLen += s.length;
    if (outLen > MAX_OUTPUT) errorf('execution stopped: the output is too large');
    out.push(s);
  };
  const mark = (): number => vars.length;
  const pop = (m: number): void => {
    vars.length = m;
  };
  const setVar = (varName: string, value: Value): void => {
    for (let i = vars.length - 1; i >= 0; i--) {
      const v = vars[i] as Var;
      if (v.name === varName) {
        v.value = value;
        return;
      }
    }
    errorf(`undefined variable: ${varName}`);
  };
  const setTopVar = (n: number, value: Value): void => {
    (vars[vars.length - n] as Var).value = value;
  };
  const varValue = (varName: string): Value => {
    for (let i = vars.length - 1; i >= 0; i--) if ((vars[i] as Var).name === varName) return (vars[i] as Var).value;
    return errorf(`undefined variable: ${varName}`);
  };

  function walk(dot: Value, n: Node): void {
    at(n);
    switch (n.type) {
      case 'action': {
        const val = evalPipeline(dot, n.pipe);
        if (n.pipe.decl.length === 0) printValue(n, val);
        return;
      }
      case 'if':
      case 'with': {
        const m = mark();
        const val = evalPipeline(dot, n.pipe);
        if (typeof val === 'function') errorf(`if/with can't use ${formatValue(val)}`);
        if (isTrue(val)) walk(n.type === 'with' ? val : dot, n.list);
        else if (n.elseList !== null) walk(dot, n.elseList);
        pop(m);
        return;
      }
      case 'list':
        for (const child of n.nodes) walk(dot, child);
        return;
      case 'range':
        return walkRange(dot, n);
      case 'template':
        return walkTemplate(dot, n);
      case 'text':
        return write(n.text);
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
      default:
        errorf(`unknown node: ${nodeString(n)}`);
    }
  }

  function walkRange(dot: Value, r: BranchNode): void {
    at(r);
    const outer = mark();
    try {
      const val = evalPipeline(dot, r.pipe);
      const m = mark();
      const decl = r.pipe.decl;
      const oneIteration = (index: Value, elem: Value): void => {
        if (decl.length > 0) {
          if (r.pipe.isAssign) setVar(decl[0]?.ident[0] as string, decl.length > 1 ? index : elem);
          else setTopVar(1, elem);
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) setVar(decl[1]?.ident[0] as string, elem);
          else setTopVar(2, index);
        }
        try {
          walk(elem, r.list);
        } catch (e) {
          if (!(e instanceof ContinueSignal)) throw e;
        } finally {
          pop(m);
        }
      };
      let ran = false;
      if (Array.isArray(val)) {
        val.forEach((elem, i) => oneIteration(i, elem));
        ran = val.length > 0;
      } else if (val instanceof GoMap) {
        for (const k of val.sortedKeys()) oneIteration(k, val.entries.get(k));
        ran = val.entries.size > 0;
      } else if (isInt(val)) {
        if (decl.length > 1) errorf(`can't use ${formatValue(val)} to iterate over more than one variable`);
        for (let i = 0; i < val; i++) oneIteration(undefined, i);
        ran = val > 0;
      } else if (val !== undefined && val !== null && !(val instanceof GoNil)) {
        errorf(`range can't iterate over ${formatValue(val)}`);
      }
      if (!ran && r.elseList !== null) walk(dot, r.elseList);
    } catch (e) {
      if (!(e instanceof BreakSignal)) throw e;
    } finally {
      pop(outer);
    }
  }

  function walkTemplate(dot: Value, t: Extract<Node, { type: 'template' }>): void {
    at(t);
    const tree = trees.trees.get(t.name);
    if (tree === undefined) errorf(`template ${goQuote(t.name)} not defined`);
    if (depth === MAX_DEPTH) errorf(`exceeded maximum template depth (${MAX_DEPTH})`);
    const newDot = evalPipeline(dot, t.pipe);
    const saved = { vars, tmplName };
    vars = [{ name: '$', value: newDot }];
    tmplName = t.name;
    depth++;
    try {
      walk(newDot, tree as ListNode);
    } finally {
      depth--;
      vars = saved.vars;
      tmplName = saved.tmplName;
    }
  }

  function evalPipeline(dot: Value, pipe: PipeNode | null): Value {
    if (pipe === null) return undefined;
    at(pipe);
    let value: Value = MISSING;
    for (const cmd of pipe.cmds) value = evalCommand(dot, cmd, value);
    for (const v of pipe.decl) {
      if (pipe.isAssign) setVar(v.ident[0] as string, value);
      else vars.push({ name: v.ident[0] as string, value });
    }
    return value;
  }

  function notAFunction(args: readonly Node[], final: Value): void {
    if (args.length > 1 || final !== MISSING) errorf(`can't give argument to non-function ${nodeString(args[0] as Node)}`);
  }

  function evalCommand(dot: Value, cmd: CommandNode, final: Value): Value {
    const first = cmd.args[0] as Node;
    switch (first.type) {
      case 'field':
        return evalFieldNode(dot, first, cmd.args, final);
      case 'chain':
        return evalChainNode(dot, first, cmd.args, final);
      case 'identifier':
        return evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        notAFunction(cmd.args, final);
        return evalPipeline(dot, first);
      case 'variable':
        return evalVariableNode(dot, first, cmd.args, final);
    }
    at(first);
    notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        return errorf('nil is not a command');
      case 'number':
        return idealConstant(first);
      case 'string':
        return first.text;
    }
    return errorf(`can't evaluate command ${goQuote(nodeString(first))}`);
  }

  function idealConstant(c: Extract<Node, { type: 'number' }>): Value {
    at(c);
    const hexInt = /^[+-]?0[xX]/.test(c.text) && !/[pP]/.test(c.text);
    if (c.isFloat && !hexInt && !c.text.startsWith("'") && /[.eEpP]/.test(c.text)) {
      return Number.isInteger(c.float) ? new GoFloat(c.float) : c.float;
    }
    if (c.isInt) return c.int;
    if (c.isUint) return errorf(`${c.text} overflows int`);
    return undefined;
  }

  function evalFieldNode(dot: Value, field: Extract<Node, { type: 'field' }>, args: readonly Node[] | null, final: Value): Value {
    at(field);
    return evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  function evalChainNode(dot: Value, chain: Extract<Node, { type: 'chain' }>, args: readonly Node[] | null, final: Value): Value {
    at(chain);
    if (chain.node.type === 'nil') errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = evalArg(dot, null, chain.node);
    return evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  function evalVariableNode(dot: Value, v: Extract<Node, { type: 'variable' }>, args: readonly Node[] | null, final: Value): Value {
    at(v);
    const value = varValue(v.ident[0] as string);
    if (v.ident.length === 1) {
      notAFunction(args ?? [v], final);
      return value;
    }
    return evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  function evalFieldChain(dot: Value, receiver: Value, n: Node, ident: readonly string[], args: readonly Node[] | null, final: Value): Value {
    let r = receiver;
    for (let i = 0; i < ident.length - 1; i++) r = evalField(dot, ident[i] as string, n, null, MISSING, r);
    return evalField(dot, ident[ident.length - 1] as string, n, args, final, r);
  }

  function evalFunction(dot: Value, n: Extract<Node, { type: 'identifier' }>, cmd: Node, args: readonly Node[] | null, final: Value): Value {
    at(n);
    const f = options.funcs.get(n.ident);
    if (f === undefined) return errorf(`${goQuote(n.ident)} is not a defined function`);
    return evalCall(dot, f, true, cmd, n.ident, args, final);
  }

  function evalField(dot: Value, fieldName: string, n: Node, args: readonly Node[] | null, final: Value, receiver: Value): Value {
    if (receiver === undefined) {
      if (options.missingKeyError) errorf(`nil data; no entry for key ${goQuote(fieldName)}`);
      return undefined;
    }
    const typ = typeName(receiver);
    if (receiver === null) return errorf(`nil pointer evaluating interface {}.${fieldName}`);
    const hasArgs = (args?.length ?? 0) > 1 || final !== MISSING;
    if (receiver instanceof GoMap || (receiver instanceof GoNil && receiver.kind === 'map')) {
      const method = receiver instanceof GoMap ? receiver.methods[fieldName] : undefined;
      if (method !== undefined) return evalCall(dot, methodFunc(method as (...a: unknown[]) => unknown), false, n, fieldName, args, final);
      if (hasArgs) errorf(`${fieldName} is not a method but has arguments`);
      if (receiver instanceof GoMap && receiver.entries.has(fieldName)) return receiver.entries.get(fieldName);
      if (options.missingKeyError) errorf(`map has no entry for key ${goQuote(fieldName)}`);
      return undefined;
    }
    if (isStruct(receiver) && typeof receiver !== 'function') {
      const member = lookupMember(receiver, fieldName);
      const exported = /^\p{Lu}/u.test(fieldName);
      if (member?.kind === 'method' && exported) return evalCall(dot, methodFunc(member.fn), false, n, fieldName, args, final);
      if (member?.kind === 'field') {
        if (!exported) errorf(`${fieldName} is an unexported field of struct type ${typ}`);
        if (hasArgs) errorf(`${fieldName} has arguments but cannot be invoked as function`);
        return member.value;
      }
    }
    return errorf(`can't evaluate field ${fieldName} in type ${typ}`);
  }

  function methodFunc(f: (...a: unknown[]) => unknown): GoFunc {
    return { params: Array.from({ length: f.length }, () => 'any' as const), call: (a) => f(...a) };
  }

  function evalCall(dot: Value, f: GoFunc, isBuiltin: boolean, n: Node, name: string, argNodes: readonly Node[] | null, final: Value): Value {
    const args = argNodes === null ? [] : argNodes.slice(1);
    const numIn = args.length + (final !== MISSING ? 1 : 0);
    let numFixed = args.length;
    if (f.variadic !== undefined) {
      numFixed = f.params.length;
      if (numIn < numFixed) errorf(`wrong number of args for ${name}: want at least ${f.params.length} got ${args.length}`);
    } else if (numIn !== f.params.length) errorf(`wrong number of args for ${name}: want ${f.params.length} got ${numIn}`);

    if (isBuiltin && (name === 'and' || name === 'or')) {
      let v: Value = undefined;
      for (const arg of args) {
        v = evalArg(dot, 'value', arg);
        if (isTrue(v) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = validateType(final, 'value');
      return v;
    }
    const argv: Value[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++) argv.push(evalArg(dot, f.params[i] as ParamType, args[i] as Node));
    if (f.variadic !== undefined) for (; i < args.length; i++) argv.push(evalArg(dot, f.variadic, args[i] as Node));
    if (final !== MISSING) {
      let t: ParamType = f.params[f.params.length - 1] ?? 'any';
      if (f.variadic !== undefined) t = numIn - 1 < numFixed ? (f.params[numIn - 1] as ParamType) : f.variadic;
      argv.push(validateType(final, t));
    }
    if (isBuiltin && name === 'call') return callFunction(argv, args[0] ?? null, n);
    try {
      return f.call(argv);
    } catch (e) {
      // Go recovers panics of the called function too (safeCall); a JS stack overflow is not one.
      const recoverable = e instanceof FuncError || (e instanceof Error && !(e instanceof TemplateError) && !(e instanceof RangeError));
      if (!recoverable) throw e;
      at(n);
      return errorf(`error calling ${name}: ${e.message}`);
    }
  }

  function callFunction(argv: Value[], calleeNode: Node | null, n: Node): Value {
    const [callee, ...rest] = argv;
    const calleeName = calleeNode === null ? '' : nodeString(calleeNode);
    at(n);
    if (callee === undefined) return errorf('error calling call: call of nil');
    if (typeof callee !== 'function') return errorf(`error calling call: non-function ${calleeName} of type ${typeName(callee)}`);
    try {
      return (callee as (...a: unknown[]) => unknown)(...rest);
    } catch (e) {
      return errorf(`error calling call: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  function validateType(value: Value, typ: ParamType | null): Value {
    if (typ === null || typ === 'value') return value;
    if (value === undefined) {
      if (typ === 'any') return null;
      if (typ === '[]string') return new GoNil('slice', '[]string');
      return errorf(`invalid value; expected ${typ}`);
    }
    const ok =
      typ === 'any' ||
      (typ === 'string' && typeof value === 'string') ||
      (typ === 'int' && isInt(value)) ||
      (typ === '[]string' && (typeName(value) === '[]string' || value === null));
    if (!ok) errorf(`wrong type for value; expected ${typ}; got ${typeName(value)}`);
    return value;
  }

  function evalArg(dot: Value, typ: ParamType | null, n: Node): Value {
    at(n);
    switch (n.type) {
      case 'dot':
        return validateType(dot, typ);
      case 'nil':
        if (typ === 'any' || typ === null) return null;
        if (typ === 'value') return undefined;
        if (typ === '[]string') return new GoNil('slice', '[]string');
        return errorf(`cannot assign nil to ${typ}`);
      case 'field':
        return validateType(evalFieldNode(dot, n, [n], MISSING), typ);
      case 'variable':
        return validateType(evalVariableNode(dot, n, null, MISSING), typ);
      case 'pipe':
        return validateType(evalPipeline(dot, n), typ);
      case 'identifier':
        return validateType(evalFunction(dot, n, n, null, MISSING), typ);
      case 'chain':
        return validateType(evalChainNode(dot, n, null, MISSING), typ);
    }
    switch (typ) {
      case 'int':
        at(n);
        if (n.type === 'number' && n.isInt) return n.int;
        return errorf(`expected integer; found ${nodeString(n)}`);
      case 'string':
        at(n);
        if (n.type === 'string') return n.text;
        return errorf(`expected string; found ${nodeString(n)}`);
      case 'any':
      case 'value':
      case null:
        return evalEmptyInterface(dot, n);
    }
    return errorf(`can't handle ${nodeString(n)} for arg of type ${typ}`);
  }

  function evalEmptyInterface(dot: Value, n: Node): Value {
    at(n);
    switch (n.type) {
      case 'bool':
        return n.value;
      case 'dot':
        return dot;
      case 'field':
        return evalFieldNode(dot, n, null, MISSING);
      case 'identifier':
        return evalFunction(dot, n, n, null, MISSING);
      case 'number':
        return idealConstant(n);
      case 'string':
        return n.text;
      case 'variable':
        return evalVariableNode(dot, n, null, MISSING);
      case 'pipe':
        return evalPipeline(dot, n);
    }
    return errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
  }

  function printValue(n: Node, v: Value): void {
    at(n);
    if (v === undefined) return write('<no value>');
    if (typeof v === 'function') errorf(`can't print ${nodeString(n)} of type ${typeName(v)}`);
    write(formatValue(v));
  }

  const root = trees.trees.get(name);
  try {
    if (root === undefined) errorf(`${goQuote(name)} is an incomplete or empty template`);
    walk(data, root as ListNode);
    return { output: out.join('') };
  } catch (e) {
    if (e instanceof TemplateError) return { output: out.join(''), error: e };
    if (e instanceof RangeError) {
      try {
        errorf(`exceeded maximum template depth (${MAX_DEPTH})`);
      } catch (e2) {
        return { output: out.join(''), error: e2 as TemplateError };
      }
    }
    throw e;
  }
}

function countNewlines(s: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (s.charCodeAt(i) === 0x0a) n++;
  return n;
}

export { sprintf };
