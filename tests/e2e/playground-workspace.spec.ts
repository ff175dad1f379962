// The playground's workspace and storage: the file tree by keyboard, the layout kept across
// reloads, the storage settings, a full quota shown cleanly, and two tabs on one store.
import type { Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { build, editorText, openExample, runInTerminal, treeItem, waitForPlayground } from './playground-helpers';

test.describe('playground workspace', () => {
  test.describe.configure({ timeout: 150_000 });

  test('the file tree creates, opens, renames and deletes by keyboard', async ({ page, watch }) => {
    await openExample(page, 'layer-concept');
    const tree = page.getByRole('tree', { name: 'Workspace files' });
    await treeItem(page, 'Dockerfile').focus();
    await page.keyboard.press('End');
    await expect(treeItem(page, 'requirements.txt')).toBeFocused();
    await page.keyboard.press('Home');
    await expect(tree.getByRole('treeitem').first()).toBeFocused();

    // New file: the toolbar's form, Enter creates it and opens it in the editor.
    await page.getByRole('button', { name: 'New file' }).click();
    await expect(page.getByRole('textbox', { name: 'Name' })).toBeFocused();
    await page.keyboard.type('notes.md');
    await page.keyboard.press('Enter');
    await expect(treeItem(page, 'notes.md')).toBeVisible();
    await expect(page.locator('#pane-editor-title')).toHaveText('notes.md');

    // F2 renames the focused entry; a clash is refused with a message.
    await treeItem(page, 'notes.md').focus();
    await page.keyboard.press('F2');
    const name = page.getByRole('textbox', { name: 'Name' });
    await name.fill('app.py');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'app.py already exists.' })).toBeVisible();
    await name.fill('README.md');
    await page.keyboard.press('Enter');
    await expect(treeItem(page, 'README.md')).toBeVisible();
    await expect(treeItem(page, 'notes.md')).toHaveCount(0);
    await expect(treeItem(page, 'README.md')).toBeFocused();

    // Delete asks first; Cancel keeps the file, Delete removes it.
    await page.keyboard.press('Delete');
    await expect(page.getByText('Delete README.md?')).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(treeItem(page, 'README.md')).toBeVisible();
    await treeItem(page, 'README.md').focus();
    await page.keyboard.press('Delete');
    await page.getByRole('button', { name: 'Delete', exact: true }).last().click();
    await expect(treeItem(page, 'README.md')).toHaveCount(0);

    // A file made in the terminal appears in the tree.
    await runInTerminal(page, 'echo hi > from-terminal.txt && echo "ma"de', 'made');
    await expect(treeItem(page, 'from-terminal.txt')).toBeVisible();
    watch.expectClean();
  });

  test('the pane layout is kept across reloads and resizes by keyboard', async ({ page, watch }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openExample(page, 'layer-concept');
    const separator = page.getByRole('separator', { name: 'Resize the files pane' });
    const files = page.locator('#pane-files');
    const before = (await files.boundingBox())?.width ?? 0;
    await separator.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await files.boundingBox())?.width ?? 0).toBeGreaterThan(before + 20);
    const after = (await files.boundingBox())?.width ?? 0;
    await page.reload();
    await waitForPlayground(page);
    await expect.poll(async () => Math.round((await files.boundingBox())?.width ?? 0)).toBe(Math.round(after));
    watch.expectClean();
  });

  test('on a narrow window the panes stack in reading order', async ({ page, watch }) => {
    await page.setViewportSize({ width: 800, height: 900 });
    await openExample(page, 'layer-concept');
    await expect(page.getByRole('separator')).toHaveCount(0);
    const top = async (id: string) => (await page.locator(id).boundingBox())?.y ?? 0;
    expect(await top('#pane-files')).toBeLessThan(await top('#pane-editor'));
    expect(await top('#pane-editor')).toBeLessThan(await top('#pane-terminal'));
    expect(await top('#pane-terminal')).toBeLessThan(await top('#pane-build'));
    watch.expectClean();
  });

  test('skip links reach each pane', async ({ page, watch }) => {
    await openExample(page, 'layer-concept');
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.getByRole('link', { name: 'Skip to terminal' }).focus();
    await expect(page.getByRole('link', { name: 'Skip to terminal' })).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('#pane-terminal')).toBeFocused();
    watch.expectClean();
  });

  test('storage settings: usage, keep my data, reset the workspace, erase everything', async ({ page, watch }, testInfo) => {
    await openExample(page, 'layer-concept');
    expect(await build(page)).toBe('done');
    await page.getByRole('button', { name: 'Storage' }).click();
    const dialog = page.getByRole('dialog', { name: 'Storage' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText(/Used .+ of .+ this browser allows/)).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('playground-storage.png') });

    await dialog.getByRole('button', { name: 'Reset this workspace…' }).click();
    await dialog.getByRole('button', { name: 'Yes, reset the workspace' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('file-tree').getByRole('treeitem')).toHaveCount(0);
    // Images stay after a workspace reset.
    await runInTerminal(page, 'docker images --format "{{.Repository}}:{{.Tag}}"', 'layer-concept:latest');

    await page.getByRole('button', { name: 'Storage' }).click();
    await dialog.getByRole('button', { name: 'Erase all my data…' }).click();
    await dialog.getByRole('button', { name: 'Yes, erase everything' }).click();
    await waitForPlayground(page);
    await expect.poll(() => editorText(page)).toContain('FROM python:3.9');
    const screen = await runInTerminal(page, 'docker images', /REPOSITORY\s+TAG/);
    expect(screen).not.toContain('layer-concept');
    watch.expectClean();
  });

  test('a full storage quota is shown cleanly', async ({ page, watch }, testInfo) => {
    await openExample(page, 'layer-concept');
    // Simulated in the engine's worker: every IndexedDB put fails the way a full quota makes it
    // fail (QuotaExceededError). Chromium's DevTools quota override does not reach a worker's
    // IndexedDB reliably, so the test patches IDBObjectStore in the page's workers (the engine's;
    // Monaco's workers never write IndexedDB), and only there.
    expect(page.workers().length, 'the engine worker runs').toBeGreaterThan(0);
    const setFull = async (full: boolean) => {
      for (const worker of page.workers()) await patchWorker(worker, full);
    };
    await setFull(true);
    expect(await build(page)).toBe('error');
    const alert = page.getByTestId('quota-error');
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Storage is full');
    await expect(alert).toContainText('Nothing that was saved before is lost');
    await page.screenshot({ path: testInfo.outputPath('playground-quota.png') });

    await setFull(false);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(alert).toBeHidden();
    // lightning-fs's deferred save of the workspace tree fails too, but no longer uncaught.
    watch.expectClean();
  });

  // After the quota failure above, the workspace's Dockerfile must still be readable: lightning-fs
  // used to keep its failed idle save of the directory tree as a rejected promise that every later
  // call rethrew (fixed by lib/workspace/lightning-fs-guard.ts).
  test('after a full quota, the workspace is intact and the same build succeeds', async ({ page, watch }) => {
    await openExample(page, 'layer-concept');
    const setFull = async (full: boolean) => {
      for (const worker of page.workers()) await patchWorker(worker, full);
    };
    await setFull(true);
    expect(await build(page)).toBe('error');
    await setFull(false);
    expect(await build(page)).toBe('done');
    await runInTerminal(page, 'docker images --format "{{.Repository}}:{{.Tag}}"', 'layer-concept:latest');
    watch.expectClean();
  });

  test('two tabs building at once both see both images', async ({ page, context, watch }) => {
    await openExample(page, 'layer-concept');
    const other = await context.newPage();
    await other.goto('/playground/');
    await waitForPlayground(other);
    const [a, b] = await Promise.all([build(page, { tag: 'tab-one:1' }), build(other, { tag: 'tab-two:1' })]);
    expect([a, b]).toEqual(['done', 'done']);
    for (const tab of [page, other]) {
      const screen = await runInTerminal(tab, 'docker images --format "{{.Repository}}:{{.Tag}}"', 'tab-two:1');
      expect(screen).toContain('tab-one:1');
    }
    watch.expectClean();
  });
});

/** In the page's workers, makes every IndexedDB put fail with QuotaExceededError while `full`. */
function patchWorker(worker: Worker, full: boolean): Promise<void> {
  return worker.evaluate((on) => {
    const g = globalThis as unknown as { __quotaFull?: boolean; __quotaPatched?: boolean };
    g.__quotaFull = on;
    if (g.__quotaPatched) return;
    g.__quotaPatched = true;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (g.__quotaFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  }, full);
}
