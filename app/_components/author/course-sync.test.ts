import { afterEach, describe, expect, it } from 'vitest';
import { openCourseChannel, type CourseChange, type CourseChannel } from './course-sync';

const opened: CourseChannel[] = [];
afterEach(() => opened.splice(0).forEach((c) => c.close()));

function open(name: string, heard: CourseChange[]): CourseChannel {
  const channel = openCourseChannel((change) => heard.push(change), name);
  opened.push(channel);
  return channel;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('course channel', () => {
  it('tells the other tabs, not the sender, of a saved file and of a replaced course', async () => {
    const a: CourseChange[] = [];
    const b: CourseChange[] = [];
    const tabA = open('test-author-sync', a);
    open('test-author-sync', b);
    tabA.post({ kind: 'file', path: 'content/lessons/3.1/exercises.yaml', text: 'questions: []\n' });
    tabA.post({ kind: 'course' });
    await settle();
    expect(b).toEqual([{ kind: 'file', path: 'content/lessons/3.1/exercises.yaml', text: 'questions: []\n' }, { kind: 'course' }]);
    expect(a).toEqual([]);
  });

  it('ignores messages that are not course changes', async () => {
    const heard: CourseChange[] = [];
    open('test-author-noise', heard);
    const stranger = new BroadcastChannel('test-author-noise');
    stranger.postMessage({ kind: 'file', path: 3 });
    stranger.postMessage('hello');
    stranger.postMessage({ kind: 'course' });
    await settle();
    stranger.close();
    expect(heard).toEqual([{ kind: 'course' }]);
  });
});
