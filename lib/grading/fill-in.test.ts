import { describe, expect, it } from 'vitest';
import { gradeFillIn } from './fill-in';
import { MAX_ANSWER_CHARS } from './normalize';
import type { FillInQuestion } from './types';

// The material's fill-in questions 1, 3, 5 and 6, with its answer key.
const layers: FillInQuestion = { id: '3.1/fill-1', kind: 'fill-in', blanks: [{ answers: [{ text: 'layers' }] }] };
const registry: FillInQuestion = {
  id: '3.1/fill-3',
  kind: 'fill-in',
  blanks: [
    {
      answers: [
        { text: 'Docker Hub' },
        { text: 'hub.docker.com', score: 0.5, feedback: 'That is the website; the registry is docker.io.' },
        { text: '*', score: 0, feedback: 'An image name without a host goes to Docker Hub.' },
      ],
    },
  ],
};
const ignore: FillInQuestion = { id: '3.1/fill-5', kind: 'fill-in', blanks: [{ answers: [{ text: '.dockerignore' }] }] };
const size: FillInQuestion = { id: '3.1/fill-6', kind: 'fill-in', blanks: [{ answers: [{ text: 'size' }, { text: 'footprint' }] }] };
const grade = (q: FillInQuestion, a: string | string[]) => gradeFillIn(q, a);

