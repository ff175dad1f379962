/**
 * The ARG and ENV names visible at a position, read from the text (it may not parse yet).
 * Scoping as BuildKit has it (reference §2c): ARGs before the first FROM are global and usable
 * only in FROM lines; inside a stage, what its ARG and ENV lines declared above the cursor.
 */
import type { Position } from '@/lib/dockerfile';
import { logicalInstructions } from './line-context';

export interface DeclaredName {
  name: string;
  kind: 'ARG' | 'ENV';
  /** The default or value as written, null for `ARG NAME`. */
  value: string | null;
  line: number;
}

function unquote(value: string): string {
  return /^(["']).*\1$/s.test(value) ? value.slice(1, -1) : value;
}

export function declaredNames(text: string, position: Position): DeclaredName[] {
  const instructions = logicalInstructions(text, position.line + 1);
  const here = instructions.at(-1);
  const inFromLine = here !== undefined && here.keyword === 'FROM' && here.lastLine >= position.line;
  const global: DeclaredName[] = [];
  let stage: DeclaredName[] = [];
  let seenFrom = false;
  for (const ins of instructions) {
    if (ins === here && here.lastLine >= position.line) break; // the instruction being typed
    if (ins.keyword === 'FROM') {
      seenFrom = true;
      stage = [];
      continue;
    }
    const target = seenFrom ? stage : global;
    if (ins.keyword === 'ARG') {
      for (const w of ins.words) {
        const eq = w.text.indexOf('=');
        target.push({ name: eq < 0 ? w.text : w.text.slice(0, eq), kind: 'ARG', value: eq < 0 ? null : unquote(w.text.slice(eq + 1)), line: w.range.start.line });
      }
    } else if (ins.keyword === 'ENV' && seenFrom) {
      const first = ins.words[0];
      if (first === undefined) continue;
      if (!first.text.includes('=')) {
        // Legacy `ENV KEY value with spaces`.
        stage.push({ name: first.text, kind: 'ENV', value: ins.words.slice(1).map((w) => w.text).join(' ') || null, line: first.range.start.line });
        continue;
      }
      for (const w of ins.words) {
        const eq = w.text.indexOf('=');
        if (eq > 0) stage.push({ name: w.text.slice(0, eq), kind: 'ENV', value: unquote(w.text.slice(eq + 1)), line: w.range.start.line });
      }
    }
  }
  const visible = inFromLine ? global : stage;
  // A later declaration of a name wins.
  const byName = new Map<string, DeclaredName>();
  for (const d of visible) if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(d.name)) byName.set(d.name, d);
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
