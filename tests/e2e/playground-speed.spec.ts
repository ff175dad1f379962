// Speed figures of issue 6, measured in headless Chromium and attached as JSON (and printed):
// the JavaScript a lesson page loads before any editor is requested (goal < 250 KB gzip), and the
// time from navigation to a playground whose editor and terminal accept input (goal < 2.5 s; the
// figure is reported, and only a gross regression fails the test: the machine's load varies).
import { gzipSync } from 'node:zlib';
import type { Response } from '@playwright/test';
import { expect, test } from './fixtures';
import { editorText, runInTerminal, waitForPlayground } from './playground-helpers';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

test('speed: lesson JS before the editor, and navigation to a ready playground', async ({ page, context, watch }, testInfo) => {
  test.setTimeout(90_000);
  const scripts: Response[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script' || r.url().endsWith('.js')) scripts.push(r);
  });
  await page.goto('/lessons/3.1/');
  await page.waitForLoadState('networkidle');
  let lessonGzip = 0;
  let lessonBytes = 0;
  for (const response of scripts) {
    const body = await response.body();
    lessonBytes += body.length;
    lessonGzip += gzipSync(body).length;
  }
  expect(lessonGzip, 'lesson JS, gzip').toBeLessThan(250 * 1024);

  // First visit: the worker opens the store and the example. Then a warm visit (cached files).
  const measure = async (url: string) => {
    const tab = await context.newPage();
    const started = Date.now();
    await tab.goto(url);
    await waitForPlayground(tab);
    await expect(tab.getByTestId('terminal')).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
    const ready = Date.now() - started;
    // Both really take input.
    await runInTerminal(tab, 'echo "ready-"ok', 'ready-ok');
    await expect.poll(() => editorText(tab)).toContain('FROM');
    await tab.close();
    return ready;
  };
  const firstMs = await measure('/playground/?example=layer-concept');
  const warmMs = await measure('/playground/');
  const figures = { lesson: { scripts: scripts.length, bytes: lessonBytes, gzip: lessonGzip }, playgroundReadyMs: { first: firstMs, warm: warmMs } };
  console.log(`speed: /lessons/3.1/ JS ${scripts.length} files, ${kb(lessonBytes)} (${kb(lessonGzip)} gzip); playground ready (editor + terminal): first ${firstMs} ms, warm ${warmMs} ms`);
  await testInfo.attach('speed.json', { body: JSON.stringify(figures, null, 2), contentType: 'application/json' });
  expect(Math.max(firstMs, warmMs), 'navigation to a ready playground').toBeLessThan(10_000);
  watch.expectClean();
});
