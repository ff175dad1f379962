import { describe, expect, it } from 'vitest';
import { INSTRUCTION_NAMES } from '@/lib/dockerfile';
import { dockerfileMonarch } from './monarch';

type Action = string | { token?: string; next?: string; switchTo?: string; cases?: Record<string, Action> } | Action[];
type Rule = [RegExp, Action];

const tokenizer = dockerfileMonarch.tokenizer as unknown as Record<string, Rule[]>;

/** State names an action moves to, without `@` and without `.$…` arguments. */
function targets(action: Action): string[] {
  if (typeof action === 'string') return [];
  if (Array.isArray(action)) return action.flatMap(targets);
  const own = [action.next, action.switchTo].filter((s): s is string => s !== undefined && !['@pop', '@popall', '@push'].includes(s));
  return [...own.map((s) => s.replace(/^@/, '').replace(/\..*$/, '')), ...Object.values(action.cases ?? {}).flatMap(targets)];
}

/** The first rule of a state matching at the start of `text`, as Monarch picks it. */
function firstMatch(state: string, text: string): Rule | undefined {
  const flags = dockerfileMonarch.ignoreCase ? 'i' : '';
  return tokenizer[state]?.find(([re]) => new RegExp(`^(?:${re.source})`, flags).test(text));
}

const tokenOf = (action: Action | undefined): string | undefined =>
  action === undefined ? undefined : typeof action === 'string' ? action : Array.isArray(action) ? tokenOf(action[0]) : action.token;

describe('Dockerfile Monarch definition', () => {
  it('only moves to states it defines', () => {
    for (const [state, rules] of Object.entries(tokenizer)) {
      for (const [, action] of rules) {
        for (const target of targets(action)) expect(Object.keys(tokenizer), `${state} → ${target}`).toContain(target);
      }
    }
  });

  it('reads every instruction keyword, in any case, as a keyword', () => {
    for (const name of INSTRUCTION_NAMES) {
      for (const written of [name, name.toLowerCase()]) expect(tokenOf(firstMatch('body', `${written} x\n`)?.[1]), written).toBe('keyword');
    }
    expect(tokenOf(firstMatch('body', 'FORM alpine\n')?.[1])).toBe('invalid');
  });

  it('tells directives from comments, and ends an instruction at an unescaped newline', () => {
    expect(tokenOf(firstMatch('root', '# syntax=docker/dockerfile:1\n')?.[1])).toBe('metatag');
    expect(tokenOf(firstMatch('root', '# just a comment\n')?.[1])).toBe('comment');
    expect(firstMatch('command', '\\\n')?.[1]).toBe('delimiter.escape');
    expect(firstMatch('command', '\n')?.[1]).toEqual({ token: '', next: '@popall' });
  });

  it('recognises flags, JSON arrays, heredocs and variables in commands', () => {
    expect(tokenOf(firstMatch('command', '--mount=type=cache,target=/x pip')?.[1])).toBe('attribute.name');
    expect(firstMatch('command', '["python", "app.py"]')?.[1]).toEqual({ token: 'delimiter.bracket', next: '@json' });
    // `[ -f x ]` is sh's test command, not JSON.
    expect(firstMatch('command', '[ -f x ]')?.[1]).not.toEqual({ token: 'delimiter.bracket', next: '@json' });
    const heredoc = firstMatch('command', '<<-"EOF" python3');
    expect(heredoc && targets(heredoc[1])).toEqual(['heredocLine']);
    expect(tokenOf(firstMatch('command', '${HOME}/x')?.[1])).toBe('variable');
    expect(tokenOf(firstMatch('from', 'AS build')?.[1])).toBe('keyword');
    expect(tokenOf(firstMatch('from', 'node:18-alpine')?.[1])).toBe('type');
    expect(tokenOf(firstMatch('expose', '8080/tcp')?.[1])).toBe('number');
  });
});
