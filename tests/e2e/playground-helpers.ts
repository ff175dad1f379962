// Helpers for the playground's browser tests: open it (from a lesson or with an example), edit the
// open file in Monaco, build, read the build panel and type in the terminal.
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** The editor's text as rendered (Monaco draws spaces as no-break spaces). */
export async function editorText(page: Page): Promise<string> {
  const lines = await page.locator('[data-testid="dockerfile-editor"] .view-line').allInnerTexts();
  return lines.map((l) => l.replace(/\u00a0/g, ' ')).join('\n');
}

/** Waits until the editor is up and the engine has listed the workspace. */
export async function waitForPlayground(page: Page): Promise<void> {
  await expect(page.getByTestId('dockerfile-editor')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
  await expect(page.getByTestId('build-button')).toBeEnabled({ timeout: 20_000 });
}

export async function openExample(page: Page, id: string): Promise<void> {
  await page.goto(`/playground/?example=${id}`);
  await waitForPlayground(page);
  await expect(page.getByTestId('current-example')).toHaveAttribute('data-example', id);
}

export function fileTree(page: Page): Locator {
  return page.getByTestId('file-tree');
}

export function treeItem(page: Page, path: string): Locator {
  return fileTree(page).locator(`[role="treeitem"][data-path="${path}"]`);
}

/** Opens a file from the tree and waits for the editor to show it. */
export async function openFile(page: Page, path: string): Promise<void> {
  await treeItem(page, path).click();
  await expect(page.locator('#pane-editor-title')).toHaveText(path);
  await expect(treeItem(page, path)).toHaveAttribute('aria-selected', 'true');
}

/** Appends a line to the open file by typing at its end. */
export async function appendLine(page: Page, text: string): Promise<void> {
  const editor = page.getByTestId('dockerfile-editor');
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
  await expect.poll(() => editorText(page)).toContain(text);
}

/** Replaces the open file's whole text. */
export async function replaceText(page: Page, text: string): Promise<void> {
  const editor = page.getByTestId('dockerfile-editor');
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}

/** Presses Build and waits for that build (not the one before it) to end; returns how it ended. */
export async function build(page: Page, options: { tag?: string; timeout?: number } = {}): Promise<'done' | 'error'> {
  if (options.tag !== undefined) await page.getByRole('textbox', { name: 'Tag' }).fill(options.tag);
  const status = page.getByTestId('build-status');
  const before = Number(await status.getAttribute('data-build'));
  await page.getByTestId('build-button').click();
  await expect(status).toHaveAttribute('data-build', String(before + 1));
  await expect(status).toHaveAttribute('data-status', /done|error/, { timeout: options.timeout ?? 60_000 });
  return (await status.getAttribute('data-status')) as 'done' | 'error';
}

export function terminal(page: Page): Locator {
  return page.getByTestId('terminal');
}

/** The terminal's screen as text (xterm's DOM rows). */
export async function terminalText(page: Page): Promise<string> {
  const rows = await terminal(page).locator('.xterm-rows > div').allInnerTexts();
  return rows.map((r) => r.replace(/\u00a0/g, ' ').trimEnd()).join('\n');
}

/** Types a command line into the terminal and waits for `expected` to appear on its screen. */
export async function runInTerminal(page: Page, line: string, expected: string | RegExp): Promise<string> {
  await expect(terminal(page)).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  await terminal(page).locator('.xterm-helper-textarea, textarea').first().focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect.poll(() => terminalText(page), { timeout: 20_000 }).toMatch(typeof expected === 'string' ? new RegExp(escapeRegExp(expected)) : expected);
  return terminalText(page);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
