// The engine worker through the real playground: what the worker keeps across reloads, what it
// tells other tabs, and that erasing everything in one tab leaves the others working. (Builds,
// the quota error and two tabs building at once are in playground*.spec.ts.)
import { expect, test } from './fixtures';
import { openExample, runInTerminal, terminal, treeItem, waitForPlayground } from './playground-helpers';

/** A quick image (alpine's one small layer), built from the terminal into `small/`. */
const SMALL_IMAGE = `mkdir -p small && printf 'FROM alpine:3.19\\nCMD ["sh"]\\n' > small/Dockerfile && docker build -q`;

test.describe('the engine worker', () => {
  // Two tabs, each with its own worker and a terminal: more than the default 30 s on a busy machine.
  test.describe.configure({ timeout: 90_000 });

  test('a reload carries on the terminal: directory, variables and history', async ({ page, watch }) => {
    await openExample(page, 'layer-concept');
    await runInTerminal(page, 'mkdir -p src && cd src && export GREETING=hello', /~\/src\$$/m);
    // A reload without ?example= (which would open the example's files afresh).
    await page.goto('/playground/');
    await waitForPlayground(page);
    await expect(terminal(page)).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
    await runInTerminal(page, 'echo "$GREETING from $PWD"; history | tail -n 2', 'hello from /workspace/src');
    const screen = await runInTerminal(page, 'echo done', /^done$/m);
    expect(screen).toMatch(/\d+ {2}mkdir -p src && cd src && export GREETING=hello/);
    watch.expectClean();
  });

  test('another tab hears of changes: new files and images show there without a reload', async ({ page, context, watch }) => {
    await openExample(page, 'layer-concept');
    const other = await context.newPage();
    await other.goto('/playground/');
    await waitForPlayground(other);
    await expect(treeItem(other, 'shared.txt')).toHaveCount(0);

    await runInTerminal(page, 'echo from the first tab > shared.txt && echo written', /^written$/m);
    // The first tab's worker posts the change; the second's drops its caches and tells its page.
    await expect(treeItem(other, 'shared.txt')).toBeVisible({ timeout: 10_000 });

    await runInTerminal(page, `${SMALL_IMAGE} -t seen-elsewhere:1 small && echo built`, /^built$/m);
    await runInTerminal(other, 'docker images --format "{{.Repository}}:{{.Tag}}"', 'seen-elsewhere:1');
    watch.expectClean();
  });

  test('erasing everything in one tab leaves the other tab working on a fresh store', async ({ page, context, watch }) => {
    await openExample(page, 'layer-concept');
    await runInTerminal(page, `${SMALL_IMAGE} -t doomed:1 small && echo built`, /^built$/m);
    const other = await context.newPage();
    await other.goto('/playground/');
    await waitForPlayground(other);
    await runInTerminal(other, 'docker images --format "{{.Repository}}:{{.Tag}}"', 'doomed:1');

    await page.getByRole('button', { name: 'Storage' }).click();
    const dialog = page.getByRole('dialog', { name: 'Storage' });
    await dialog.getByRole('button', { name: 'Erase all my data…' }).click();
    // The other tab holds the same databases open: the erase must not wait for it forever. It hears
    // of the erase and reloads onto the fresh store.
    const otherReloaded = other.waitForEvent('load');
    await dialog.getByRole('button', { name: 'Yes, erase everything' }).click();
    await waitForPlayground(page);
    await otherReloaded;
    await waitForPlayground(other);

    const screen = await runInTerminal(other, 'docker images --format "[{{.Repository}}]"; echo listed', /^listed$/m);
    expect(screen).not.toContain('[doomed]');
    await runInTerminal(other, `${SMALL_IMAGE} -t reborn:1 small && echo rebuilt`, /^rebuilt$/m);
    await runInTerminal(page, 'docker images --format "{{.Repository}}:{{.Tag}}"', 'reborn:1');
    watch.expectClean();
  });
});
