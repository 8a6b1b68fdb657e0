/*
 * The LA's own published figure in every report (issue 17), through the one
 * view model: a "Published by DfE" row and an "Against published" row under
 * the LA's value in the board's table (Markdown and workbook lay it out), a
 * note in words where the figure differs beyond the tolerance (every report
 * prints the notes, HTML included), the difference withheld with a withheld
 * value, and the source line of a published-only report.
 */
import { describe, expect, it } from 'vitest';
import { wiganReportInput } from '../test-support/report-input.ts';
import { buildReportModel, indicatorTable, keyLines } from './model.ts';
import { renderMarkdown } from './markdown.ts';
import { renderHtml } from './html.ts';
import type { ReportInput } from './types.ts';

function withPublished(): ReportInput {
  const input = wiganReportInput();
  for (const r of input.doc.results) {
    if (r.indicator !== 'icpc_per_10k') continue;
    // 2016/17: 69.0 against 73.2 published; the other years agree
    const value = r.period === '2016/17' ? 73.2 : r.value;
    const difference = r.period === '2016/17' ? -4.2 : 0;
    r.published = { value, source: 'DfE C4', difference, tolerance: 0.5, reconciliation: r.period === '2016/17' ? 'differs' : 'agrees' };
  }
  return input;
}

describe('published figures in the reports', () => {
  it('adds the two rows under the value, only for an indicator that has them', () => {
    const model = buildReportModel(withPublished());
    const icpc = model.indicators.find((i) => i.id === 'icpc_per_10k')!;
    const rows = indicatorTable(model, icpc);
    expect(rows.map((r) => r.measure).slice(2, 6)).toEqual(['value', 'published', 'reconciliation', 'sn']);
    const last = (m: string) => rows.find((r) => r.measure === m)!.cells.at(-1)!;
    expect(last('published')).toMatchObject({ text: '73.2', number: 73.2 });
    expect(last('reconciliation').text).toBe('Differs (-4.2)');
    expect(rows.find((r) => r.measure === 'reconciliation')!.cells[0]!.text).toBe('Agrees (0.0)');
    const cpp = model.indicators.find((i) => i.id === 'cpp_per_10k')!;
    expect(indicatorTable(model, cpp).map((r) => r.measure)).not.toContain('published');
    // once, with the years it applies to; the difference itself is in the "Against published" row
    expect(icpc.notes).toContain('2016/17: this figure differs from the one DfE published for this LA by more than 0.5 (see "Against published"): check the extract against the return.');
    expect(keyLines(model).some((l) => l.startsWith('Published by DfE'))).toBe(true);
    expect(keyLines(buildReportModel(wiganReportInput())).some((l) => l.startsWith('Published by DfE'))).toBe(false);
  });

  it('reaches the Markdown and the HTML', async () => {
    const md = renderMarkdown(withPublished());
    expect(md).toMatch(/\| Published by DfE \|/);
    expect(md).toMatch(/Differs \(-4\.2\)/);
    expect(await renderHtml(withPublished())).toContain('2016/17: this figure differs from the one DfE published for this LA by more than 0.5');
  });

  it('withholds the difference where the value is withheld (it would give the value back)', () => {
    const input = withPublished();
    input.suppress = true;
    // 3 ICPCs in 2016/17: a count of 1 to 5, so the count and the rate are withheld
    const r = input.doc.results.find((x) => x.indicator === 'icpc_per_10k' && x.period === '2016/17')!;
    r.numerator = 3;
    r.value = 0.4;
    const icpc = buildReportModel(input).indicators.find((i) => i.id === 'icpc_per_10k')!;
    const f = icpc.figures.find((x) => x.period.label === '2016/17')!;
    expect(f.value.suppressed).toBe(true);
    expect(f.reconciliationText).toBe('c');
    expect(icpc.notes.join(' ')).not.toMatch(/differs from the one DfE published/);
    // the published figure itself is public: shown
    expect(f.published).toEqual({ value: 73.2, suppressed: false });
  });

  it('says where a published-only report comes from', () => {
    const input = wiganReportInput();
    expect(buildReportModel(input).provenance).toMatch(/^Extract .* taken on /);
    input.doc.source = 'dfe_published';
    expect(buildReportModel(input).provenance).toBe('Figures as DfE published them (no extract)');
  });
});
