// Lesson 3.1's questions answered in the browser (issue 7): fill-in (wrong, then right), true/false,
// single and multiple choice, numeric, and an open answer with its keyword check and self-rating; hints one at
// a time; attempts and hints kept across a reload (IndexedDB); axe clean with results showing.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const card = (page: Page, id: string): Locator => page.locator(`[data-testid="exercise"][data-exercise-id="${id}"]`);
const result = (c: Locator): Locator => c.getByTestId('exercise-result');

async function openLesson(page: Page): Promise<void> {
  await page.goto('/lessons/3.1/');
  // Hydrated: Check is enabled only then (before, the form must not submit natively).
  await expect(card(page, '3.1/fill-1').locator('form')).toHaveAttribute('data-ready', 'true');
}

async function check(c: Locator): Promise<void> {
  await c.getByRole('button', { name: /^Check/ }).click();
}

test.describe('quiz in lesson 3.1', () => {
  test('fill-in: a wrong answer, then the right one, with the explanation and the card id', async ({ page, watch }) => {
    await openLesson(page);
    const fill = card(page, '3.1/fill-1');
    await expect(fill).toHaveAttribute('id', 'exercise-3.1-fill-1');
    await expect(fill).toHaveAttribute('data-kind', 'fill-in');
    const blank = fill.getByRole('textbox', { name: 'Answer' });
    await blank.fill('containers');
    await check(fill);
    await expect(result(fill)).toHaveAttribute('data-passed', 'false');
    await expect(result(fill)).toHaveAttribute('data-score', '0');
    await expect(result(fill)).toContainText('Not right yet');
    await expect(blank).toHaveAttribute('aria-invalid', 'true');

    await blank.fill('Layers');
    await check(fill);
    await expect(result(fill)).toHaveAttribute('data-passed', 'true');
    await expect(result(fill)).toHaveAttribute('data-score', '1');
    await expect(result(fill)).toHaveAttribute('data-max', '1');
    await expect(result(fill)).toContainText('Correct');
    await expect(blank).toHaveAttribute('aria-invalid', 'false');
    await expect(fill.getByTestId('explanation')).toContainText('An image is a stack of read-only layers');
    watch.expectClean();
  });

  test('the first Check loads only the quiz grader, not the engine behind lib/grading', async ({ page, watch }) => {
    await openLesson(page);
    await page.waitForLoadState('networkidle');
    const bodies: Promise<Buffer>[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.js')) bodies.push(response.body());
    });
    const tf = card(page, '3.1/tf-3');
    await tf.getByRole('radio', { name: 'True' }).check();
    await check(tf);
    await expect(result(tf)).toHaveAttribute('data-passed', 'true');
    await page.waitForLoadState('networkidle');
    // The grader is ~22 KB; lib/grading's whole index (lab checks, engine, CLI) was over 1 MB.
    const bytes = (await Promise.all(bodies)).reduce((n, body) => n + body.length, 0);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(150 * 1024);
    watch.expectClean();
  });

  test('hints come one at a time and are still shown after a reload', async ({ page, watch }) => {
    await openLesson(page);
    const fill = card(page, '3.1/fill-1');
    await expect(fill.getByTestId('hint')).toHaveCount(0);
    await fill.getByRole('button', { name: 'Show hint 1 of 2' }).click();
    await expect(fill.getByTestId('hint')).toHaveCount(1);
    await expect(fill.getByTestId('hint').first()).toContainText('Each one records the files');
    await fill.getByRole('button', { name: 'Show hint 2 of 2' }).click();
    await expect(fill.getByTestId('hint')).toHaveCount(2);
    await expect(fill.getByRole('button', { name: /Show hint/ })).toHaveCount(0);

    await page.reload();
    await expect(card(page, '3.1/fill-1').getByTestId('hint')).toHaveCount(2);
    watch.expectClean();
  });

  test('true/false, single and multiple choice, and numeric answers are graded on the spot', async ({ page, watch }) => {
    await openLesson(page);
    // "Docker images are mutable" is false.
    const tf = card(page, '3.1/tf-1');
    await tf.getByRole('radio', { name: 'True' }).check();
    await check(tf);
    await expect(result(tf)).toHaveAttribute('data-passed', 'false');
    await tf.getByRole('radio', { name: 'False' }).check();
    await check(tf);
    await expect(result(tf)).toHaveAttribute('data-passed', 'true');

    const mc = card(page, '3.1/mc-2');
    await mc.getByRole('radio', { name: /docker image prune$/ }).check();
    await check(mc);
    await expect(result(mc)).toHaveAttribute('data-passed', 'false');
    await expect(result(mc)).toContainText('Without -a, prune removes only dangling');
    await mc.getByRole('radio', { name: /docker image prune -a/ }).check();
    await check(mc);
    await expect(result(mc)).toHaveAttribute('data-passed', 'true');
    await expect(mc.getByTestId('explanation')).toBeVisible();

    // Choose all that apply: checkboxes, partial credit, then the full set.
    const multi = card(page, '3.1/multi-1');
    await expect(multi.getByRole('radio')).toHaveCount(0);
    await multi.getByRole('checkbox', { name: /Each of the image's layers/ }).check();
    await multi.getByRole('checkbox', { name: /Files that a running container/ }).check();
    await check(multi);
    await expect(result(multi)).toHaveAttribute('data-passed', 'false');
    await expect(result(multi)).toContainText("A container's changes live in its writable layer");
    await multi.getByRole('checkbox', { name: /Files that a running container/ }).uncheck();
    await multi.getByRole('checkbox', { name: /The image's configuration/ }).check();
    await multi.getByRole('checkbox', { name: /The tag/ }).check();
    await check(multi);
    await expect(result(multi)).toHaveAttribute('data-passed', 'true');
    await expect(result(multi)).toHaveAttribute('data-score', '1');

    const num = card(page, '3.1/num-1');
    await num.getByRole('textbox', { name: 'Your answer' }).fill('161');
    await check(num);
    await expect(result(num)).toHaveAttribute('data-passed', 'false');
    await expect(result(num)).toContainText('without sharing');
    await num.getByRole('textbox', { name: 'Your answer' }).fill('0.081 GB');
    await check(num);
    await expect(result(num)).toHaveAttribute('data-passed', 'true');
    watch.expectClean();
  });

  test('test mode: a retry costs a share of the points, and the mode is kept across a reload', async ({ page, watch }) => {
    await openLesson(page);
    const mode = page.getByTestId('quiz-mode');
    await expect(mode).toHaveAttribute('data-mode', 'practice');
    await mode.getByRole('radio', { name: /Test yourself/ }).check();
    await expect(mode).toHaveAttribute('data-mode', 'test');
    const tf = card(page, '3.1/tf-2');
    await expect(tf).toContainText('Test mode: each retry costs 10% of the points.');
    await tf.getByRole('radio', { name: 'False' }).check();
    await check(tf);
    await expect(result(tf)).toHaveAttribute('data-passed', 'false');
    await tf.getByRole('radio', { name: 'True' }).check();
    await check(tf);
    await expect(result(tf)).toHaveAttribute('data-passed', 'true');
    await expect(result(tf)).toHaveAttribute('data-score', '0.9');

    await page.reload();
    await expect(page.getByTestId('quiz-mode')).toHaveAttribute('data-mode', 'test');
    await page.getByTestId('quiz-mode').getByRole('radio', { name: /Practice/ }).check();
    await expect(card(page, '3.1/tf-2')).not.toContainText('Test mode');
    watch.expectClean();
  });

  test('an open answer shows the keyword check beside the model answer and takes a self-rating', async ({ page, watch }, testInfo) => {
    await openLesson(page);
    const open = card(page, '3.1/interview-1');
    const text = open.getByRole('textbox', { name: 'Your answer' });
    await text.fill(
      'Each instruction in a Dockerfile adds a read-only layer with its file changes. Layers are cached, so a rebuild reuses unchanged steps, and images that share a base store those layers only once.',
    );
    await expect(open.getByTestId('word-count')).toContainText('33 words');
    await check(open);
    const keywords = open.getByTestId('keyword-check');
    // The keyword check is deterministic: this answer names four of the rubric's eight concepts.
    await expect(keywords).toContainText('Keyword check: 4/8 concepts');
    await expect(keywords).toHaveAttribute('data-found', '4');
    await expect(keywords).toHaveAttribute('data-total', '8');
    await expect(keywords).toContainText('Found');
    await expect(open.getByText('Model answer', { exact: true })).toBeVisible();
    await expect(result(open)).toHaveAttribute('data-max', '10');

    await open.getByRole('button', { name: 'Good' }).click();
    await expect(open.getByRole('button', { name: 'Good' })).toHaveAttribute('aria-pressed', 'true');
    await expect(open.getByTestId('self-rating')).toHaveAttribute('data-rating', 'good');

    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    await testInfo.attach('axe-lesson-answered.json', { body: JSON.stringify(axe.violations, null, 2), contentType: 'application/json' });
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    watch.expectClean();
  });
});
