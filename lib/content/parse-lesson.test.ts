import { describe, expect, it } from 'vitest';
import { ContentError } from './errors';
import { parseLesson } from './parse-lesson';

const path = 'content/lessons/3.1/lesson.md';

function lessonText(frontMatter: string, body = '## First part\n\nText.\n\n### Detail\n\n## Second part\n\nMore.\n'): string {
  return `---\n${frontMatter}\n---\n\n${body}`;
}

const valid = [
  'id: "3.1"',
  'title: "Working with Images"',
  'order: 1',
  'summary: "What images are."',
  'previous: null',
  'next: "3.2"',
  'examples: []',
].join('\n');

function failure(text: string, at = path): ContentError {
  try {
    parseLesson(at, text);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return error as ContentError;
  }
  throw new Error('expected parseLesson to throw');
}

describe('parseLesson', () => {
  it('parses a valid lesson', () => {
    const lesson = parseLesson(path, lessonText(valid));
    expect(lesson).toMatchObject({
      id: '3.1',
      title: 'Working with Images',
      order: 1,
      summary: 'What images are.',
      previous: null,
      next: '3.2',
      examples: [],
      path,
      sections: [
        { id: 'first-part', title: 'First part' },
        { id: 'second-part', title: 'Second part' },
      ],
    });
    expect(lesson.body.startsWith('## First part')).toBe(true);
  });

  it('takes section titles as plain text and ignores "##" inside code blocks', () => {
    const body = '## The `docker build` *command*\n\n```bash\n## not a heading\n```\n\n## Again\n\n## Again\n';
    const lesson = parseLesson(path, lessonText(valid, body));
    expect(lesson.sections).toEqual([
      { id: 'the-docker-build-command', title: 'The docker build command' },
      { id: 'again', title: 'Again' },
      { id: 'again-1', title: 'Again' },
    ]);
  });

  it('reports missing front matter', () => {
    const error = failure('## Just a body\n');
    expect(error.code).toBe('front-matter-missing');
    expect(error.message).toMatch(/^content\/lessons\/3\.1\/lesson\.md: front matter: missing/);
  });

  it('reports a value of the wrong type with its key', () => {
    const error = failure(lessonText(valid.replace('title: "Working with Images"', 'title: 42')));
    expect(error.code).toBe('front-matter-invalid');
    expect(error.message).toBe('content/lessons/3.1/lesson.md: front matter: title: expected string, received number');
  });

  it('suggests quotes for an unquoted lesson number', () => {
    const error = failure(lessonText(valid.replace('id: "3.1"', 'id: 3.1')));
    expect(error.message).toBe(
      'content/lessons/3.1/lesson.md: front matter: id: expected string, received number (put the lesson number in quotes)',
    );
  });

  it('reports a missing key', () => {
    const error = failure(lessonText(valid.replace('summary: "What images are."\n', '')));
    expect(error.message).toBe('content/lessons/3.1/lesson.md: front matter: summary: required (expected string)');
  });

  it('reports an unknown key, which is usually a typo', () => {
    const error = failure(lessonText(`${valid}\ntitel: "Oops"`));
    expect(error.message).toBe('content/lessons/3.1/lesson.md: front matter: unknown key "titel"');
  });

  it('reports a badly formed value inside an array with its index', () => {
    const error = failure(lessonText(valid.replace('examples: []', 'examples: ["ok", 7]')));
    expect(error.message).toBe('content/lessons/3.1/lesson.md: front matter: examples.1: expected string, received number');
  });

  it('reports an id that is not a lesson number', () => {
    const error = failure(lessonText(valid.replace('next: "3.2"', 'next: "three"')));
    expect(error.message).toBe('content/lessons/3.1/lesson.md: front matter: next: expected a lesson number such as "3.1"');
  });

  it('reports YAML syntax errors with a line number', () => {
    const error = failure(lessonText(`${valid}\nsummary: [unclosed`));
    expect(error.code).toBe('front-matter-syntax');
    expect(error.message).toMatch(/^content\/lessons\/3\.1\/lesson\.md:\d+: front matter: invalid YAML: /);
    expect(error.line).toBeGreaterThanOrEqual(9);
  });

  it('refuses front matter in another language, which gray-matter would evaluate', () => {
    const error = failure('---js\n{ id: "3.1" }\n---\n\n## A\n');
    expect(error.code).toBe('front-matter-missing');
  });

  it('checks the id against its folder', () => {
    const error = failure(lessonText(valid), 'content/lessons/3.2/lesson.md');
    expect(error.code).toBe('id-mismatch');
    expect(error.message).toBe('content/lessons/3.2/lesson.md: front matter: id: "3.1" does not match its folder "3.2"');
  });

  it('rejects a level-1 heading in the body', () => {
    const error = failure(lessonText(valid, '# Title again\n\n## Part\n'));
    expect(error.code).toBe('body-invalid');
    expect(error.message).toContain('body: level-1 heading "Title again"');
  });

  it('rejects a body without sections', () => {
    const error = failure(lessonText(valid, 'Only a paragraph.\n'));
    expect(error.code).toBe('body-invalid');
  });

  it('accepts "::try" lines for listed examples and rejects unlisted ones', () => {
    const body = '## Layers\n\nText.\n\n::try layer-concept\n\n## More\n\n::try multi-stage-go\n';
    const listed = valid.replace('examples: []', 'examples: ["layer-concept", "multi-stage-go"]');
    expect(parseLesson(path, lessonText(listed, body)).examples).toEqual(['layer-concept', 'multi-stage-go']);
    const error = failure(lessonText(valid.replace('examples: []', 'examples: ["layer-concept"]'), body));
    expect(error.code).toBe('body-invalid');
    expect(error.message).toBe(`${path}: body: "::try multi-stage-go": add "multi-stage-go" to the front matter's examples`);
  });

  it('does not share parsed objects between calls', () => {
    const text = lessonText(valid);
    const a = parseLesson(path, text);
    a.examples.push('mutated');
    expect(parseLesson(path, text).examples).toEqual([]);
  });
});
