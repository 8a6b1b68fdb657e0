/*
 * Suppression: the rule on single figures, a property over all small inputs,
 * the whole fixture, and what each renderer prints for withheld cells.
 */
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { IndicatorResult, IndicatorsDocument } from '../metrics/types.ts';
import { renderCsv } from './csv.ts';
import { wiganDocument, wiganReportInput } from '../test-support/report-input.ts';
import { renderMarkdown } from './markdown.ts';
import { applySuppression, fieldsToSuppress, isSmallCount, suppress, suppressedFields, suppressMonthly, suppressRestatement } from './suppress.ts';
import type { FigureMove, Restatement } from './types.ts';
import { renderWorkbook } from './workbook.ts';

function result(over: Partial<IndicatorResult>): IndicatorResult {
  return {
    indicator: 'cpp_reviews_in_time_pct', title: 'CP reviews', area: 'child_protection', period: '2016/17', period_start: '2016-04-01', period_end: '2017-03-31',
    numerator: 134, denominator: 146, value: 91.8, unit: 'percent', polarity: 'high', benchmarks: { england: { value: 93.7, source: 'DfE' } },
    rank: { position: 10, of: 152, quartile: 'A', provisional: false }, notes: [], ...over,
  };
}
const docOf = (...results: IndicatorResult[]): IndicatorsDocument => ({ la: null, snapshot: { id: 's', extracted_at: '2017-04-10' }, results });
const fields = (r: IndicatorResult) => [...fieldsToSuppress(r.indicator, r.unit, r.numerator, r.denominator)].sort();

describe('the rule on one figure', () => {
  it('leaves safe figures alone', () => {
    expect(fields(result({}))).toEqual([]);
    expect(fields(result({ numerator: 0, denominator: 40, value: 0 }))).toEqual([]); // zero identifies nobody
    expect(fields(result({ numerator: 6, denominator: 12, value: 50 }))).toEqual([]);
  });

  it('primary: a numerator of 1 to 5 takes the value and rank with it (a percentage)', () => {
    expect(fields(result({ numerator: 5, denominator: 271 }))).toEqual(['numerator', 'rank', 'value']);
  });

  it('primary: a rate with a small count withholds the value, not the population', () => {
    expect(fields(result({ indicator: 'cpp_per_10k', unit: 'per_10k', numerator: 3, denominator: 67800 }))).toEqual(['numerator', 'rank', 'value']);
    expect(fields(result({ indicator: 'cpp_per_10k', unit: 'per_10k', numerator: 6, denominator: 67800 }))).toEqual([]);
  });

  it('complement: d - n of 1 to 5 withholds the numerator (200 of 203 reviews on time reveals 3 late)', () => {
    expect(fields(result({ numerator: 200, denominator: 203 }))).toEqual(['numerator', 'rank', 'value']);
    expect(fields(result({ numerator: 140, denominator: 140 }))).toEqual([]); // d - n = 0: nobody late
    expect(fields(result({ numerator: 194, denominator: 200 }))).toEqual([]); // 6 late
  });

  it('complement does not apply where the numerator is not part of the denominator', () => {
    expect(fields(result({ indicator: 's47_to_icpc_pct', numerator: 98, denominator: 100 }))).toEqual([]);
    expect(fields(result({ indicator: 's47_to_icpc_pct', numerator: 3, denominator: 100 }))).toEqual(['numerator', 'rank', 'value']);
  });

  it('a small denominator is withheld too, and then everything is', () => {
    expect(fields(result({ numerator: 3, denominator: 4 }))).toEqual(['denominator', 'numerator', 'rank', 'value']);
    expect(fields(result({ numerator: 0, denominator: 3 }))).toEqual(['denominator', 'numerator', 'rank', 'value']);
  });

  it('never discloses a small count, directly or by subtraction (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), fc.constantFrom('percent' as const, 'per_10k' as const), (n, extra, unit) => {
        const d = unit === 'per_10k' ? 67800 : n + extra;
        const hidden = fieldsToSuppress('cla_reviews_in_time_pct', unit, n, d);
        const shownN = !hidden.has('numerator');
        const shownD = !hidden.has('denominator');
        if (shownN) expect(isSmallCount(n)).toBe(false);
        if (unit === 'percent' && shownD) expect(isSmallCount(d)).toBe(false);
        // the complement is printed implicitly when both counts are shown
        if (unit === 'percent' && shownN && shownD) expect(isSmallCount(d - n)).toBe(false);
        // a value or rank shown means the counts behind it are safe
        if (!hidden.has('value')) expect(shownN && shownD).toBe(true);
      }),
    );
  });
});

