import { withBrowser } from '../browser/browser';

/**
 * Chromium prints the footer in its own small document, outside the page, with no styles from the
 * report: the font size must be set (it defaults to almost nothing), and `title`, `pageNumber` and
 * `totalPages` are classes Chromium fills in. The header is empty on purpose: the default prints the
 * date and the file URL.
 */
const FOOTER_TEMPLATE = `<div style="width:100%;margin:0 14mm;display:flex;justify-content:space-between;gap:8mm;font-family:Arial,Helvetica,sans-serif;font-size:8pt;color:#444;-webkit-print-color-adjust:exact">
<span class="title" style="overflow:hidden;white-space:nowrap;text-overflow:ellipsis"></span>
<span style="white-space:nowrap">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>
</div>`;

/**
 * Prints a self-contained HTML document (the monthly report) to an A4 PDF with a "Page N of M" footer.
 *
 * The HTML is set from a string with JavaScript disabled, and every request it would make (an image,
 * a font, a stylesheet from elsewhere) is refused: what is printed is exactly the string given. The
 * PDF is tagged and has an outline from the headings, so that a screen reader and a reader's sidebar
 * can follow it (public sector bodies must publish accessible documents).
 */
export async function renderReportPdf(html: string): Promise<Uint8Array> {
  return withBrowser(async (browser) => {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort('blockedbyclient'));
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: FOOTER_TEMPLATE,
        margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
        tagged: true,
        outline: true,
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      await context.close();
    }
  });
}
