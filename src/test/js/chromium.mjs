// Debian's chromium (ci/chromium), never a downloaded browser: the build machines reach no browser download site.
// Shared by the browser tests (swagger-ui.mjs, explorer.mjs).
import { chromium } from 'playwright-core';

export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
      '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}
