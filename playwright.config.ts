import { defineConfig } from '@playwright/test';

// The browser tests run the real static export: `next build`, then lib/cli/serve.ts on a fixed port.
export const E2E_PORT = Number(process.env.LAYERLAB_E2E_PORT ?? 3100);
export const E2E_ORIGIN = `http://127.0.0.1:${E2E_PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  // Two cores in CI; the web server and Chromium already need one.
  workers: process.env.CI ? 1 : 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  use: {
    baseURL: E2E_ORIGIN,
    browserName: 'chromium',
    trace: 'retain-on-failure',
    launchOptions: {
      // No browser can be downloaded here: use Debian's chromium (tests/helpers/ensure-chromium.sh).
      executablePath: '/usr/bin/chromium',
      // From TOOLCHAIN.md. The background-networking flags keep Chromium from calling out to other
      // hosts, which the tests would (rightly) report as foreign requests.
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npx next build && npx tsx lib/cli/serve.ts --port ${E2E_PORT} out`,
    url: `${E2E_ORIGIN}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
