import { gzipSync } from 'node:zlib';
import type { Page, Response } from '@playwright/test';
import { expect, test } from './fixtures';

// Strings only Monaco's code contains (its worker factory hook and a core command id). The
// playground test checks they are found there, so "not found" on other pages means something.
const MONACO_SIGNATURES = ['MonacoEnvironment', 'editor.action.triggerSuggest'];

interface ScriptStat {
  url: string;
  bytes: number;
  gzip: number;
  monaco: boolean;
}

/** Records every JavaScript response of the page (scripts and workers) from now on. */
function recordScripts(page: Page): { stats: () => Promise<ScriptStat[]>; stop: () => void } {
  const responses: Response[] = [];
  let recording = true;
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (recording && (type === 'script' || response.url().endsWith('.js'))) responses.push(response);
  });
  return {
    /** Ignore what loads from now on (e.g. the image catalog, fetched once the editor is up). */
    stop: () => void (recording = false),
    stats: async () => {
      const seen = new Set<string>();
      const stats: ScriptStat[] = [];
      for (const response of responses) {
        if (seen.has(response.url())) continue;
        seen.add(response.url());
        const body = await response.body();
        const text = body.toString('utf8');
        stats.push({ url: response.url(), bytes: body.length, gzip: gzipSync(body).length, monaco: MONACO_SIGNATURES.some((s) => text.includes(s)) });
      }
      return stats;
    },
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The editor's text as rendered (Monaco draws spaces as no-break spaces). */
async function editorText(page: Page): Promise<string> {
  const lines = await page.locator('[data-testid="dockerfile-editor"] .view-line').allInnerTexts();
  return lines.map((l) => l.replace(/\u00a0/g, ' ')).join('\n');
}

async function openPlayground(page: Page) {
  await page.goto('/playground/');
  const editor = page.getByTestId('dockerfile-editor');
  await expect(editor).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
  return editor;
}

test.describe('Dockerfile editor', () => {
  test('shows a loading state, then the sample Dockerfile, highlighted', async ({ page, watch }) => {
    // Hold Monaco's chunk back until the loading state has been seen.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/_next/static/chunks/*.js', async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      if (MONACO_SIGNATURES.some((s) => body.includes(s))) await held;
      await route.fulfill({ response, body });
    });
    await page.goto('/playground/');
    await expect(page.getByRole('status').filter({ hasText: 'Loading the editor…' })).toBeVisible();
    release();
    const editor = page.getByTestId('dockerfile-editor');
    await expect(editor).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Playground');
    await expect(page).toHaveTitle('Playground · Layerlab');
    await expect(editor.getByRole('textbox', { name: 'Dockerfile' })).toBeAttached();
    await expect.poll(() => editorText(page)).toContain('FROM python:3.9');

    // Highlighting: keywords share one colour class, the image name has another.
    const classOf = (text: string) => editor.locator('.view-line span span', { hasText: new RegExp(`^${text}$`) }).first().getAttribute('class');
    const from = await classOf('FROM');
    expect(from).toMatch(/mtk\d+/);
    expect(await classOf('COPY')).toBe(from);
    expect(await classOf('RUN')).toBe(from);
    expect(await classOf('python:3.9')).not.toBe(from);
    watch.expectClean();
  });

  test('FROM node:latest: DL3007 marker, hover with the explanation, quick fix, Ctrl+Enter', async ({ page, watch }) => {
    const editor = await openPlayground(page);
    await editor.locator('.view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('FROM node:latest');
    await page.keyboard.press('Escape');
    await expect.poll(() => editorText(page)).toBe('FROM node:latest');

    // The live lint marker: a warning squiggle under the image.
    await expect(editor.locator('.squiggly-warning')).toHaveCount(1);

    // Hovering it shows the marker (message and rule id) and our explanation of the rule.
    await editor.locator('.view-line span span', { hasText: 'node:latest' }).hover();
    const hover = page.locator('.monaco-hover').filter({ hasText: 'DL3007' }).first();
    await expect(hover).toBeVisible();
    await expect(hover).toContainText('Using latest is prone to errors');
    await expect(hover).toContainText('NoLatestTag');
    await expect(hover).toContainText('is just the tag a publisher moved most recently');

    // The quick fix pins the tag to the release `latest` is in the hub today.
    await page.mouse.move(0, 0);
    await editor.locator('.view-line span span', { hasText: 'node:latest' }).click();
    await expect(async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('ControlOrMeta+Period');
      await expect(page.getByText(/Pin node:18\.19\.0/)).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
    await page.getByText(/Pin node:18\.19\.0/).click();
    await expect.poll(() => editorText(page)).toBe('FROM node:18.19.0');
    await expect(editor.locator('.squiggly-warning')).toHaveCount(0);

    // Ctrl/Cmd+Enter asks the page for a build.
    const pane = page.locator('[data-build-requests]');
    await expect(pane).toHaveAttribute('data-build-requests', '0');
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(pane).toHaveAttribute('data-build-requests', '1');
    await expect.poll(() => editorText(page)).toBe('FROM node:18.19.0');
    watch.expectClean();
  });

  test('follows the system colour scheme', async ({ page, watch }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const editor = await openPlayground(page);
    await expect(editor.locator('.monaco-editor')).toHaveClass(/\bvs-dark\b/);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(editor.locator('.monaco-editor')).not.toHaveClass(/\bvs-dark\b/);
    await expect(editor.locator('.monaco-editor')).toHaveClass(/\bvs\b/);
    watch.expectClean();
  });

  test('completes instructions, images and tags from the hub', async ({ page, watch }) => {
    const editor = await openPlayground(page);
    await editor.locator('.view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('FR');
    const suggest = page.locator('.suggest-widget');
    await expect(suggest.getByRole('option', { name: /FROM/ })).toBeVisible();
    await page.keyboard.press('Enter');
    // Choosing FROM asks again: images from the hub.
    await expect(suggest.getByRole('option', { name: /^node/ })).toBeVisible();
    await page.keyboard.type('node:18-al');
    await expect(suggest.getByRole('option', { name: /18-alpine/ }).first()).toBeVisible();
    await page.keyboard.press('Enter');
    await expect.poll(() => editorText(page)).toBe('FROM node:18-alpine');
    watch.expectClean();
  });

  test('pages without an editor do not load Monaco; the playground JS is measured', async ({ page, watch }, testInfo) => {
    const lessonScripts = recordScripts(page);
    await page.goto('/lessons/3.1/');
    await page.waitForLoadState('networkidle');
    const lesson = await lessonScripts.stats();
    expect(lesson.length).toBeGreaterThan(0);
    expect(lesson.filter((s) => s.monaco).map((s) => s.url)).toEqual([]);

    const playground = await page.context().newPage();
    const playgroundScripts = recordScripts(playground);
    const started = Date.now();
    await openPlayground(playground);
    playgroundScripts.stop();
    const readyMs = Date.now() - started;
    const untilReady = await playgroundScripts.stats();
    // The detector finds Monaco where it is.
    expect(untilReady.some((s) => s.monaco)).toBe(true);

    const sum = (list: ScriptStat[], key: 'bytes' | 'gzip') => list.reduce((n, s) => n + s[key], 0);
    const figures = {
      lesson: { scripts: lesson.length, bytes: sum(lesson, 'bytes'), gzip: sum(lesson, 'gzip') },
      playgroundUntilEditorReady: { scripts: untilReady.length, bytes: sum(untilReady, 'bytes'), gzip: sum(untilReady, 'gzip'), readyMs },
      largest: [...untilReady].sort((a, b) => b.gzip - a.gzip).slice(0, 5).map((s) => ({ url: new URL(s.url).pathname, gzip: s.gzip })),
    };
    console.log(
      `JS /lessons/3.1/: ${lesson.length} files, ${kb(figures.lesson.bytes)} (${kb(figures.lesson.gzip)} gzip); ` +
        `/playground/ until the editor is ready: ${untilReady.length} files, ${kb(figures.playgroundUntilEditorReady.bytes)} (${kb(figures.playgroundUntilEditorReady.gzip)} gzip), ready in ${readyMs} ms; ` +
        `largest: ${figures.largest.map((s) => `${s.url} ${kb(s.gzip)}`).join(', ')}`,
    );
    await testInfo.attach('js-sizes.json', { body: JSON.stringify(figures, null, 2), contentType: 'application/json' });
    await playground.close();
    watch.expectClean();
  });
});