describe('suppress(doc)', () => {
  it('returns a new document with the withheld fields null and marked; the input is untouched', () => {
    const input = docOf(result({ numerator: 5, denominator: 271, value: 1.8 }), result({ period: '2015/16', numerator: 149, denominator: 158, value: 94.3 }));
    const before = JSON.stringify(input);
    const out = suppress(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(out.results[0]).toMatchObject({ numerator: null, denominator: 271, value: null, rank: null });
    expect(out.results[0]!.benchmarks.england?.value).toBe(93.7); // comparators are published figures
    expect(out.results[1]).toBe(input.results[1]); // untouched figures are the same object
    expect([...suppressedFields(out, 'cpp_reviews_in_time_pct', '2016/17')].sort()).toEqual(['numerator', 'rank', 'value']);
    expect(suppressedFields(out, 'cpp_reviews_in_time_pct', '2015/16').size).toBe(0);
    expect(suppress(out)).toBe(out); // idempotent
  });

  it('does not mark a rank that never existed', () => {
    const out = suppress(docOf(result({ numerator: 5, denominator: 271, rank: null })));
    expect([...suppressedFields(out, 'cpp_reviews_in_time_pct', '2016/17')].sort()).toEqual(['numerator', 'value']);
  });

  it('leaves no small count in the whole fixture, and withholds the known ones', () => {
    const out = suppress(wiganDocument());
    for (const r of out.results) {
      expect(isSmallCount(r.numerator), `${r.indicator} ${r.period}`).toBe(false);
      if (r.unit === 'percent') expect(isSmallCount(r.denominator)).toBe(false);
    }
    const withheld = out.suppression.cells.map((c) => `${c.indicator} ${c.period}`).sort();
    expect(withheld).toEqual([
      'cpp_2y_plus_pct 2015/16', // 5 of 271
      'cpp_reviews_in_time_pct 2013/14', // 135 of 140: 5 late
      'cpp_reviews_in_time_pct 2014/15', // 200 of 203: 3 late
    ]);
  });
});

describe('monthly points', () => {
  const units = new Map([['cpp_2y_plus_pct', 'percent' as const]]);
  it('withholds a point with a small count and one whose counts are unknown', () => {
    const [s] = suppressMonthly(
      [{ indicator: 'cpp_2y_plus_pct', points: [
        { period: '2016-01', period_end: '2016-01-31', value: 2.6, numerator: 7, denominator: 270 },
        { period: '2016-02', period_end: '2016-02-29', value: 1.8, numerator: 5, denominator: 271 },
        { period: '2016-03', period_end: '2016-03-31', value: 1.9 },
      ] }],
      units,
    );
    expect(s!.points[0]!.value).toBe(2.6);
    expect(s!.points[1]).toMatchObject({ value: null, numerator: null, denominator: 271, suppressed: { numerator: true, denominator: false, value: true } });
    expect(s!.points[2]).toMatchObject({ value: null, suppressed: { value: true } });
  });
});

describe('what the renderers print when suppressing', () => {
  const input = wiganReportInput({ suppress: true });

  it('applySuppression is a no-op without the flag', () => {
    const plain = wiganReportInput();
    expect(applySuppression(plain)).toBe(plain);
  });

  it('Markdown shows c in the withheld cells and says it is the published version', () => {
    const md = renderMarkdown(input);
    expect(md).toContain('Published version: small numbers are withheld and shown as c.');
    const section = md.slice(md.indexOf('### Children on a plan at period end'), md.indexOf('### CP plans reviewed'));
    expect(section).toContain('| Numerator | 6 | 9 | c | 8 |');
    expect(section).toContain('| Denominator | 213 | 317 | 271 | 260 |');
    expect(section).toContain('| Wigan | 2.8 | 2.8 | c | 3.1 |');
    expect(section).toContain('| Rank (1 = best) | 110 of 152 | 95 of 152 | c | 105 of 152 (provisional, against 2015/16) |');
    expect(section).toContain('| Direction of travel | Not rated | Same → | Not rated | Not rated |');
    expect(section).not.toContain('1.8'); // 5 / 271 = 1.8: the withheld value appears nowhere
  });

  it('CSV shows c and keeps the shown denominator', () => {
    const rows = renderCsv(input).split('\n').filter((l) => l.includes('cpp_reviews_in_time_pct') && l.includes(',2014/15,'));
    const measure = (m: string) => rows.find((r) => r.includes(`,${m},`))!.split(',')[9];
    expect(measure('numerator')).toBe('c');
    expect(measure('value')).toBe('c');
    expect(measure('denominator')).toBe('203');
    expect(rows.join('\n')).not.toContain(',200,');
  });

  it('the workbook shows c as text in the withheld cells', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderWorkbook(input)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Child protection')!;
    let found = false;
    ws.eachRow((row, r) => {
      if (row.getCell(1).value === 'Children on a plan at period end who have been on it for 2 years or more (%)') {
        found = true;
        const numerator = ws.getRow(r + 2);
        const value = ws.getRow(r + 4);
        expect(numerator.getCell(1).value).toBe('Numerator');
        expect(numerator.getCell(4).value).toBe('c');
        expect(value.getCell(4).value).toBe('c');
        expect(value.getCell(5).value).toBe(3.1);
      }
    });
    expect(found).toBe(true);
  });
});

