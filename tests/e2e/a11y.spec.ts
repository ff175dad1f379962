// Every route passes axe-core (WCAG 2.x A and AA rules) with no serious or critical violation:
// the home page, a lesson, the playground with its views open after a build, its storage dialog,
// the authoring page, and the not-found page.
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { build, openExample } from './playground-helpers';

async function expectAccessible(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  await testInfo.attach(`axe-${name}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe violations on ${name}`).toEqual([]);
}

test.describe('accessibility (axe-core)', () => {
  test.describe.configure({ timeout: 150_000 });

  for (const scheme of ['light', 'dark'] as const) {
    test(`home and lesson pages (${scheme})`, async ({ page }, testInfo) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/');
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, testInfo, `home-${scheme}`);
      await page.goto('/lessons/3.1/');
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, testInfo, `lesson-${scheme}`);
    });
  }

  for (const scheme of ['light', 'dark'] as const) {
    test(`the authoring page with an exercise previewed (${scheme})`, async ({ page }, testInfo) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/author/');
      await expect(page.getByTestId('author-preview').getByRole('heading', { name: 'Working with Images' })).toBeVisible();
      await expectAccessible(page, testInfo, `author-${scheme}`);
      await page.getByTestId('author-file-list').getByRole('button', { name: 'exercises.yaml' }).click();
      await expect(page.getByTestId('author-editor')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
      await expect(page.getByTestId('author-exercise-preview')).toBeVisible();
      await expectAccessible(page, testInfo, `author-exercise-${scheme}`);
    });
  }

  for (const scheme of ['light', 'dark'] as const) {
    test(`progress and review pages with answers in them, and the reset dialog (${scheme})`, async ({ page, watch }, testInfo) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/progress/');
      const day = 24 * 60 * 60 * 1000;
      const attempt = (exerciseId: string, at: number, passed: boolean) => ({
        exerciseId, lesson: '3.1', kind: 'true-false', at, response: String(passed), score: passed ? 1 : 0, max: 1, passed, feedback: ['Feedback.'], hintsShown: 0, mode: 'practice',
      });
      const file = { format: 'layerlab-progress', version: 1, exportedAt: new Date().toISOString(), hints: [], examples: ['layer-concept'],
        attempts: [attempt('3.1/tf-1', Date.now() - 4 * day, true), attempt('3.1/tf-2', Date.now() - 60_000, false)] };
      await page.getByTestId('progress-import-file').setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
      await expect(page.getByTestId('progress-message')).toContainText('Imported');
      await page.locator('[data-testid="progress-exercise"][data-exercise-id="3.1/tf-2"]').getByText('1 attempt').click();
      await expectAccessible(page, testInfo, `progress-${scheme}`);
      await page.getByRole('button', { name: 'Reset progress…' }).click();
      await expectAccessible(page, testInfo, `progress-reset-${scheme}`);
      await page.keyboard.press('Escape');
      await page.goto('/review/');
      await page.getByRole('button', { name: 'Answer again' }).first().click();
      await expect(page.getByTestId('exercise')).toBeVisible();
      await expectAccessible(page, testInfo, `review-${scheme}`);
      watch.expectClean();
    });
  }

  test('the not-found page', async ({ page }, testInfo) => {
    await page.goto('/no-such-page/');
    await expectAccessible(page, testInfo, 'not-found');
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the playground, its views after a build and its storage dialog (${scheme})`, async ({ page, watch }, testInfo) => {
      await page.emulateMedia({ colorScheme: scheme });
      await openExample(page, 'multi-stage-go');
      await expectAccessible(page, testInfo, `playground-${scheme}`);
      expect(await build(page, { timeout: 60_000 })).toBe('done');
      await expect(page.getByTestId('layer-stack')).toBeVisible();
      await expectAccessible(page, testInfo, `playground-built-${scheme}`);
      await page.getByRole('button', { name: 'Storage' }).click();
      await expect(page.getByRole('dialog', { name: 'Storage' })).toBeVisible();
      await expectAccessible(page, testInfo, `storage-${scheme}`);
      watch.expectClean();
    });
  }
});