describe('fill-in', () => {
  it('accepts the key ignoring case, spacing, wrapping quotes and a final stop', () => {
    for (const answer of ['layers', 'Layers', '  LAYERS.', '"layers"', '`layers`']) expect(grade(layers, answer).score, answer).toBe(1);
    expect(grade(layers, 'containers').score).toBe(0);
    expect(grade(size, 'Footprint').score).toBe(1);
    expect(grade(layers, 'containers').feedback).toEqual(['Not accepted.']);
  });

  it('accepts the registry synonyms the material lists, and the website for half', () => {
    for (const answer of ['Docker Hub', 'docker.io', 'registry-1.docker.io', 'index.docker.io', 'dockerhub']) {
      const result = grade(registry, answer);
      expect(result.score, answer).toBe(1);
    }
    expect(grade(registry, 'docker.io').blanks?.[0]?.how).toBe('synonym');
    const website = grade(registry, 'hub.docker.com');
    expect(website.score).toBe(0.5);
    expect(website.passed).toBe(false);
    expect(website.feedback).toContain('That is the website; the registry is docker.io.');
  });

  it('tries the catch-all last, after spelling slips, and gives its feedback', () => {
    const slip = grade(registry, 'Dokcer Hub');
    expect(slip.score).toBe(1);
    expect(slip.blanks?.[0]?.how).toBe('typo');
    expect(slip.feedback[0]).toBe('accepted with a spelling slip; it is spelled "Docker Hub".');
    const wrong = grade(registry, 'quay.io');
    expect(wrong.score).toBe(0);
    expect(wrong.feedback).toContain('An image name without a host goes to Docker Hub.');
  });

  it('first match wins in author order, and an exact later answer beats a slip of an earlier one', () => {
    const q: FillInQuestion = { id: 'q', kind: 'fill-in', blanks: [{ answers: [{ text: 'layers' }, { text: 'layer', score: 0.5 }, { text: 'lay*', score: 0.25 }] }] };
    expect(grade(q, 'layers').score).toBe(1);
    expect(grade(q, 'layer').score).toBe(0.5);
    expect(grade(q, 'layering').score).toBe(0.25);
    // Wildcards belong to the first pass (grading-and-authoring §5.5): a slip is tried only after them.
    expect(grade(q, 'layres').score).toBe(0.25);
  });

  it('matches `*` wildcards anchored, with `\\*` as a literal asterisk', () => {
    const q: FillInQuestion = { id: 'q', kind: 'fill-in', blanks: [{ answers: [{ text: 'docker * prune' }, { text: 'a\\*b' }] }] };
    expect(grade(q, 'docker image prune').score).toBe(1);
    expect(grade(q, 'docker image prune -a').score).toBe(0);
    expect(grade(q, 'a*b').score).toBe(1);
    expect(grade(q, 'axb').score).toBe(0);
  });

  it('tolerates slips by word length: none up to 3 letters, one up to 9, two from 10', () => {
    const q = (text: string): FillInQuestion => ({ id: 'q', kind: 'fill-in', blanks: [{ answers: [{ text }] }] });
    expect(grade(q('tag'), 'tga').score).toBe(0);
    expect(grade(q('layer'), 'layre').score).toBe(1);
    expect(grade(q('layer'), 'lyre').score).toBe(0);
    expect(grade(q('multi-stage'), 'multi-stgae').score).toBe(1);
    expect(grade(q('containers'), 'contianres').score).toBe(1);
    expect(grade(q('images'), 'igmaes').score).toBe(0);
  });

  it('never tolerates slips in commands, flags, tags, digests, numbers or paths', () => {
    const q = (text: string): FillInQuestion => ({ id: 'q', kind: 'fill-in', blanks: [{ answers: [{ text }] }] });
    expect(grade(q('docker image prune -a'), 'docker image prnue -a').score).toBe(0);
    expect(grade(q('--no-cache'), '--no-cahce').score).toBe(0);
    expect(grade(q('latest'), 'latset').score).toBe(1);
    expect(grade(q('alpine:3.19'), 'alpine:3.18').score).toBe(0);
    expect(grade(q('sha256:abcd'), 'sha256:abce').score).toBe(0);
    expect(grade(q('8080'), '8008').score).toBe(0);
    expect(grade(ignore, '.dockerignroe').score).toBe(0);
    expect(grade(ignore, '.dockerignore').score).toBe(1);
    expect(grade(q('save'), 'safe').score).toBe(0);
  });

  it('compares command lines in canonical form: aliases, long flags, flag order', () => {
    const q: FillInQuestion = { id: '3.1/mc-2-as-fill', kind: 'fill-in', blanks: [{ answers: [{ text: 'docker image prune -a' }] }] };
    for (const answer of ['docker image prune --all', 'docker image prune -a', 'docker  image  prune -a']) expect(grade(q, answer).score, answer).toBe(1);
    expect(grade(q, 'docker image prune').score).toBe(0);
    const save: FillInQuestion = { id: 'q', kind: 'fill-in', blanks: [{ answers: [{ text: 'docker save -o app.tar app:1.0' }] }] };
    expect(grade(save, 'docker image save app:1.0 --output app.tar').score).toBe(1);
    expect(grade(save, 'docker export -o app.tar app:1.0').score).toBe(0);
  });

  it('is case-sensitive when asked', () => {
    const q: FillInQuestion = { id: 'q', kind: 'fill-in', caseSensitive: true, blanks: [{ answers: [{ text: 'COPY' }] }] };
    expect(grade(q, 'COPY').score).toBe(1);
    expect(grade(q, 'copy').score).toBe(0);
  });

  it('grades several blanks with weights, from an array or a `|`-separated string', () => {
    const q: FillInQuestion = {
      id: 'q',
      kind: 'fill-in',
      points: 3,
      blanks: [{ answers: [{ text: 'save' }], weight: 2 }, { answers: [{ text: 'load' }] }],
    };
    expect(grade(q, ['save', 'load']).score).toBe(3);
    expect(grade(q, 'save | export').score).toBe(2);
    const half = grade(q, ['export', 'load']);
    expect(half.score).toBe(1);
    expect(half.feedback).toContain('Blank 1: not accepted.');
  });

  it('normalizes Unicode: full-width letters, ligatures, zero-width and smart quotes', () => {
    expect(grade(layers, 'ｌａｙｅｒｓ').score).toBe(1);
    expect(grade(layers, 'lay\u200Bers').score).toBe(1);
    expect(grade(layers, '\u201Clayers\u201D').score).toBe(1);
    expect(grade({ id: 'q', kind: 'fill-in', typos: 'off', blanks: [{ answers: [{ text: 'filesystem' }] }] }, '\uFB01lesystem').score).toBe(1);
    expect(grade(ignore, '\uFF0Edockerignore').score).toBe(1);
    // A lone surrogate becomes U+FFFD (no crash): one stray character, read as a slip.
    expect(grade(layers, '\uD800layers').blanks?.[0]?.how).toBe('typo');
    expect(grade(layers, '\uD800\uD800lay').score).toBe(0);
  });

  it('refuses empty and bounds huge answers', () => {
    expect(grade(layers, '').score).toBe(0);
    expect(grade(layers, '   ').score).toBe(0);
    expect(grade(registry, '').blanks?.[0]?.fraction).toBe(0);
    const huge = 'layers '.repeat(MAX_ANSWER_CHARS);
    const started = performance.now();
    expect(grade(layers, huge).score).toBe(0);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
