import { canonicalCommand } from '../synonyms';
import { globRegex } from './glob';
import type { GradingContext, Observation } from './types';

/**
 * `command` checks over the terminal's history (the lines typed at the prompt, as
 * `TerminalSnapshot.history` keeps them). A line is split into simple commands at `;`, `&&`,
 * `||`, `|` and newlines outside quotes; each is put in canonical form (`docker rmi` = `docker
 * image rm`, `--all` = `-a`, `-af` = `-a -f`). The pattern's command words must lead the
 * command, and each of its other words must appear among the command's (in any order; `*`
 * wildcards allowed: `-o *.tar`).
 */

/** Simple commands of one history line, quotes kept as typed but not split inside. */
export function splitCommands(line: string): string[] {
  const out: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote !== null) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"') current += line[++i] ?? '';
      else current += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      continue;
    }
    if (c === '\\' && line[i + 1] === '\n') {
      i++;
      continue;
    }
    const two = line.slice(i, i + 2);
    if (two === '&&' || two === '||') {
      out.push(current);
      current = '';
      i++;
      continue;
    }
    if (c === ';' || c === '|' || c === '\n' || c === '&') {
      out.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  out.push(current);
  // `sudo docker …` and `VAR=x docker …` run docker too.
  return out.map((c) => c.trim().replace(/^(?:sudo\s+|[A-Za-z_][A-Za-z0-9_]*=\S*\s+)+/, '')).filter((c) => c !== '');
}

const COMMAND_WORD = /^[a-z][a-z0-9-]*$/;

/** Does one simple command match the pattern? Both are compared in canonical form. */
export function commandMatches(pattern: string, command: string): boolean {
  const want = canonicalCommand(pattern).split(' ');
  const have = canonicalCommand(command).split(' ');
  let lead = 0;
  while (lead < Math.min(3, want.length) && COMMAND_WORD.test(want[lead] as string)) lead++;
  if (lead === 0 || want.slice(0, lead).some((w, i) => have[i] !== w)) return false;
  const pool = have.slice(lead);
  return want.slice(lead).every((word) => {
    const regex = globRegex(word, { path: false });
    const at = pool.findIndex((w) => regex.test(w));
    if (at < 0) return false;
    pool.splice(at, 1);
    return true;
  });
}

export function checkCommand(ctx: GradingContext, pattern: string, used: boolean): Observation {
  for (const line of ctx.history) {
    for (const command of splitCommands(line)) {
      if (commandMatches(pattern, command)) return { ok: used, detail: `ran: ${command}` };
    }
  }
  return { ok: !used, detail: `no command in the history matches ${pattern}` };
}
