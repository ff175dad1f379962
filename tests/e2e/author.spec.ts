// The authoring page: the built-in course in the browser, a schema error shown at its line and
// fixed, an exercise previewed, a content pack exported and imported back unchanged, a hostile
// pack refused with the course unchanged, GIFT exported and imported into a new lesson, and two
// tabs kept in step.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const EXERCISES = 'content/lessons/3.1/exercises.yaml';

function builtInCourse(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else files[`${prefix}${entry.name}`] = readFileSync(join(dir, entry.name), 'utf8');
    }
  };
  walk(join(process.cwd(), 'content/lessons'), 'content/lessons/');
  return files;
}

async function download(page: Page, button: string): Promise<{ file: Download; path: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  const path = join(tmpdir(), `layerlab-${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return { file, path };
}

function unzipText(path: string): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(readFileSync(path))).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

const message = (page: Page) => page.getByTestId('author-message');

test.describe('authoring page', () => {
  test.describe.configure({ timeout: 120_000 });

  test('edit with schema markers, preview, pack round trip, hostile pack, GIFT round trip', async ({ page, watch }) => {
    const course = builtInCourse();
    await page.goto('/author/');
    const fileList = page.getByTestId('author-file-list');
    await expect(fileList.getByRole('heading', { name: 'Lesson 3.1' })).toBeVisible();
    await expect(fileList.getByRole('button', { name: 'exercises.yaml' })).toBeVisible();
    await expect(page.getByTestId('author-summary')).toContainText('no issues');
    // The lesson is open first, rendered in the preview.
    await expect(page.getByTestId('author-preview').getByRole('heading', { name: 'Working with Images' })).toBeVisible();

    // A schema error at its exact line, as a marker and in the issue list; then fixed.
    await fileList.getByRole('button', { name: 'exercises.yaml' }).click();
    const editor = page.getByTestId('author-editor');
    await expect(editor).toHaveAttribute('data-path', EXERCISES);
    await expect(editor).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
    const lines = (course[EXERCISES] ?? '').split('\n');
    const line = lines.findIndex((l) => /^\s+answer: (true|false)\s*$/.test(l)) + 1;
    expect(line).toBeGreaterThan(0);
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+Home');
    for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.type('x');
    await page.keyboard.press('Escape');
    const issues = page.getByTestId('author-issues');
    const issue = issues.locator(`li[data-line="${line}"]`);
    await expect(issue).toContainText(`${EXERCISES}:${line}: questions[`);
    await expect(issue).toContainText('.answer: ');
    await expect(editor.locator('.squiggly-error')).toHaveCount(1);
    await expect(fileList.getByRole('button', { name: /exercises\.yaml.*1 issue/ })).toBeVisible();
    await page.keyboard.press('Backspace');
    await expect(issues).toContainText('No issues in this file');
    await expect(editor.locator('.squiggly-error')).toHaveCount(0);

    // Preview an exercise as the student sees it, with its answer key.
    await page.getByTestId('author-exercise-select').selectOption('3.1/tf-1');
    const preview = page.getByTestId('author-exercise-preview');
    await expect(preview).toHaveAttribute('data-exercise-id', '3.1/tf-1');
    await expect(preview.getByTestId('exercise')).toHaveAttribute('data-kind', 'true-false');
    await expect(preview.getByRole('region', { name: 'Answer key' })).toContainText(/Answer: (true|false)/);

    // Export a content pack: exactly the course's files.
    const first = await download(page, 'Export content pack');
    expect(first.file.suggestedFilename()).toBe('layerlab-course.zip');
    expect(unzipText(first.path)).toEqual(course);

    // Import it back: accepted, and exporting again gives the same files.
    await page.getByTestId('author-import-pack').setInputFiles(first.path);
    await expect(message(page)).toContainText(`${Object.keys(course).length} files`);
    expect(unzipText((await download(page, 'Export content pack')).path)).toEqual(course);

    // A hostile pack (zip slip, broken YAML) is refused with its errors; the course is unchanged.
    const hostile = join(tmpdir(), `layerlab-hostile-${Date.now()}.zip`);
    writeFileSync(
      hostile,
      zipSync({
        'content/lessons/3.1/lesson.md': strToU8('# not a lesson'),
        'content/lessons/3.1/exercises.yaml': strToU8('questions: [\n'),
        '../../evil.sh': strToU8('rm -rf /'),
      }),
    );
    await page.getByTestId('author-import-pack').setInputFiles(hostile);
    await expect(message(page)).toHaveAttribute('role', 'alert');
    await expect(message(page)).toContainText('was refused; the course is unchanged');
    await expect(message(page).getByRole('listitem').first()).toBeVisible();
    expect(unzipText((await download(page, 'Export content pack')).path)).toEqual(course);

    // GIFT: export lesson 3.1's quiz, import it into a new lesson 9.1, export that again.
    const gift = readFileSync((await download(page, 'Export GIFT')).path, 'utf8');
    expect(gift).toContain('[id:3.1/tf-1]');
    await page.getByText('New lesson', { exact: true }).click();
    await page.getByLabel('Lesson id', { exact: true }).last().fill('9.1');
    await page.getByLabel('Title', { exact: true }).fill('Imported from GIFT');
    await page.getByRole('button', { name: 'Create lesson' }).click();
    await expect(fileList.getByRole('heading', { name: 'Lesson 9.1' })).toBeVisible();
    await page.getByLabel('GIFT lesson').selectOption('9.1');
    const giftPath = join(tmpdir(), `layerlab-${Date.now()}.gift.txt`);
    writeFileSync(giftPath, gift);
    await page.getByTestId('author-import-gift').setInputFiles(giftPath);
    await expect(message(page)).toContainText(/Imported \d+ questions? from .* into content\/lessons\/9\.1\/exercises\.yaml/);
    const added = Number(/Imported (\d+)/.exec((await message(page).textContent()) ?? '')?.[1]);
    expect(added).toBeGreaterThanOrEqual(18);
    await expect(page.getByTestId('author-summary')).toContainText('no issues');
    const again = readFileSync((await download(page, 'Export GIFT')).path, 'utf8');
    // Every question came back as it was written (ids and notes are `//` comments; the ids moved to 9.1).
    const questions = (text: string) =>
      text
        .split(/\n\s*\n/)
        .map((block) => block.split('\n').filter((l) => !l.startsWith('//')).join('\n').trim())
        .filter((block) => block !== '' && !block.startsWith('$CATEGORY'));
    const original = new Set(questions(gift));
    expect(questions(again)).toHaveLength(added);
    for (const question of questions(again)) expect(original.has(question), question).toBe(true);
    expect(again).toContain('[id:9.1/tf-1]');

    watch.expectClean();
  });

  test('a second authoring tab shows what the first one saves', async ({ page, context, watch }) => {
    const other = await context.newPage();
    const openExercises = async (tab: Page) => {
      await tab.goto('/author/');
      await tab.getByTestId('author-file-list').getByRole('button', { name: 'exercises.yaml', exact: true }).click();
      await expect(tab.getByTestId('author-editor')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
    };
    await openExercises(page);
    await openExercises(other);

    // Break the first line in one tab: the other reloads the file and reports the same issue.
    await page.getByTestId('author-editor').locator('.view-lines').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('questions: oops\n');
    await expect(page.getByTestId('author-issues')).not.toContainText('No issues in this file');
    await expect(other.getByTestId('author-issues')).not.toContainText('No issues in this file', { timeout: 10_000 });
    await expect(other.getByTestId('author-editor').locator('.view-line').first()).toContainText('questions: oops');

    // A whole-course change (back to the built-in course) reaches the other tab too.
    await page.getByRole('button', { name: 'Reset to the built-in course' }).click();
    await page.getByRole('button', { name: /Really reset/ }).click();
    await expect(page.getByTestId('author-summary')).toContainText('no issues');
    await expect(other.getByTestId('author-summary')).toContainText('no issues', { timeout: 10_000 });
    await expect(other.getByTestId('author-editor').locator('.view-line').first()).not.toContainText('questions: oops');
    watch.expectClean();
  });

  test('exports the course as a git repository', async ({ page, watch }) => {
    const course = builtInCourse();
    await page.goto('/author/');
    await expect(page.getByTestId('author-summary')).toContainText('no issues');
    const { file, path } = await download(page, 'Export git repository');
    expect(file.suggestedFilename()).toBe('layerlab-course-git.zip');
    const entries = unzipText(path);
    expect(entries['.git/HEAD']).toBe('ref: refs/heads/main\n');
    expect(entries['.git/refs/heads/main']).toMatch(/^[0-9a-f]{40}\n$/);
    for (const [name, text] of Object.entries(course)) expect(entries[name], name).toBe(text);
    await expect(message(page)).toContainText(/Exported a git repository \(commit [0-9a-f]{7} on main/);
    watch.expectClean();
  });

  test('runs a lab’s reference solution and starter against its checks', async ({ page, watch }) => {
    // The first lab of the lesson's lab file.
    const labFile = Object.entries(builtInCourse()).find(([path, text]) => /^content\/lessons\/3\.1\/[^/]+\.yaml$/.test(path) && /^labs:/m.test(text));
    expect(labFile).toBeDefined();
    const [labPath = '', yaml = ''] = labFile ?? [];
    const labId = /^\s*- id: "?(3\.1\/[a-z0-9-]+)"?\s*$/m.exec(yaml.slice(yaml.search(/^labs:/m)))?.[1];
    expect(labId).toBeDefined();
    await page.goto('/author/');
    await page.getByTestId('author-file-list').getByRole('button', { name: labPath.slice(labPath.lastIndexOf('/') + 1), exact: true }).click();
    await page.getByTestId('author-exercise-select').selectOption(labId ?? '');
    const runner = page.getByTestId('lab-runner');
    await runner.getByRole('button', { name: 'Run reference solution' }).click();
    const solution = page.getByTestId('lab-result-solution');
    await expect(solution).toBeVisible({ timeout: 60_000 });
    await expect(solution).toHaveAttribute('data-passed', 'true');
    await expect(solution).toContainText('OK: the reference solution passes');
    await expect(solution.locator('tbody tr[data-status="pass"]').first()).toBeVisible();
    await runner.getByRole('button', { name: 'Run starter' }).click();
    const starter = page.getByTestId('lab-result-starter');
    await expect(starter).toBeVisible({ timeout: 60_000 });
    await expect(starter).toHaveAttribute('data-expected', 'true');
    await expect(starter.locator('tbody tr[data-status="fail"]').first()).toBeAttached();
    await starter.getByText('Transcript').click();
    await expect(starter.locator('pre')).not.toBeEmpty();
    watch.expectClean();
  });
});
