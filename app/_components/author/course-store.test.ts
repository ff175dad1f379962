import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openCourseStore } from './course-store';

let n = 0;
const fresh = () => `layerlab-author-test-${++n}`;

describe('course store (IndexedDB)', () => {
  it('is seeded once from the built-in course, then keeps the instructor’s edits', async () => {
    const name = fresh();
    const store = await openCourseStore({ 'content/lessons/3.1/lesson.md': 'seed' }, name);
    expect(await store.load()).toEqual(new Map([['content/lessons/3.1/lesson.md', 'seed']]));
    await store.put('content/lessons/3.1/lesson.md', 'edited');
    await store.put('content/lessons/3.1/more.yaml', 'questions: []\n');
    store.close();
    // Reopened with a (newer) seed: the edits stay, the seed is not written again.
    const again = await openCourseStore({ 'content/lessons/3.1/lesson.md': 'new seed' }, name);
    expect(await again.load()).toEqual(
      new Map([
        ['content/lessons/3.1/lesson.md', 'edited'],
        ['content/lessons/3.1/more.yaml', 'questions: []\n'],
      ]),
    );
    await again.remove('content/lessons/3.1/more.yaml');
    expect([...(await again.load()).keys()]).toEqual(['content/lessons/3.1/lesson.md']);
    again.close();
  });

  it('replaces the whole course at once', async () => {
    const store = await openCourseStore({ a: '1', b: '2' }, fresh());
    await store.replaceAll(new Map([['c', '3']]));
    expect(await store.load()).toEqual(new Map([['c', '3']]));
    store.close();
  });
});
