// Progress, export/import/reset and the review queue, in a real browser with real IndexedDB:
// answers given on the lesson page are kept across reloads and counted per lesson; a progress file
// round-trips through export, reset and import (a damaged one is refused and changes nothing);
// /review lists what is due and lets it be answered in place.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { parseExerciseFile, type Exercise } from '../../lib/content';
import { expect, test } from './fixtures';

// Every exercise file of lesson 3.1 (any *.yaml beside lesson.md), for the lesson's total.
const lessonDir = 'content/lessons/3.1';
const exercises: Exercise[] = readdirSync(join(process.cwd(), lessonDir))
  .filter((name) => name.endsWith('.yaml'))
  .flatMap((name) => parseExerciseFile(`${lessonDir}/${name}`, readFileSync(join(process.cwd(), lessonDir, name), 'utf8')).exercises);
function trueFalse(id: string): Extract<Exercise, { kind: 'true-false' }> {
  const exercise = exercises.find((e) => e.id === id);
  if (exercise?.kind !== 'true-false') throw new Error(`${id} is not a true/false question in ${lessonDir}`);
  return exercise;
}
const TF1 = trueFalse('3.1/tf-1');
const TF2 = trueFalse('3.1/tf-2');
const DAY = 24 * 60 * 60 * 1000;

function card(page: Page, id: string): Locator {
  return page.locator(`[data-testid="exercise"][data-exercise-id="${id}"]`);
}

async function answerTrueFalse(scope: Locator, value: boolean, passed: boolean): Promise<void> {
  await scope.getByRole('radio', { name: value ? 'True' : 'False', exact: true }).check();
  await scope.getByRole('button', { name: /^Check/ }).click();
  await expect(scope.getByTestId('exercise-result')).toHaveAttribute('data-passed', String(passed));
}

function lessonProgress(page: Page): Locator {
  return page.locator('[data-testid="progress-lesson"][data-lesson="3.1"]');
}

function row(page: Page, id: string): Locator {
  return page.locator(`[data-testid="progress-exercise"][data-exercise-id="${id}"]`);
}

function progressFile(attempts: { id: string; at: number; passed: boolean }[]): string {
  return JSON.stringify({
    format: 'layerlab-progress',
    version: 1,
    exportedAt: new Date().toISOString(),
    attempts: attempts.map(({ id, at, passed }) => ({
      exerciseId: id,
      lesson: '3.1',
      kind: 'true-false',
      at,
      response: String(passed),
      score: passed ? 1 : 0,
      max: 1,
      passed,
      feedback: [],
      hintsShown: 0,
      mode: 'practice',
    })),
    hints: [],
    examples: [],
  });
}

