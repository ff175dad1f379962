import type { Command, Script, Word } from './ast';
import { NAME, syntaxError, type Op } from './lexer';
import type { Parser } from './parser';

/**
 * The compound commands of XCU §2.9.4 — if, for, while/until, case — parsed on the Parser's
 * token stream. Kept apart from the list and pipeline grammar to keep each file readable.
 */
export function parseIf(p: Parser): Command {
  const line = p.take().line;
  const clauses: { cond: Script; body: Script }[] = [];
  let elseBody: Script | undefined;
  for (;;) {
    const cond = p.compoundList(['then']);
    p.expectWord('then');
    const body = p.compoundList(['elif', 'else', 'fi']);
    clauses.push({ cond, body });
    const t = p.take();
    if (p.isWord(t, 'elif')) continue;
    if (p.isWord(t, 'else')) {
      elseBody = p.compoundList(['fi']);
      p.expectWord('fi');
    } else if (!p.isWord(t, 'fi')) throw p.unexpected(t, 'fi');
    break;
  }
  return { kind: 'if', clauses, elseBody, redirects: [], line };
}

export function parseFor(p: Parser): Command {
  const line = p.take().line;
  const nameTok = p.take();
  if (nameTok.kind !== 'word' || !NAME.test(nameTok.word.raw)) throw syntaxError('Bad for loop variable', nameTok.line);
  p.skipNewlines();
  let items: Word[] | undefined;
  if (p.isWord(p.peek(), 'in')) {
    p.take();
    items = [];
    while (p.peek().kind === 'word') items.push((p.take() as { word: Word }).word);
    const sep = p.peek();
    if (sep.kind === 'op' && sep.op === ';') p.take();
    else if (sep.kind !== 'newline') throw p.unexpected(sep, 'do');
  } else if (p.peek().kind === 'op' && (p.peek() as { op: Op }).op === ';') {
    p.take();
  }
  p.skipNewlines();
  p.expectWord('do');
  const body = p.compoundList(['done']);
  p.expectWord('done');
  return { kind: 'for', name: nameTok.word.raw, items, body, redirects: [], line };
}

export function parseWhile(p: Parser, until: boolean): Command {
  const line = p.take().line;
  const cond = p.compoundList(['do']);
  p.expectWord('do');
  const body = p.compoundList(['done']);
  p.expectWord('done');
  return { kind: 'while', until, cond, body, redirects: [], line };
}

export function parseCase(p: Parser): Command {
  const line = p.take().line;
  const subject = p.take();
  if (subject.kind !== 'word') throw p.unexpected(subject);
  p.skipNewlines();
  p.expectWord('in');
  const items: { patterns: Word[]; body: Script }[] = [];
  for (;;) {
    p.skipNewlines();
    if (p.isWord(p.peek(), 'esac')) break;
    if (p.peek().kind === 'op' && (p.peek() as { op: Op }).op === '(') p.take();
    const patterns: Word[] = [];
    for (;;) {
      const pattern = p.take();
      if (pattern.kind !== 'word') throw p.unexpected(pattern, ')');
      patterns.push(pattern.word);
      const sep = p.peek();
      if (sep.kind === 'op' && sep.op === '|') p.take();
      else break;
    }
    p.expectOp(')', ')');
    p.skipNewlines();
    const next = p.peek();
    const empty = (next.kind === 'op' && next.op === ';;') || p.isWord(next, 'esac');
    const body = empty ? { items: [] } : p.compoundList([';;', 'esac']);
    items.push({ patterns, body });
    const end = p.peek();
    if (end.kind === 'op' && end.op === ';;') p.take();
    else if (p.isWord(end, 'esac')) break;
    else throw p.unexpected(end, 'esac');
  }
  p.expectWord('esac');
  return { kind: 'case', word: subject.word, items, redirects: [], line };
}
