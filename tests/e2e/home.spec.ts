import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLesson } from '../../lib/content';
import { expect, expectHeadingOrder, test } from './fixtures';

// What the pages must show comes from the lesson file itself.
const lessonPath = 'content/lessons/3.1/lesson.md';
const lesson = parseLesson(lessonPath, readFileSync(join(process.cwd(), lessonPath), 'utf8'));

test.describe('home page', () => {
  test('loads cleanly and lists the lesson with its sections', async ({ page, watch }) => {
    await page.goto('/');
    await page.waitForLoadState('networkidle');

    await expect(page).toHaveTitle('Layerlab');
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('banner')).toBeVisible();

    const card = page.getByRole('article', { name: 'Working with Images' });
    await expect(card).toBeVisible();
    await expect(card.getByText('Lesson 3.1')).toBeVisible();
    await expect(card.getByRole('heading', { level: 3, name: 'Working with Images' })).toBeVisible();
    await expect(card.getByText(lesson.summary)).toBeVisible();
    const sectionLinks = card.getByRole('listitem').getByRole('link');
    await expect(sectionLinks).toHaveText(lesson.sections.map((s) => s.title));
    for (const section of lesson.sections) {
      await expect(card.getByRole('link', { name: section.title, exact: true })).toHaveAttribute('href', `/lessons/3.1/#${section.id}`);
    }

    await expectHeadingOrder(page);
    watch.expectClean();
  });

  test('has a skip link that is the first thing keyboard focus reaches', async ({ page, watch }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
    await expect(page.getByRole('main')).toBeFocused();
    watch.expectClean();
  });

  test('the lesson link opens the lesson', async ({ page, watch }) => {
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    await page.getByRole('link', { name: 'Working with Images', exact: true }).click();
    await expect(page).toHaveURL('/lessons/3.1/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Working with Images');
    await expect(page).toHaveTitle('3.1 Working with Images · Layerlab');
    await page.waitForLoadState('networkidle');
    watch.expectClean();
  });
});

test.describe('lesson page', () => {
  test('loads cleanly with every section, a table of contents and a way back', async ({ page, watch }) => {
    await page.goto('/lessons/3.1/');
    await page.waitForLoadState('networkidle');

    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Working with Images');
    await expect(page.getByRole('main')).toHaveCount(1);

    const toc = page.getByRole('navigation', { name: 'On this page' });
    // The lesson's own sections, then the practice section the exercises add at the end.
    await expect(toc.getByRole('link')).toHaveText([...lesson.sections.map((s) => s.title), 'Practice']);
    await expect(page.locator('h2[id="practice"]')).toHaveText('Practice');
    for (const section of lesson.sections) {
      const heading = page.locator(`h2[id="${section.id}"]`);
      await expect(heading).toHaveText(section.title);
      await expect(toc.getByRole('link', { name: section.title, exact: true })).toHaveAttribute('href', `#${section.id}`);
    }

    // Code blocks are rendered, labelled and reachable by keyboard.
    const code = page.locator('.code-block pre');
    expect(await code.count()).toBeGreaterThan(20);
    await expect(page.locator('pre:not([tabindex="0"])')).toHaveCount(0);
    await expect(page.getByText('docker build -t myapp:1.0 .').first()).toBeVisible();

    const pager = page.getByRole('navigation', { name: 'Lessons' });
    await expect(pager.getByRole('link', { name: /All lessons/ })).toHaveAttribute('href', '/');

    await expectHeadingOrder(page);
    watch.expectClean();
  });

  test('a table-of-contents link moves to its section', async ({ page, watch }) => {
    await page.goto('/lessons/3.1/');
    const last = lesson.sections.at(-1);
    expect(last).toBeDefined();
    await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: last?.title }).click();
    await expect(page).toHaveURL(`/lessons/3.1/#${last?.id}`);
    await expect(page.locator(`h2[id="${last?.id}"]`)).toBeInViewport();
    watch.expectClean();
  });
});

test('an unknown address shows the not-found page with status 404', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('link', { name: 'Go to the list of lessons' })).toHaveAttribute('href', '/');
});
