// A lab end to end (issue 7): from the lesson's lab card into the playground, where the lab panel
// sets the workspace up (setup lines run, a fresh terminal); the first check fails, the student
// types the solution in the terminal, and the next check passes — also after a reload, which
// keeps the lab's work instead of starting it over.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { runInTerminal, terminalText } from './playground-helpers';

const LAB = '3.1/lab-prune';

async function checkWork(page: Page): Promise<{ passed: string | null; score: string | null }> {
  const panel = page.getByTestId('lab-panel');
  await panel.getByTestId('lab-check').click();
  await expect(panel.getByTestId('lab-check')).toHaveText('Check my work', { timeout: 30_000 });
  await expect(panel.getByTestId('lab-result')).toHaveAttribute('data-passed', /true|false/);
  return { passed: await panel.getByTestId('lab-result').getAttribute('data-passed'), score: await panel.getByTestId('lab-result').getAttribute('data-score') };
}

test('a lab from its lesson card to passed: open, fail, type the solution, check', async ({ page, watch }) => {
  test.setTimeout(60_000);
  await page.goto('/lessons/3.1/');
  const labCard = page.locator(`[data-testid="exercise"][data-exercise-id="${LAB}"]`);
  await expect(labCard).toHaveAttribute('data-kind', 'lab');
  await expect(labCard).toContainText('prune dangling images');
  await labCard.getByTestId('open-lab').click();
  await expect(page).toHaveURL(/\/playground\/\?lab=3\.1%2Flab-prune$/);

  const panel = page.getByTestId('lab-panel');
  await expect(panel).toHaveAttribute('data-lab-id', LAB);
  await expect(panel).toHaveAttribute('data-phase', 'ready', { timeout: 30_000 });
  await expect(panel.getByRole('heading', { name: 'Lab: prune dangling images' })).toBeVisible();
  // This lab has no starter files: the workspace is empty (the example is not opened either).
  await expect(page.getByText('The workspace is empty.')).toBeVisible();
  await panel.getByRole('button', { name: 'Show hint 1 of 2' }).click();
  await expect(panel.getByTestId('hint')).toHaveCount(1);

  // The starter state fails: the setup left a dangling image.
  const first = await checkWork(page);
  expect(first.passed).toBe('false');
  await expect(panel.locator('[data-check-id="no-dangling"]')).toHaveAttribute('data-status', 'fail');
  await expect(panel.locator('[data-check-id="no-dangling"]')).toContainText('Failed');
  await expect(panel.locator('[data-check-id="app-kept"]')).toHaveAttribute('data-status', 'pass');

  // The setup ran out of sight: the terminal's history starts empty, and the images are there.
  await runInTerminal(page, 'docker images --filter dangling=true', /<none>\s+<none>/);
  await runInTerminal(page, 'docker image prune -f', 'Total reclaimed space');
  const second = await checkWork(page);
  expect(second).toEqual({ passed: 'true', score: '4' });
  await expect(panel.getByTestId('lab-check-result')).toHaveCount(4);
  await expect(panel.locator('[data-status="pass"]')).toHaveCount(4);

  // A reload keeps the lab as it is (not set up again): still passed.
  await page.reload();
  await expect(page.getByTestId('lab-panel')).toHaveAttribute('data-phase', 'ready', { timeout: 30_000 });
  expect((await checkWork(page)).passed).toBe('true');
  expect(await terminalText(page)).not.toContain('docker build -q');

  // The lesson shows the lab as passed.
  await page.goto('/lessons/3.1/');
  await expect(page.locator(`[data-testid="exercise"][data-exercise-id="${LAB}"]`).getByTestId('exercise-result')).toHaveAttribute('data-passed', 'true');
  watch.expectClean();
});