async function importFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('progress-import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test.describe('progress', () => {
  test('answers on the lesson page are kept across a reload and counted per lesson', async ({ page, watch }) => {
    await page.goto('/lessons/3.1/');
    await answerTrueFalse(card(page, TF1.id), TF1.answer, true);
    await answerTrueFalse(card(page, TF2.id), !TF2.answer, false);

    await page.goto('/progress/');
    await expect(lessonProgress(page).getByTestId('progress-exercises')).toHaveAttribute('data-passed', '1');
    await page.reload();
    const lesson = lessonProgress(page);
    await expect(lesson.getByTestId('progress-exercises')).toHaveAttribute('data-passed', '1');
    await expect(lesson.getByText(`1 of ${exercises.length} exercises passed`)).toBeVisible();
    await expect(row(page, TF1.id)).toHaveAttribute('data-passed', 'true');
    await expect(row(page, TF2.id)).toHaveAttribute('data-passed', 'false');
    await expect(row(page, TF2.id).getByRole('cell').last()).toHaveText('Not yet');
    // Every attempt is kept with its feedback.
    await row(page, TF2.id).getByText('1 attempt').click();
    await expect(row(page, TF2.id).getByText(/0\/1 not passed/)).toBeVisible();

    await page.goto('/');
    const home = page.getByRole('article', { name: 'Working with Images' }).getByTestId('lesson-progress');
    await expect(home).toHaveAttribute('data-passed', '1');
    await expect(home).toHaveAttribute('data-exercises', String(exercises.length));
    watch.expectClean();
  });

  test('export, reset and import bring progress back; a damaged file is refused', async ({ page, watch }) => {
    await page.goto('/lessons/3.1/');
    await answerTrueFalse(card(page, TF1.id), TF1.answer, true);
    await page.goto('/progress/');
    const passed = lessonProgress(page).getByTestId('progress-exercises');
    await expect(passed).toHaveAttribute('data-passed', '1');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export progress' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^layerlab-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = readFileSync((await file.path()) ?? '', 'utf8');
    expect(JSON.parse(exported)).toMatchObject({ format: 'layerlab-progress', version: 1, attempts: [{ exerciseId: TF1.id, passed: true }] });

    // Reset asks first; Cancel keeps everything.
    await page.getByRole('button', { name: 'Reset progress…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset all progress?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(passed).toHaveAttribute('data-passed', '1');
    await page.getByRole('button', { name: 'Reset progress…' }).click();
    await dialog.getByRole('button', { name: 'Yes, erase my progress' }).click();
    await expect(page.getByTestId('progress-message')).toHaveText('All progress was erased.');
    await expect(passed).toHaveAttribute('data-passed', '0');

    await importFile(page, 'backup.json', exported);
    await expect(page.getByTestId('progress-message')).toContainText('Imported backup.json: 1 attempt');
    await expect(passed).toHaveAttribute('data-passed', '1');
    await importFile(page, 'backup.json', exported);
    await expect(page.getByTestId('progress-message')).toHaveText('Imported backup.json: nothing new, all of it was already here.');

    const damaged = JSON.parse(exported);
    damaged.attempts[0].score = 'full marks';
    damaged.attempts[0].at += 1;
    await importFile(page, 'damaged.json', JSON.stringify(damaged));
    const refusal = page.getByTestId('progress-message');
    await expect(refusal).toHaveAttribute('role', 'alert');
    await expect(refusal).toContainText('This progress file is damaged: attempts[0].score');
    await page.reload();
    await expect(passed).toHaveAttribute('data-passed', '1');
    await row(page, TF1.id).getByText('1 attempt').click();
    watch.expectClean();
  });

  test('the review page lists what is due and takes an answer in place', async ({ page, watch }) => {
    await page.goto('/progress/');
    const now = Date.now();
    // tf-1 answered right four days ago (due after three), tf-2 an hour ago (due in three days).
    await importFile(page, 'history.json', progressFile([
      { id: TF1.id, at: now - 4 * DAY, passed: true },
      { id: TF2.id, at: now - 60 * 60 * 1000, passed: true },
    ]));
    await expect(page.getByTestId('progress-message')).toContainText('2 attempts');

    await page.goto('/review/');
    await expect(page.getByTestId('review-due-count')).toHaveText('1 question is due for review.');
    const item = page.locator(`[data-testid="review-item"][data-exercise-id="${TF1.id}"]`);
    await expect(item.getByRole('heading', { level: 3 })).toHaveText(TF1.title);
    await expect(item).toContainText('Lesson 3.1 · Working with Images');
    const upcoming = page.getByTestId('review-upcoming');
    await expect(upcoming.getByRole('link', { name: TF2.title })).toBeVisible();
    await expect(upcoming).toContainText('in 3 days');

    await item.getByRole('button', { name: 'Answer again' }).click();
    await answerTrueFalse(card(page, TF1.id), TF1.answer, true);
    await expect(item).toContainText(/answered; next review in \d+ (days|weeks|months)/);
    await expect(page.getByTestId('review-due-count')).toHaveText('Nothing is due for review.');
    watch.expectClean();
  });
});
