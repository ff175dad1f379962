// The browser terminal (issue 6 item 4) in the playground: line editing, history, completion,
// Ctrl+C, paste and copy, fitting its pane, screen-reader mode, and images that open the views.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openExample, runInTerminal, terminal, terminalText } from './playground-helpers';

const PROMPT = 'student@workstation:~$';

async function focusTerminal(page: Page): Promise<void> {
  await expect(terminal(page)).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  await terminal(page).getByRole('textbox', { name: 'Terminal input' }).focus();
}

/** The screen's rows, without the empty ones below the last line written. */
async function screenText(page: Page): Promise<string> {
  return (await terminalText(page)).trimEnd();
}

/** The screen's last non-empty row (the prompt line). */
async function promptLine(page: Page): Promise<string> {
  return (await screenText(page)).split('\n').pop() ?? '';
}

/** Centre of the first cell of `text` in the first row matching `row` (xterm's DOM renderer). */
async function cellCentre(page: Page, row: RegExp, text: string): Promise<{ x: number; y: number }> {
  const found = await terminal(page)
    .locator('.xterm-rows')
    .evaluate(
      (rows, [source, text]) => {
        const pattern = new RegExp(source as string);
        for (const element of rows.children) {
          const content = (element.textContent ?? '').replace(/\u00a0/g, ' ');
          const at = content.indexOf(text as string);
          if (!pattern.test(content) || at < 0) continue;
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          let offset = 0;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const length = node.textContent?.length ?? 0;
            if (at < offset + length) {
              const range = document.createRange();
              range.setStart(node, at - offset);
              range.setEnd(node, at - offset + 1);
              const box = range.getBoundingClientRect();
              return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
            }
            offset += length;
          }
        }
        return null;
      },
      [row.source, text],
    );
  expect(found, `"${text}" on a row matching ${row}`).not.toBeNull();
  return found as { x: number; y: number };
}