describe('restatements (figures moved since the last snapshot)', () => {
  const move = (indicator: string, from: [number, number, number], to: [number, number, number], difference: number): FigureMove => ({
    indicator, period: '2016/17', from: { numerator: from[0], denominator: from[1], value: from[2] }, to: { numerator: to[0], denominator: to[1], value: to[2] }, difference,
  });
  const restatement = (...moves: FigureMove[]): Restatement => ({ from: { id: 'a', extracted_at: '2017-03-10' }, to: { id: 'b', extracted_at: '2017-04-10' }, moves, notes: [] });
  const units = new Map([['cpp_reviews_in_time_pct', 'percent' as const], ['cpp_per_10k', 'per_10k' as const]]);

  it('checks each end on its own counts, and withholds the move with either value', () => {
    const [small, complement, safe, rate] = suppressRestatement(restatement(
      move('cpp_reviews_in_time_pct', [4, 40, 10], [6, 40, 15], 5), // 4 then: withheld; 6 now: shown; the move would give 10 back
      move('cpp_reviews_in_time_pct', [134, 146, 91.8], [140, 143, 97.9], 6.1), // 3 late now (the complement): now withheld
      move('cpp_reviews_in_time_pct', [134, 146, 91.8], [137, 148, 92.6], 0.8),
      move('cpp_per_10k', [3, 67800, 0.4], [7, 67800, 1], 0.6), // a rate: the population is never withheld
    ), units).moves;
    expect(small).toEqual({ ...small, from: { numerator: null, denominator: 40, value: null, suppressed: { numerator: true, denominator: false, value: true } }, to: { numerator: 6, denominator: 40, value: 15 }, difference: null });
    expect(complement!.to).toEqual({ numerator: null, denominator: 143, value: null, suppressed: { numerator: true, denominator: false, value: true } });
    expect(complement!.from).toEqual({ numerator: 134, denominator: 146, value: 91.8 });
    expect(complement!.difference).toBeNull();
    expect(safe!.difference).toBe(0.8);
    expect(rate!.from).toEqual({ numerator: null, denominator: 67800, value: null, suppressed: { numerator: true, denominator: false, value: true } });
    expect(rate!.difference).toBeNull();
  });

  it('withholds the whole of a restatement whose unit it does not know (fail closed)', () => {
    const [m] = suppressRestatement(restatement(move('unknown_pct', [60, 100, 60], [70, 100, 70], 10)), units).moves;
    expect([m!.from.value, m!.from.numerator, m!.from.denominator, m!.to.value, m!.difference]).toEqual([null, null, null, null, null]);
  });

  it('is applied with the rest by applySuppression, and not without the flag', () => {
    const input = wiganReportInput({ restatement: restatement(move('cpp_reviews_in_time_pct', [4, 40, 10], [6, 40, 15], 5)) });
    expect(applySuppression(input).restatement).toBe(input.restatement);
    expect(applySuppression({ ...input, suppress: true }).restatement!.moves[0]!.from.value).toBeNull();
  });
});

describe('rule 5: the direction of travel in the published version', () => {
  const y15 = result({ period: '2015/16', period_start: '2015-04-01', period_end: '2016-03-31', numerator: 144, denominator: 150, value: 96, direction: { previous_period: null, previous_value: null, value: 'not_rated' } });
  const y16 = (prevValue: number) => result({ direction: { previous_period: '2015/16', previous_value: prevValue, value: 'worse' } });

  it('keeps a direction whose two values are both published', () => {
    const out = suppress(docOf(y15, y16(96)));
    expect(out.results[1]!.direction).toEqual({ previous_period: '2015/16', previous_value: 96, value: 'worse' });
  });

  it('is not rated when the previous value is withheld (3 late of 150 can be worked back)', () => {
    const out = suppress(docOf({ ...y15, numerator: 147, value: 98 }, y16(98)));
    expect(out.results[0]!.value).toBeNull();
    expect(out.results[1]!.direction).toEqual({ previous_period: '2015/16', previous_value: null, value: 'not_rated' });
  });

  it('is not rated when the value itself is withheld, or the previous period is not in the document (fail closed)', () => {
    expect(suppress(docOf(y15, { ...y16(96), numerator: 143, value: 97.9 })).results[1]!.direction?.value).toBe('not_rated');
    expect(suppress(docOf(y16(96))).results[0]!.direction).toEqual({ previous_period: '2015/16', previous_value: null, value: 'not_rated' });
  });
});
