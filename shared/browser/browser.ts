import type { Browser } from 'playwright-core';

/**
 * Headless Chromium from the @sparticuz/chromium npm package (the same build runs in Lambda), driven by
 * playwright-core: no system browser and no download. The binary is unpacked to /tmp on first use.
 * The network is not used: pages are set from strings, and anything remote they ask for is refused.
 */
export async function launchBrowser(): Promise<Browser> {
  const [{ default: chromium }, { chromium: playwright }] = await Promise.all([import('@sparticuz/chromium'), import('playwright-core')]);
  return playwright.launch({
    executablePath: await chromium.executablePath(),
    args: [...chromium.args, '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    headless: true,
  });
}

/** Runs `work` with a browser that is closed afterwards, whatever happens. */
export async function withBrowser<T>(work: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launchBrowser();
  try {
    return await work(browser);
  } finally {
    await browser.close();
  }
}
