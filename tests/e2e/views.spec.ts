// The views that make layers visible (issue 6 item 5), in the playground: build the material's
// layer example, read the stack, open a layer's files with the keyboard, rebuild after editing
// app.py and see only the last layer rebuilt (stack and timeline), export JSON; build the Go
// multi-stage example and see its stage graph and saving.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { appendLine, build, openExample, openFile } from './playground-helpers';

test.describe.configure({ timeout: 120_000 });

function views(page: Page) {
  return page.getByTestId('image-views');
}

async function openTab(page: Page, name: string) {
  const tab = views(page).getByRole('tab', { name, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

test.describe('image views', () => {
  test('layer stack, files, rebuild marks, timeline, history, sharing and export', async ({ page, watch }, testInfo) => {
    await openExample(page, 'layer-concept');
    expect(await build(page, { timeout: 60_000 })).toBe('done');

    // The stack: python:3.9 grouped as one block, then the three own layers, with sizes.
    const stack = page.getByTestId('layer-stack');
    const items = stack.getByTestId('layer-item');
    await expect(items).toHaveCount(4, { timeout: 20_000 });
    await expect(items.last()).toHaveAttribute('data-kind', 'base');
    await expect(items.last()).toContainText('FROM python:3.9');
    for (const item of await items.all()) expect(Number(await item.getAttribute('data-size-bytes'))).toBeGreaterThan(0);
    await expect(stack.getByRole('treeitem', { name: /COPY app\.py \./ })).toBeVisible();
    await expect(page.getByTestId('image-size-total')).toContainText(/\d(\.\d+)?(MB|GB)/);
    await testInfo.attach('layer-stack.png', { body: await stack.screenshot(), contentType: 'image/png' });

    // Keyboard: the base group opens with Right and closes with Left; Home, Enter opens the top layer's files.
    const base = stack.locator('[data-kind="base"]');
    await items.first().focus();
    await page.keyboard.press('End');
    await expect(base).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(base).toHaveAttribute('aria-expanded', 'true');
    await expect(stack.locator('[data-kind="base-layer"]').first()).toBeVisible();
    await page.keyboard.press('ArrowLeft');
    await expect(base).toHaveAttribute('aria-expanded', 'false');
    await expect(stack.locator('[data-kind="base-layer"]')).toHaveCount(0);
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await expect(views(page).getByRole('tab', { name: 'Files', exact: true })).toHaveAttribute('aria-selected', 'true');
    const files = page.getByTestId('layer-files');
    const appPy = files.locator('[role="treeitem"][data-path="/app.py"]');
    await expect(appPy).toBeVisible({ timeout: 20_000 });
    await expect(appPy).toHaveAttribute('data-change', 'added');
    await expect(appPy).toContainText('added');
    await expect(page.getByTestId('efficiency-score')).toHaveText(/^\d+\.\d %$/);

    // The whole image, and a directory expanded with the keyboard (loaded lazily).
    await files.getByRole('radio', { name: 'Whole image' }).check();
    const usr = files.locator('[role="treeitem"][data-path="/usr"]');
    await expect(usr).toBeVisible({ timeout: 20_000 });
    await usr.click();
    await expect(usr).toHaveAttribute('aria-expanded', 'true');
    await expect(files.locator('[role="treeitem"][data-path="/usr/bin"]')).toBeVisible();
    await page.keyboard.press('ArrowLeft');
    await expect(usr).toHaveAttribute('aria-expanded', 'false');
    await testInfo.attach('layer-files.png', { body: await files.screenshot(), contentType: 'image/png' });

    // Export JSON: the analysis the stack shows.
    await openTab(page, 'Layers');
    const [download] = await Promise.all([page.waitForEvent('download'), stack.getByRole('button', { name: 'Export JSON' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.layers\.json$/);
    const exported = JSON.parse(await readFile((await download.path()) as string, 'utf8')) as { stack: { layerCount: number; bases: { name: string }[] } };
    expect(exported.stack.bases.map((b) => b.name)).toContain('python:3.9');

    // Edit app.py and rebuild: the earlier layers come from the cache, only the last is rebuilt.
    await openFile(page, 'app.py');
    await appendLine(page, '# edited');
    expect(await build(page, { timeout: 60_000 })).toBe('done');
    await openTab(page, 'Layers');
    await expect(items).toHaveCount(4);
    await expect(items.first()).toHaveAttribute('data-cached', 'false', { timeout: 20_000 });
    await expect(stack.locator('[data-testid="layer-item"][data-cached="true"]')).toHaveCount(3);
    await expect(items.first()).toContainText('rebuilt');

    // The timeline: four steps, three cached, the previous build beside it.
    await openTab(page, 'Timeline');
    const timeline = page.getByTestId('build-timeline');
    await expect(timeline.getByTestId('timeline-step')).toHaveCount(4);
    await expect(timeline.locator('[data-testid="timeline-step"][data-cached="true"]')).toHaveCount(3);
    await expect(page.getByTestId('timeline-simulated')).toContainText('→');
    await testInfo.attach('build-timeline.png', { body: await timeline.screenshot(), contentType: 'image/png' });

    // History: Docker's columns; a long command opens on demand.
    await openTab(page, 'History');
    const history = page.getByTestId('history-table');
    await expect(history.getByRole('columnheader', { name: 'CREATED BY' })).toBeVisible();
    await expect(history).toContainText('COPY app.py . # buildkit');
    const long = history.getByRole('button', { expanded: false }).first();
    await long.click();
    await expect(history.getByRole('button', { expanded: true }).first()).toBeVisible();

    // Sharing: both images of the store share python:3.9's layers.
    await openTab(page, 'Sharing');
    await expect(page.getByTestId('without-sharing')).toContainText(/B$/);
    await expect(page.getByTestId('with-sharing')).toContainText(/B$/);
    watch.expectClean();
  });

  test('the Go multi-stage example: stage graph and the saving', async ({ page, watch }, testInfo) => {
    await openExample(page, 'multi-stage-go');
    expect(await build(page, { timeout: 90_000 })).toBe('done');
    await openTab(page, 'Stages');
    const graph = page.getByTestId('stage-graph');
    await expect(graph.getByRole('img', { name: /Stage graph: 2 stages/ })).toBeVisible();
    await expect(graph.locator('path[data-kind="copy"]')).toHaveCount(1);
    const savings = page.getByTestId('stage-savings');
    await expect(savings).toContainText(/% smaller/);
    expect(Number(await savings.getAttribute('data-saved-percent'))).toBeGreaterThan(80);
    await testInfo.attach('stage-graph.png', { body: await page.getByTestId('image-views').screenshot(), contentType: 'image/png' });

    // Diff: the final image against its golang base, side by side.
    await openTab(page, 'Diff');
    await expect(page.getByTestId('image-diff')).toBeVisible({ timeout: 20_000 });
    watch.expectClean();
  });
});
