import { describe, expect, it } from 'vitest';
import { issuesByPath } from './issues';

describe('issuesByPath', () => {
  it('groups issues per file in line order, with the text the list shows and the marker message', () => {
    const byPath = issuesByPath([
      { path: 'content/lessons/3.1/exercises.yaml', at: 'questions[4].answers[0]', line: 12, message: 'expected string' },
      { path: 'content/lessons/3.1/lesson.md', at: '', message: 'no sections' },
      { path: 'content/lessons/3.1/exercises.yaml', at: '', line: 3, column: 7, message: 'invalid YAML: bad indentation' },
    ]);
    expect(byPath.get('content/lessons/3.1/exercises.yaml')).toEqual([
      { line: 3, column: 7, message: 'invalid YAML: bad indentation', text: 'content/lessons/3.1/exercises.yaml:3:7: invalid YAML: bad indentation' },
      { line: 12, message: 'questions[4].answers[0]: expected string', text: 'content/lessons/3.1/exercises.yaml:12: questions[4].answers[0]: expected string' },
    ]);
    expect(byPath.get('content/lessons/3.1/lesson.md')?.[0]?.text).toBe('content/lessons/3.1/lesson.md: no sections');
  });
});
