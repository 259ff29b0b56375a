import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { renderReportPdf } from '../../shared/report/render-pdf';

/** The text of each page, in reading order, with whitespace collapsed. */
async function pagesOf(pdf: Uint8Array): Promise<string[]> {
  // pdfjs takes ownership of the buffer it is given, so it gets a copy.
  const document = await getDocument({ data: pdf.slice(), isEvalSupported: false, useSystemFonts: false }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const content = await (await document.getPage(n)).getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : '')).join('');
      pages.push(text.replace(/\s+/g, ' ').trim());
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

/** A fictional three-section report, each section starting a new page. */
function threeSectionReport(): string {
  const paragraphs = (section: string) =>
    Array.from({ length: 6 }, (_, i) => `<p>${section} paragraph ${i + 1}: the Clerk reviewed the council's posts and recorded the outcome.</p>`).join('');
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>Harbourne Town Council: social media compliance, October 2026</title>
<style>
  body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; }
  section + section { break-before: page; }
  .banner { background: #1d3557; color: #fff; padding: 4mm; }
</style></head>
<body>
  <section><h1 class="banner">Summary for Full Council</h1>${paragraphs('Summary')}</section>
  <section><h2>Findings by rule</h2>${paragraphs('Findings')}</section>
  <section><h2>Accounts reviewed</h2>${paragraphs('Accounts')}<img src="https://tracker.example/pixel.png" alt="remote image"></section>
  <script>document.body.innerHTML = '<p>Rewritten by a script</p>';</script>
</body></html>`;
}

describe('renderReportPdf', () => {
  it('prints an A4 PDF with a "Page N of M" footer on every page and the sections in order', async () => {
    // Prepare
    const html = threeSectionReport();

    // Act
    const pdf = await renderReportPdf(html);
    const pages = await pagesOf(pdf);

    // Assess
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    expect(pages).toHaveLength(3);
    pages.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of 3`));
    expect(pages[0]).toContain('Summary for Full Council');
    expect(pages[0]).toContain('Harbourne Town Council: social media compliance, October 2026');
    expect(pages[1]).toContain('Findings by rule');
    expect(pages[2]).toContain('Accounts reviewed');
  });

  it('prints on A4 (210 × 297 mm)', async () => {
    const pdf = await renderReportPdf('<!doctype html><title>One page</title><p>Short report</p>');

    const document = await getDocument({ data: pdf.slice(), isEvalSupported: false }).promise;
    const [, , width, height] = (await document.getPage(1)).view;
    await document.destroy();

    // 210 × 297 mm; Chromium rounds the page to whole CSS pixels, so allow a point either way.
    expect(Math.abs(width! - 595.3)).toBeLessThan(1.5);
    expect(Math.abs(height! - 841.9)).toBeLessThan(1.5);
  });

  it('does not run the document\'s scripts', async () => {
    const pages = await pagesOf(await renderReportPdf(threeSectionReport()));

    expect(pages.join(' ')).not.toContain('Rewritten by a script');
  });

  it('refuses every request the document makes (images, stylesheets, fonts)', async () => {
    // Prepare: a server on this machine that counts what it is asked for.
    const requested: string[] = [];
    const server = createServer((request, response) => {
      requested.push(request.url ?? '');
      response.end('body { color: red }');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      // Act
      const pdf = await renderReportPdf(
        `<!doctype html><title>Remote</title><link rel="stylesheet" href="${origin}/style.css"><style>@font-face { font-family: X; src: url(${origin}/font.woff2) } p { font-family: X }</style><p>Local text</p><img src="${origin}/pixel.png" alt="">`,
      );

      // Assess
      expect((await pagesOf(pdf))[0]).toContain('Local text');
      expect(requested).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
