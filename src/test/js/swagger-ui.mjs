// Drives Swagger UI as a new user would: for every GET operation, "Try it out" then "Execute" with the pre-filled
// values, and checks that an answer arrives and is 2xx. Run by SwaggerUiTest against the test service:
//   node src/test/js/swagger-ui.mjs http://localhost:PORT [bearer token for the operations that need one]
// Prints one line per operation ("200 GET /api/v1/results") and a JSON summary last; exits 1 on any failure.
import { launchChromium } from './chromium.mjs';

const [base, token] = process.argv.slice(2);
const ANSWER_TIMEOUT_MS = 30000;

const browser = await launchChromium();
const failures = [];
const ran = [];
try {
  const page = await browser.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  await page.goto(`${base}/q/swagger-ui`, { waitUntil: 'load' });
  await page.locator('.opblock').first().waitFor({ timeout: ANSWER_TIMEOUT_MS });

  if (token) {
    await page.locator('button.authorize').first().click();
    await page.locator('.modal-ux input[type=text], .modal-ux input[type=password]').first().fill(token);
    await page.locator('.modal-ux button.authorize').first().click();
    await page.locator('.modal-ux button.btn-done').first().click();
  }

  const operations = page.locator('.opblock.opblock-get');
  const count = await operations.count();
  for (let i = 0; i < count; i++) {
    const op = operations.nth(i);
    const name = (await op.locator('.opblock-summary-method').innerText()) + ' '
      + (await op.locator('.opblock-summary-path').getAttribute('data-path'));
    const errorsBefore = consoleErrors.length;
    try {
      await op.locator('.opblock-summary').first().click();
      await op.locator('button.try-out__btn').click();
      await op.locator('button.execute').click();
      const status = op.locator('.live-responses-table tbody .response-col_status').first();
      await status.waitFor({ timeout: ANSWER_TIMEOUT_MS });
      const code = (await status.innerText()).trim();
      ran.push(name);
      console.log(`${code} ${name}`);
      if (!/^2\d\d$/.test(code)) {
        failures.push({ operation: name, status: code, console: consoleErrors.slice(errorsBefore) });
      }
    } catch (e) {
      failures.push({ operation: name, error: e.message.split('\n')[0], console: consoleErrors.slice(errorsBefore) });
      console.log(`FAIL ${name}: ${e.message.split('\n')[0]}`);
    }
    // Folded again, so that the page holds one answer at a time (export answers are large).
    await op.locator('.opblock-summary').first().click();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify({ ran, failures }));
process.exit(failures.length === 0 && ran.length > 0 ? 0 : 1);
