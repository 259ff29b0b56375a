import { PNG } from 'pngjs';
import type { WeekFindings } from './build-digest';
import { weekCountWording } from './render-text';

/*
 * The findings-per-week chart of the weekly digest: a small PNG bar chart sent inside the email
 * (mail clients block remote images) and referenced from the HTML by Content-ID. It holds no text —
 * fonts would have to be drawn by hand and a picture of numbers cannot be read by a screen reader —
 * so the weeks and counts are in the image's alt text and in the table the HTML lays out under it,
 * column for column. The same trend always gives the same bytes.
 */

export const FINDINGS_CHART_CID = 'findings-chart';
export const FINDINGS_CHART_FILENAME = 'findings-chart.png';

/**
 * The chart's geometry, shared with the HTML table under it: a blank band on the left the width of
 * the table's row labels, then one column per week.
 */
export const CHART_LAYOUT = {
  labelWidth: 120,
  columnWidth: 40,
  barWidth: 26,
  height: 120,
  /** Room above the tallest bar and under the baseline. */
  top: 8,
  bottom: 6,
} as const;

type Rgb = readonly [number, number, number];

/** High severity in the same red as the digest's HIGH badge; the other findings in slate. */
const COLOURS = {
  background: [255, 255, 255],
  baseline: [160, 160, 160],
  high: [176, 0, 32],
  other: [95, 107, 122],
  /** A stub marking a week with no findings, so an empty week reads as zero, not as missing. */
  empty: [215, 215, 215],
} as const satisfies Record<string, Rgb>;

export interface FindingsChart {
  cid: string;
  filename: string;
  contentType: 'image/png';
  png: Uint8Array;
  width: number;
  height: number;
}

/** Draws one stacked bar per week (high severity at the bottom, the rest above), oldest week on the left. */
export function renderFindingsChart(trend: readonly WeekFindings[]): FindingsChart {
  const { labelWidth, columnWidth, barWidth, height, top, bottom } = CHART_LAYOUT;
  const width = labelWidth + columnWidth * trend.length;
  const png = new PNG({ width, height, colorType: 2, inputColorType: 6, inputHasAlpha: true, bitDepth: 8 });
  fill(png, 0, 0, width, height, COLOURS.background);

  const baseline = height - bottom;
  const plotHeight = baseline - top;
  const max = Math.max(1, ...trend.map((w) => w.count));
  trend.forEach((w, i) => {
    const left = labelWidth + i * columnWidth + Math.floor((columnWidth - barWidth) / 2);
    if (w.count === 0) {
      fill(png, left, baseline - 2, barWidth, 2, COLOURS.empty);
      return;
    }
    // Any non-zero part is at least 3 pixels tall, so one finding in a busy quarter still shows.
    const highHeight = w.high > 0 ? Math.max(3, Math.round((w.high / max) * plotHeight)) : 0;
    const totalHeight = Math.min(plotHeight, Math.max(highHeight + (w.count > w.high ? 3 : 0), Math.round((w.count / max) * plotHeight)));
    fill(png, left, baseline - totalHeight, barWidth, totalHeight - highHeight, COLOURS.other);
    fill(png, left, baseline - highHeight, barWidth, highHeight, COLOURS.high);
  });
  fill(png, labelWidth, baseline, width - labelWidth, 1, COLOURS.baseline);

  const bytes = PNG.sync.write(png, { colorType: 2, inputColorType: 6, inputHasAlpha: true, bitDepth: 8, deflateLevel: 9 });
  return { cid: FINDINGS_CHART_CID, filename: FINDINGS_CHART_FILENAME, contentType: 'image/png', png: new Uint8Array(bytes), width, height };
}

/** The chart in words, for its alt text: `New findings per week, 2026-W46 to 2027-W05: 2026-W46 none; 2026-W47 2 (1 high); …`. */
export function describeChart(trend: readonly WeekFindings[]): string {
  if (trend.length === 0) return 'New findings per week: no weeks to show.';
  const weeks = trend.map((w) => `${w.week} ${weekCountWording(w)}`);
  return `New findings per week, ${trend[0]!.week} to ${trend.at(-1)!.week}: ${weeks.join('; ')}.`;
}

function fill(png: PNG, x: number, y: number, w: number, h: number, [r, g, b]: Rgb): void {
  for (let row = Math.max(0, y); row < Math.min(png.height, y + h); row++) {
    for (let col = Math.max(0, x); col < Math.min(png.width, x + w); col++) {
      const at = (row * png.width + col) * 4;
      png.data[at] = r;
      png.data[at + 1] = g;
      png.data[at + 2] = b;
      png.data[at + 3] = 255;
    }
  }
}
