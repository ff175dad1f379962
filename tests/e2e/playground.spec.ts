// The playground as a student uses it (issue 6 "Browser tests"): from a lesson's "Try it" to a
// build, the cache on a rebuild, the terminal, a multi-stage saving, and what survives a reload.
// Screenshots of the main views are kept in test-results/ as artifacts.
import { expect, test } from './fixtures';
import { appendLine, build, editorText, openExample, openFile, runInTerminal, treeItem, waitForPlayground } from './playground-helpers';

test.describe('playground', () => {
  test.describe.configure({ timeout: 150_000 });

  test('Try it in a lesson opens the example; a build shows its four layers with sizes', async ({ page, watch }, testInfo) => {
    await page.goto('/lessons/3.1/');
    await page.getByRole('link', { name: 'Try it: Layer concept: myapp:1.0' }).click();
    await expect(page).toHaveURL('/playground/?example=layer-concept');
    await waitForPlayground(page);
    await expect(page.getByTestId('current-example')).toContainText('Layer concept: myapp:1.0');
    for (const path of ['Dockerfile', 'app.py', 'requirements.txt']) await expect(treeItem(page, path)).toBeVisible();
    await expect(treeItem(page, 'Dockerfile')).toHaveAttribute('aria-selected', 'true');
    await expect.poll(() => editorText(page)).toContain('RUN pip install -r requirements.txt');

    expect(await build(page)).toBe('done');
    const steps = page.getByTestId('build-steps');
    await expect(steps.locator('[data-instruction="true"]')).toHaveCount(4);
    const stack = page.getByTestId('layer-stack');
    await expect(stack).toBeVisible();
    // FROM python:3.9 (its layers grouped under the base), COPY, RUN, COPY.
    const layers = stack.getByTestId('layer-item');
    await expect(layers).toHaveCount(4);
    for (const size of await layers.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-size-bytes'))))) expect(size).toBeGreaterThan(0);
    const total = Number(await page.getByTestId('image-size-total').getAttribute('data-size-bytes'));
    expect(total).toBeGreaterThan(100_000_000);
    await page.screenshot({ path: testInfo.outputPath('playground-layers.png'), fullPage: true });
    watch.expectClean();
  });

  test('editing app.py rebuilds only the last step; the timeline shows the saving; a reload keeps image and cache', async ({ page, watch }, testInfo) => {
    await openExample(page, 'layer-concept');
    expect(await build(page)).toBe('done');
    await openFile(page, 'app.py');
    await appendLine(page, '# a change');
    expect(await build(page)).toBe('done');

    const steps = page.getByTestId('build-steps').locator('[data-instruction="true"]');
    await expect(steps).toHaveCount(4);
    expect(await steps.evaluateAll((els) => els.map((el) => el.getAttribute('data-status')))).toEqual(['cached', 'cached', 'cached', 'done']);
    await expect(page.getByTestId('build-status')).toContainText('3 of 4 steps from the cache');
    await expect(page.getByTestId('build-summary')).toContainText(/previous build .+ now /);

    // The layer stack (top layer first) marks the rebuilt layer; the ones below came from the cache.
    const marks = () => page.getByTestId('layer-stack').getByTestId('layer-item').evaluateAll((els) => els.map((el) => el.getAttribute('data-cached')));
    await expect.poll(marks).toEqual(['false', 'true', 'true', 'true']);
    await page.getByRole('tab', { name: 'Timeline' }).click();
    const timeline = page.getByTestId('build-timeline');
    await expect(timeline).toBeVisible();
    await expect(timeline).toContainText(/previous/i);
    await page.screenshot({ path: testInfo.outputPath('playground-rebuild.png'), fullPage: true });

    // Reload: the edit, the image and its cache are still there.
    await page.reload();
    await waitForPlayground(page);
    await openFile(page, 'app.py');
    await expect.poll(() => editorText(page)).toContain('# a change');
    const screen = await runInTerminal(page, 'docker images', /layer-concept\s+latest/);
    expect(screen).toMatch(/REPOSITORY\s+TAG\s+IMAGE ID\s+CREATED\s+SIZE/);
    expect(await build(page)).toBe('done');
    await expect(page.getByTestId('build-status')).toContainText('4 of 4 steps from the cache');
    watch.expectClean();
  });

  test('the Go multi-stage example shows its stages and the saving', async ({ page, watch }, testInfo) => {
    await openExample(page, 'multi-stage-go');
    await expect.poll(() => editorText(page)).toContain('FROM golang:1.21 AS builder');
    expect(await build(page, { timeout: 60_000 })).toBe('done');
    await page.getByRole('tab', { name: 'Stages' }).click();
    const graph = page.getByTestId('stage-graph');
    await expect(graph).toBeVisible();
    await expect(graph).toContainText('builder');
    const savings = page.getByTestId('stage-savings');
    await expect(savings).toContainText(/MB/);
    await expect(savings).toContainText(/\d+(\.\d+)?\s*%/);
    await page.screenshot({ path: testInfo.outputPath('playground-multi-stage.png'), fullPage: true });
    watch.expectClean();
  });

  test('a failed build shows Docker’s error with the Dockerfile snippet', async ({ page, watch }) => {
    await openExample(page, 'layer-concept');
    await appendLine(page, 'RUN no-such-command');
    expect(await build(page)).toBe('error');
    const error = page.getByTestId('build-error');
    await expect(error).toContainText('no-such-command');
    await expect(error).toContainText('RUN no-such-command');
    await expect(page.getByTestId('build-steps').locator('li[data-status="error"]')).toHaveCount(1);
    watch.expectClean();
  });
});
