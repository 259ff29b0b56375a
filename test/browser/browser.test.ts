import { describe, expect, it } from 'vitest';
import { withBrowser } from '../../shared/browser/browser';

describe('the headless browser', () => {
  it('renders HTML from a string without running what it must not', async () => {
    const text = await withBrowser(async (browser) => {
      const page = await browser.newPage({ javaScriptEnabled: false });
      await page.setContent('<h1>Council Audit</h1><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
      return page.textContent('body');
    });
    expect(text).toBe('Council Audit<script>alert(1)</script>');
  });
});
