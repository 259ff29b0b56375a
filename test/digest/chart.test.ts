import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { WeekFindings } from '../../shared/digest/build-digest';
import { CHART_LAYOUT, describeChart, FINDINGS_CHART_CID, renderFindingsChart } from '../../shared/digest/chart';
import { TREND_WEEK_IDS } from './trend-fixtures';

const COUNTS: [number, number][] = [[1, 0], [0, 0], [2, 1], [0, 0], [3, 2], [0, 0], [1, 0], [0, 0], [1, 1], [2, 0], [0, 0], [3, 1]];
const TREND: WeekFindings[] = TREND_WEEK_IDS.map((week, i) => ({ week, count: COUNTS[i]![0], high: COUNTS[i]![1] }));

const HIGH_RED = [176, 0, 32];

/** The colours found in one week's column of the decoded image. */
function columnColours(png: PNG, index: number): Set<string> {
  const colours = new Set<string>();
  const centre = CHART_LAYOUT.labelWidth + index * CHART_LAYOUT.columnWidth + CHART_LAYOUT.columnWidth / 2;
  for (let y = 0; y < png.height; y++) {
    const at = (y * png.width + centre) * 4;
    colours.add([png.data[at], png.data[at + 1], png.data[at + 2]].join(','));
  }
  return colours;
}

function barHeight(png: PNG, index: number): number {
  const centre = CHART_LAYOUT.labelWidth + index * CHART_LAYOUT.columnWidth + CHART_LAYOUT.columnWidth / 2;
  let height = 0;
  for (let y = 0; y < png.height; y++) {
    const at = (y * png.width + centre) * 4;
    if (png.data[at] !== 255 || png.data[at + 1] !== 255 || png.data[at + 2] !== 255) height += 1;
  }
  return height;
}

describe('findings chart', () => {
  it('is a PNG of the stated size, one column per week after the label band', () => {
    const chart = renderFindingsChart(TREND);

    const png = PNG.sync.read(Buffer.from(chart.png));
    expect(png.width).toBe(chart.width);
    expect(png.height).toBe(chart.height);
    expect(chart.width).toBe(CHART_LAYOUT.labelWidth + 12 * CHART_LAYOUT.columnWidth);
    expect(chart.height).toBe(CHART_LAYOUT.height);
    expect(chart).toMatchObject({ cid: FINDINGS_CHART_CID, contentType: 'image/png', filename: 'findings-chart.png' });
  });

  it('gives the same bytes for the same weeks, and different ones when a week’s count differs', () => {
    const again = renderFindingsChart(structuredClone(TREND));
    const busier = renderFindingsChart(TREND.map((w, i) => (i === 11 ? { ...w, count: w.count + 2 } : w)));

    expect(Buffer.from(again.png).equals(Buffer.from(renderFindingsChart(TREND).png))).toBe(true);
    expect(Buffer.from(busier.png).equals(Buffer.from(again.png))).toBe(false);
  });

  it('draws taller bars for busier weeks and shows high severity in red', () => {
    const png = PNG.sync.read(Buffer.from(renderFindingsChart(TREND).png));

    const heights = TREND.map((_, i) => barHeight(png, i));
    // Weeks with 3 findings are taller than weeks with 2, which are taller than weeks with 1, then 0.
    const byCount = (n: number) => [...new Set(TREND.flatMap((w, i) => (w.count === n ? [heights[i]!] : [])))];
    expect(byCount(0)).toHaveLength(1);
    expect(byCount(1)).toHaveLength(1); // one finding is as tall whether it is high severity or not
    expect(Math.min(...byCount(1))).toBeGreaterThan(byCount(0)[0]!);
    expect(Math.min(...byCount(2))).toBeGreaterThan(Math.max(...byCount(1)));
    expect(Math.min(...byCount(3))).toBeGreaterThan(Math.max(...byCount(2)));
    TREND.forEach((w, i) => expect(columnColours(png, i).has(HIGH_RED.join(',')), w.week).toBe(w.high > 0));
  });

  it('puts every week and count in words for the alt text', () => {
    const alt = describeChart(TREND);

    expect(alt).toMatch(/^New findings per week, 2026-W47 to 2027-W05: /);
    for (const w of TREND) expect(alt).toContain(`${w.week} ${w.count === 0 ? 'none' : w.high > 0 ? `${w.count} (${w.high} high)` : w.count}`);
  });
});