test.describe('terminal', () => {
  test('edits the line like readline, recalls history, completes with Tab', async ({ page, watch }) => {
    await openExample(page, 'layer-concept');
    await focusTerminal(page);
    await expect.poll(() => promptLine(page)).toBe(PROMPT);

    await page.keyboard.type('echo wrld');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('o');
    await expect.poll(() => promptLine(page)).toBe(`${PROMPT} echo world`);
    await page.keyboard.press('Enter');
    await expect.poll(() => screenText(page)).toContain(`${PROMPT} echo world\nworld\n${PROMPT}`);

    // Up recalls it; Ctrl+A then Ctrl+K empties the line.
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => promptLine(page)).toBe(`${PROMPT} echo world`);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+K');
    await expect.poll(() => promptLine(page)).toBe(PROMPT);

    // One candidate completes; several are listed under the line, which is drawn again.
    await page.keyboard.type('cat Dock');
    await page.keyboard.press('Tab');
    await expect.poll(() => promptLine(page)).toBe(`${PROMPT} cat Dockerfile`);
    await page.keyboard.press('Enter');
    await expect.poll(() => screenText(page)).toContain('FROM python:3.9');
    await page.keyboard.type('docker imag');
    await page.keyboard.press('Tab');
    await expect.poll(() => promptLine(page)).toBe(`${PROMPT} docker image`);
    await page.keyboard.press('Tab');
    await expect.poll(() => screenText(page)).toMatch(/\$ docker image\n(.+\n)+student@workstation:~\$ docker image$/);
    const listed = (await screenText(page)).split(`${PROMPT} docker image\n`)[1] as string;
    expect(listed.split(/\s+/).filter((w) => w !== '' && !w.startsWith('student@'))).toEqual(expect.arrayContaining(['history', 'inspect', 'ls', 'prune', 'rm', 'tag']));
    await page.keyboard.type('ls');
    await page.keyboard.press('Enter');
    await expect.poll(() => screenText(page)).toMatch(/\$ docker image ls\nREPOSITORY +TAG +IMAGE ID +CREATED +SIZE\n/);
    watch.expectClean();
  });

  test('docker build and docker images run in it; an image it lists opens the views', async ({ page, watch }) => {
    // Wide enough for BuildKit's 80-column frame to redraw in place.
    await page.setViewportSize({ width: 1600, height: 900 });
    await openExample(page, 'layer-concept');
    await runInTerminal(page, "printf 'FROM alpine:3.19\\nCOPY app.py /app.py\\n' > small.Dockerfile", /^student@workstation:~\$$/m);
    await runInTerminal(page, 'clear', /^student@workstation:~\$$/m);
    await runInTerminal(page, 'docker build -f small.Dockerfile -t demo:1.0 .', /naming to docker\.io\/library\/demo:1\.0/);
    // BuildKit's tty view redraws in place: right under the command is the final frame, not the first.
    const box = await terminal(page).locator('.xterm-screen').boundingBox();
    await page.mouse.move((box?.x ?? 0) + 50, (box?.y ?? 0) + 50);
    await page.mouse.wheel(0, -5000);
    await expect.poll(async () => (await screenText(page)).split('\n').slice(0, 2).join('\n')).toMatch(/^student@workstation:~\$ docker build -f small\.Dockerfile -t demo:1\.0 \.\n\[\+\] Building [\d.]+s \(\d+\/\d+\) FINISHED/);
    expect((await screenText(page)).match(/\[\+\] Building/g)).toHaveLength(1);

    const screen = await runInTerminal(page, 'docker images', /demo +1\.0 +[0-9a-f]{12}/);
    const id = (/demo +1\.0 +([0-9a-f]{12})/.exec(screen) as RegExpExecArray)[1] as string;

    // From the keyboard: the images the last output named are buttons under the screen.
    await terminal(page).getByRole('button', { name: 'demo:1.0' }).click();
    await expect(page.getByRole('heading', { name: 'Image demo:1.0' })).toBeVisible();

    // With the mouse: the IMAGE ID in the table is a link.
    const cell = await cellCentre(page, /^demo /, id);
    await page.mouse.move(cell.x, cell.y);
    await expect(terminal(page).locator('.xterm-screen')).toHaveCSS('cursor', 'pointer');
    await page.mouse.click(cell.x, cell.y);
    await expect(page.getByRole('heading', { name: `Image ${id}` })).toBeVisible();
    watch.expectClean();
  });

  test("docker pull draws docker's per-layer progress and redraws each layer's line in place", async ({ page, watch }) => {
    // Wider than 110 columns: docker draws the [====>  ] bar only then.
    await page.setViewportSize({ width: 1600, height: 900 });
    await openExample(page, 'layer-concept');
    await runInTerminal(page, 'clear', /^student@workstation:~\$$/m);
    const screen = await runInTerminal(page, 'docker pull python:3.9-slim', /Status: Downloaded newer image for python:3\.9-slim\ndocker\.io\/library\/python:3\.9-slim\n/);
    const lines = screen.split('\n');
    const layers = lines.filter((l) => /^[0-9a-f]{12}: /.test(l));
    // One line per layer, each redrawn to its last state: no "Downloading" or bar left behind, no repeats.
    expect(layers.length).toBeGreaterThan(1);
    for (const line of layers) expect(line.trimEnd()).toMatch(/^[0-9a-f]{12}: Pull complete$/);
    expect(new Set(layers.map((l) => l.slice(0, 12))).size).toBe(layers.length);
    expect(lines.indexOf('3.9-slim: Pulling from library/python')).toBe(lines.indexOf(layers[0] as string) - 1);
    expect(screen).toMatch(/Pull complete\s*\nDigest: sha256:[0-9a-f]{64}\n/);
    watch.expectClean();
  });

  test('Ctrl+C drops the line and an open command; Ctrl+L and clear clear; Ctrl+D exits the shell', async ({ page, watch }) => {
    await openExample(page, 'layer-concept');
    await focusTerminal(page);
    await page.keyboard.type('echo never');
    await page.keyboard.press('Control+C');
    await expect.poll(() => screenText(page)).toContain(`${PROMPT} echo never^C\n${PROMPT}`);

    await page.keyboard.type('if true');
    await page.keyboard.press('Enter');
    await expect.poll(() => promptLine(page)).toBe('>');
    await page.keyboard.press('Control+C');
    await runInTerminal(page, 'echo after', /\$ echo after\nafter\n/);

    await page.keyboard.type('ls');
    await page.keyboard.press('Control+L');
    await expect.poll(() => screenText(page)).toBe(`${PROMPT} ls`);
    await page.keyboard.press('Control+U');
    await runInTerminal(page, 'echo one', /one/);
    await page.keyboard.type('clear');
    await page.keyboard.press('Enter');
    await expect.poll(() => screenText(page)).toBe(PROMPT);

    await page.keyboard.press('Control+D');
    await expect.poll(() => screenText(page)).toMatch(new RegExp(`^${escape(PROMPT)} exit\\n(.*\\n)?${escape(PROMPT)}$`));
    watch.expectClean();
  });

  test('a pasted block runs line by line; a selection is copied', async ({ page, context, watch, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL as string).origin });
    await openExample(page, 'layer-concept');
    await focusTerminal(page);
    await terminal(page)
      .getByRole('textbox', { name: 'Terminal input' })
      .evaluate((textarea, text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, 'echo first\nfor n in 1 2; do\necho "n=$n"\ndone\necho las');
    await expect.poll(() => screenText(page)).toContain(`${PROMPT} echo first\nfirst\n${PROMPT} for n in 1 2; do\n> echo "n=$n"\n> done\nn=1\nn=2\n${PROMPT} echo las`);
    await page.keyboard.type('t');
    await page.keyboard.press('Enter');
    await expect.poll(() => screenText(page)).toMatch(/\$ echo last\nlast\n/);

    // Selecting with the mouse copies (a double click selects a word).
    const word = await cellCentre(page, /^n=2$/, 'n');
    await page.mouse.dblclick(word.x, word.y);
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^n=2$|^n$/);
    watch.expectClean();
  });

  test('fits its pane when the window changes size', async ({ page, watch }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await openExample(page, 'layer-concept');
    await focusTerminal(page);
    // xterm's screen is a whole number of cells: it fills its pane up to less than two cells.
    const fit = async () =>
      terminal(page)
        .locator('.xterm')
        .evaluate((xterm) => {
          const screen = (xterm.querySelector('.xterm-screen') as HTMLElement).getBoundingClientRect().width;
          const pane = (xterm.parentElement as HTMLElement).clientWidth;
          return { screen, fits: screen <= pane && screen > pane - 30 };
        });
    const before = await fit();
    expect(before.fits).toBe(true);
    await page.setViewportSize({ width: 1100, height: 800 });
    await expect.poll(async () => (await fit()).screen).not.toBe(before.screen);
    await expect.poll(async () => (await fit()).fits).toBe(true);
    await runInTerminal(page, 'echo still works', /still works\n/);
    watch.expectClean();
  });

  test('screen-reader mode is a toggle that persists; with it on the terminal passes axe; Esc then Tab leaves', async ({ page, watch }) => {
    await openExample(page, 'layer-concept');
    const toggle = terminal(page).getByRole('button', { name: 'Screen reader mode' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await page.reload();
    await expect(terminal(page).getByRole('button', { name: 'Screen reader mode' })).toHaveAttribute('aria-pressed', 'true');
    await expect(terminal(page)).toHaveAttribute('data-screen-reader', 'on');
    // xterm's accessibility tree: the rows as a list a screen reader can read, and a live region.
    await runInTerminal(page, 'echo spoken', /spoken\n/);
    await expect(terminal(page).locator('.xterm-accessibility-tree')).toContainText('spoken');
    const results = await new AxeBuilder({ page }).include('[data-testid="terminal"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    // Tab completes inside the terminal; Escape then Tab moves the focus on.
    const input = terminal(page).getByRole('textbox', { name: 'Terminal input' });
    await input.focus();
    await page.keyboard.press('Tab');
    await expect(input).toBeFocused();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await expect(input).not.toBeFocused();
    watch.expectClean();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
