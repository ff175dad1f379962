import { test as base, expect, type Page } from '@playwright/test';

export interface PageWatch {
  /** Console errors and warnings, uncaught exceptions, failed requests and HTTP errors. */
  problems: string[];
  /** Every URL the browser requested, in order. */
  requests: string[];
  /** Assert nothing went wrong and no request left the app's own origin. */
  expectClean(): void;
}

/**
 * `watch` records everything the browser does in the test's context, so a test can assert that a
 * page loaded without console errors and without contacting any host but the app's server.
 */
export const test = base.extend<{ watch: PageWatch }>({
  watch: async ({ context, baseURL }, provide) => {
    const origin = new URL(baseURL ?? 'http://127.0.0.1/').origin;
    const problems: string[] = [];
    const requests: string[] = [];
    const watchPage = (page: Page) => {
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') {
          problems.push(`console.${message.type()}: ${message.text()} (${page.url()})`);
        }
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message} (${page.url()})`));
    };
    context.pages().forEach(watchPage);
    context.on('page', watchPage);
    context.on('request', (request) => requests.push(request.url()));
    context.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText ?? 'failed';
      // Navigating away cancels the router's in-flight prefetches; that is not an error.
      if (reason !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} (${reason})`);
    });
    context.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    await provide({
      problems,
      requests,
      expectClean() {
        expect(problems, 'console errors, page errors or failed requests').toEqual([]);
        const foreign = requests.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin);
        expect(foreign, `requests to hosts other than ${origin}`).toEqual([]);
        expect(requests.length, 'the page made requests at all').toBeGreaterThan(0);
      },
    });
  },
});

export { expect };

/** Heading levels in document order; a level may go down any amount but up only by one. */
export async function expectHeadingOrder(page: Page): Promise<void> {
  const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((nodes) => nodes.map((n) => Number(n.tagName[1])));
  expect(levels[0], 'the first heading is the h1').toBe(1);
  levels.forEach((level, i) => {
    if (i > 0) expect(level, `heading ${i + 1} skips a level (${levels.join(',')})`).toBeLessThanOrEqual((levels[i - 1] ?? 0) + 1);
  });
}
