// What the browser tests share: Debian's headless Chromium (driven by playwright-core), a
// page opened with its errors collected, and waiting for the page's work to finish.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** Opens `url` in a new page of `context` and waits until the dashboard is idle. */
export async function openPage(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  await page.goto(url);
  await page.waitForSelector('body[data-state="idle"], body[data-state="error"]', { timeout: 30000 });
  return { page, problems };
}

/** Runs `action` and waits until the page has finished what it started: 'done' or 'error'. */
export async function act(page, action, timeout = 60000) {
  await page.evaluate(() => {
    document.body.dataset.state = 'waiting';
  });
  await action();
  return done(page, timeout);
}

export async function done(page, timeout = 60000) {
  await page.waitForSelector('body[data-state="done"], body[data-state="error"]', { timeout });
  return page.evaluate(() => document.body.dataset.state);
}

/** Whether the page scrolls sideways: its width against the viewport's. */
export function overflow(page) {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}
