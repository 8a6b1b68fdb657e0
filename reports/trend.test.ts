/*
 * The analysis the report model and `safeguard trends` share: where a rebase
 * starts its phase, how annotations become markers and phases, targets, and
 * that a month withheld by --suppress is a gap in the SPC, not a value.
 */
import { describe, expect, it } from 'vitest';
import { wiganReportInput } from '../test-support/report-input.ts';
import { buildReportModel } from './model.ts';
import { analyseTrend, markersOf, rebaseMonth, rebaseMonths } from './trend.ts';
import type { MonthlyPoint } from './types.ts';

describe('rebase months', () => {
  it('starts a phase on the month of a rebase dated the 1st, and on the next month otherwise', () => {
    expect(rebaseMonth('2024-06-01')).toBe('2024-06');
    expect(rebaseMonth('2024-06-02')).toBe('2024-07');
    expect(rebaseMonth('2024-12-15')).toBe('2025-01');
  });

  it('merges --rebase with the annotations marked rebase, and draws every annotation at its own month', () => {
    const settings = {
      rebase: ['2016-01'],
      annotations: [
        { date: '2024-06-10', label: 'Family Safeguarding model launched', rebase: true },
        { date: '2015-03-01', label: 'Ofsted inspection', rebase: false },
        { date: '2016-01-01', label: 'New front door', rebase: true },
      ],
      targets: {},
    };
    expect(rebaseMonths(settings)).toEqual(['2016-01', '2024-07']);
    expect(markersOf(settings).map((m) => [m.month, m.phaseFrom])).toEqual([['2015-03', null], ['2016-01', '2016-01'], ['2024-06', '2024-07']]);
  });
});

describe('analyseTrend', () => {
  const months = (values: (number | null)[]): MonthlyPoint[] =>
    values.map((value, i) => {
      const m = `2016-${String(i + 1).padStart(2, '0')}`;
      return { period: i < 12 ? m : `2017-${String(i - 11).padStart(2, '0')}`, period_end: '', value };
    });

  it('sorts the months, phases them, and reads the target for the indicator', () => {
    // 24 months alternating 40, 50 (mean 45, mrBar 10, limits 18.4 to 71.6); target 15 is below the lower limit
    const points = months(Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? 40 : 50))).reverse();
    const t = analyseTrend(points, { id: 'x_pct', polarity: 'high', unit: 'percent' }, { rebase: ['2017-01'], annotations: [], targets: { x_pct: 15 } });
    expect(t.result.points[0]!.period).toBe('2016-01');
    expect(t.result.phases.map((p) => p.exact)).toEqual([{ mean: 45, upper: 71.6, lower: 18.4 }, { mean: 45, upper: 71.6, lower: 18.4 }]);
    expect([t.variationIcon, t.assuranceIcon, t.target]).toEqual(['common', 'pass', 15]);
  });

  it('treats a month withheld by --suppress as a gap: no value, no judgement, not in the limits', () => {
    const input = wiganReportInput({ suppress: true });
    const ind = buildReportModel(input).indicators.find((i) => i.id === 'cpp_2y_plus_pct')!;
    const withheld = ind.trend!.result.points.filter((p) => p.input.suppressed?.value);
    expect(withheld.length).toBeGreaterThan(0);
    for (const p of withheld) {
      expect(p.value).toBeNull();
      expect(p.rules).toEqual([]);
      expect(p.input.gap_reason).toBe('withheld');
    }
    // the unsuppressed chart of the same indicator counts those months
    const plain = buildReportModel(wiganReportInput()).indicators.find((i) => i.id === 'cpp_2y_plus_pct')!;
    expect(plain.trend!.result.n).toBe(ind.trend!.result.n + withheld.length);
  });
});
