/* The xlsx read back with exceljs: sheets, values, number formats, frozen panes, no formulas. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { wiganReportInput, wiganRestatement } from '../test-support/report-input.ts';
import { COUNT_FORMAT, MOVE_FORMAT, NOT_FOR_PUBLICATION, OFFICIAL, PROVISIONAL_RANK_FORMAT, RANK_FORMAT, renderWorkbook, RESTATED_VALUE_FORMAT, VALUE_FORMAT } from './workbook.ts';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The row of a measure under an indicator's title on an area sheet. */
function blockRow(ws: ExcelJS.Worksheet, title: string, label: string): ExcelJS.Row {
  let start = 0;
  ws.eachRow((row, r) => {
    if (row.getCell(1).value === title) start = r;
  });
  expect(start, title).toBeGreaterThan(0);
  for (let r = start; r < start + 16; r++) if (ws.getRow(r).getCell(1).value === label) return ws.getRow(r);
  throw new Error(`no row ${label} under ${title}`);
}

describe('renderWorkbook', async () => {
  const bytes = await renderWorkbook(wiganReportInput());
  const wb = await load(bytes);

  it('has the summary, one sheet per area and the definitions, in that order', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Front door', 'Child protection', 'Children looked after', 'Definitions']);
  });

  it('freezes the title and header rows and the first column on every sheet', () => {
    for (const ws of wb.worksheets) {
      const view = ws.views[0] as ExcelJS.WorksheetViewFrozen;
      expect(view.state, ws.name).toBe('frozen');
      expect(view.ySplit, ws.name).toBe(2);
      expect(view.xSplit, ws.name).toBe(1);
    }
  });

  it('holds numbers as numbers with 0.0 for values, #,##0 for counts, and ranks and their "of" as numbers', () => {
    const cp = wb.getWorksheet('Child protection')!;
    const title = 'ICPCs held within 15 working days of the start of the s47 enquiry (%)';
    const header = cp.getRow(2);
    expect([2, 3, 4, 5].map((c) => header.getCell(c).value)).toEqual(['2013/14', '2014/15', '2015/16', '2016/17']);
    const value = blockRow(cp, title, 'Wigan');
    expect(value.getCell(5).value).toBe(85.7);
    expect(value.getCell(5).numFmt).toBe(VALUE_FORMAT);
    const numerator = blockRow(cp, title, 'Numerator');
    expect([2, 3, 4, 5].map((c) => numerator.getCell(c).value)).toEqual([376, 492, 501, 401]);
    expect(numerator.getCell(2).numFmt).toBe(COUNT_FORMAT);
    expect(blockRow(cp, title, 'England').getCell(2).value).toBe(69.3);
    const rank = blockRow(cp, title, 'Rank (1 = best)');
    expect([rank.getCell(4).value, rank.getCell(4).numFmt]).toEqual([14, RANK_FORMAT]);
    expect([rank.getCell(5).value, rank.getCell(5).numFmt]).toEqual([31, PROVISIONAL_RANK_FORMAT]);
    expect(blockRow(cp, title, 'Of (LAs ranked)').getCell(5).value).toBe(152);
    expect(blockRow(cp, title, 'Comparators from').getCell(5).value).toBe("Board's report");
    expect(blockRow(cp, title, 'Quartile (A = best)').getCell(5).value).toBe('A');
    expect(blockRow(cp, title, 'Direction of travel').getCell(5).value).toBe('Worse ↓');
    const cla = wb.getWorksheet('Children looked after')!;
    expect(blockRow(cla, 'Children looked after at period end per 10,000', 'Population aged 0 to 17').getCell(2).value).toBe(67800);
    // missing figures are the text x, not zero
    const fd = wb.getWorksheet('Front door')!;
    expect(blockRow(fd, 'Re-referrals within 12 months (%)', 'Wigan').getCell(2).value).toBe('x');
  });

  it('summarises the latest year with RAG words as well as fills', () => {
    const ws = wb.getWorksheet('Summary')!;
    const headers = (ws.getRow(2).values as unknown[]).slice(1);
    expect(headers).toEqual(['Indicator', 'Good is', 'Wigan 2015/16', 'Wigan 2016/17', 'Numerator', 'Denominator', 'Statistical neighbours', 'North West', 'England', 'Comparators from', 'Rank', 'Of', 'Quartile', 'Direction of travel', 'Against England', 'Against SN']);
    let row: ExcelJS.Row | undefined;
    ws.eachRow((r) => {
      if (r.getCell(1).value === 'Children looked after at period end per 10,000') row = r;
    });
    expect(row!.getCell(3).value).toBe(71.2); // the previous year beside the latest
    expect(row!.getCell(4).value).toBe(65.8);
    expect(row!.getCell(4).numFmt).toBe(VALUE_FORMAT);
    expect(row!.getCell(5).value).toBe(446);
    expect(row!.getCell(5).numFmt).toBe(COUNT_FORMAT);
    expect(row!.getCell(10).value).toBe("Board's report");
    expect(row!.getCell(15).value).toBe('Worse (R)'); // 65.8 against England 60.0, good is low
    expect(row!.getCell(16).value).toBe('Better (G)'); // against SN 83.4
    expect((row!.getCell(15).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
  });

  it('prints A4 landscape, one page wide, titles repeated, with the marking in the header, footer and title of every sheet', async () => {
    const published = await load(await renderWorkbook({ ...wiganReportInput(), suppress: true }));
    for (const [book, mark] of [[wb, NOT_FOR_PUBLICATION], [published, OFFICIAL]] as const) {
      for (const ws of book.worksheets) {
        expect(ws.pageSetup, ws.name).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
        expect(ws.pageSetup.printArea, ws.name).toMatch(/^A1:[A-Z]+\d+$/);
        expect(ws.headerFooter.oddHeader, ws.name).toContain(mark);
        expect(ws.headerFooter.oddHeader, ws.name).toContain('Wigan (359)');
        expect(ws.headerFooter.oddFooter, ws.name).toContain(mark);
        expect(String(ws.getCell('A1').value).startsWith(`${mark}.`), ws.name).toBe(true);
      }
    }
    // the area sheets share their column widths, so they print alike
    const widths = ['Front door', 'Child protection', 'Children looked after'].map((n) => [1, 2, 3, 4, 5].map((c) => wb.getWorksheet(n)!.getColumn(c).width));
    expect(widths[1]).toEqual(widths[0]);
    expect(widths[2]).toEqual(widths[0]);
    // the wrapped header row is as tall as its lines, so it does not run into the first row
    expect(wb.getWorksheet('Summary')!.getRow(2).height).toBeGreaterThan(15);
  });

  it('gives each definition and its DfE source', () => {
    const ws = wb.getWorksheet('Definitions')!;
    expect(ws.rowCount).toBe(2 + 19);
    expect(ws.getRow(3).getCell(2).value).toBe('referrals_per_10k');
    expect(ws.getRow(3).getCell(7).value).toBe('C1 referral_count / ONS population' /* the registry's words (metrics/dfe.ts), which the fixture now takes */);
    expect(ws.getRow(8).getCell(7).value).toBe('Local measure: no DfE comparator');
  });

  it('sizes columns to their contents and holds no formula', () => {
    for (const ws of wb.worksheets) {
      for (let c = 1; c <= ws.columnCount; c++) {
        const width = ws.getColumn(c).width ?? 0;
        expect(width, `${ws.name} column ${c}`).toBeGreaterThanOrEqual(10);
        expect(width).toBeLessThanOrEqual(80);
      }
      ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    }
    // the longest label on any area sheet, 'Children looked after at period end per 10,000'... no: titles are merged text; 'Quartile (A = lowest quarter)' (29), plus 2
    expect(wb.getWorksheet('Front door')!.getColumn(1).width).toBe(31);
    // and no formula element in any sheet's XML
    expect(Buffer.from(bytes).includes('<f>')).toBe(false);
  });

  it('is deterministic: the same input gives the same bytes', async () => {
    await new Promise((r) => setTimeout(r, 2100)); // past the 2-second resolution of zip times
    const again = await renderWorkbook(wiganReportInput());
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('renderWorkbook: restated since the last snapshot', async () => {
  const wb = await load(await renderWorkbook(wiganReportInput({ restatement: wiganRestatement() })));
  const published = await load(await renderWorkbook(wiganReportInput({ restatement: wiganRestatement(), suppress: true })));
  const icpc = 'ICPCs held within 15 working days of the start of the s47 enquiry (%)';
  const plans = 'Children on a plan at period end who have been on it for 2 years or more (%)';
  /** A sheet's rows as the text of their cells, numbers as numbers. */
  const rowsOf = (ws: ExcelJS.Worksheet) => {
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };

  it('keeps a moved figure a number, marked by its format, with what it was in the cell under it', () => {
    const cp = wb.getWorksheet('Child protection')!;
    const value = blockRow(cp, icpc, 'Wigan');
    expect([value.getCell(5).value, value.getCell(5).numFmt]).toEqual([85.7, RESTATED_VALUE_FORMAT]);
    expect(value.getCell(4).numFmt).toBe(VALUE_FORMAT); // 2015/16 did not move
    expect([2, 3, 4, 5].map((c) => blockRow(cp, icpc, 'Restated since the last snapshot').getCell(c).value)).toEqual(['', '', '', '† was 84.4 (+1.3)']);
    expect(blockRow(cp, 'CP plans reviewed within required timescales (%)', 'Restated since the last snapshot').getCell(3).value).toBe('† counts were 199 / 202 (value unchanged)');
    // the summary marks the latest year's figure too
    let summary: ExcelJS.Row | undefined;
    wb.getWorksheet('Summary')!.eachRow((r) => {
      if (r.getCell(1).value === icpc) summary = r;
    });
    expect([summary!.getCell(4).value, summary!.getCell(4).numFmt]).toEqual([85.7, RESTATED_VALUE_FORMAT]);
  });

  it('lists every move on a last sheet, with both extracts, what a restatement is and what was not compared', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Front door', 'Child protection', 'Children looked after', 'Definitions', 'Restated']);
    const ws = wb.getWorksheet('Restated')!;
    const rows = rowsOf(ws);
    expect(rows[1]).toEqual(['Indicator', 'Period', 'Earlier numerator', 'Earlier denominator', 'Earlier value', 'Numerator now', 'Denominator now', 'Value now', 'Move']);
    expect(rows.slice(2, 8)).toEqual([
      ['Re-referrals within 12 months (%)', '2013/14', 480, 3390, 14.2, 'x', 3390, 'x', 'now no value'],
      ['Re-referrals within 12 months (%)', '2014/15', 'x', 3522, 'x', 512, 3522, 14.5, 'now a value'],
      [icpc, '2016/17', 390, 462, 84.4, 401, 468, 85.7, 1.3],
      [plans, '2015/16', 7, 270, 2.6, 5, 271, 1.8, -0.8],
      [plans, '2016/17', 4, 259, 1.5, 8, 260, 3.1, 1.6],
      ['CP plans reviewed within required timescales (%)', '2014/15', 199, 202, 98.5, 200, 203, 98.5, 0],
    ]);
    expect(ws.getRow(5).getCell(9).numFmt).toBe(MOVE_FORMAT);
    const text = rows.slice(8).flat().join(' ');
    expect(text).toContain('Extract snap-2017-04-10-a1 taken on 2017-04-10, against extract snap-2017-03-10-b7 taken on 2017-03-10');
    expect(text).toContain('late recording, corrected dates, deleted or merged records');
    expect(text).toContain('safeguard changes');
    expect(text).toContain('Note: not compared: 2017/18');
    expect(String(ws.getCell('A1').value)).toBe(`${NOT_FOR_PUBLICATION}. Restated since the last snapshot: Wigan (359)`);
  });

  it('withholds small counts on the restated sheet and in the marks (--suppress)', () => {
    const rows = rowsOf(published.getWorksheet('Restated')!);
    expect(rows.slice(5, 8)).toEqual([
      [plans, '2015/16', 7, 270, 2.6, 'c', 271, 'c', 'c'],
      [plans, '2016/17', 'c', 259, 'c', 8, 260, 3.1, 'c'],
      ['CP plans reviewed within required timescales (%)', '2014/15', 'c', 202, 'c', 'c', 203, 'c', 'c'],
    ]);
    expect([4, 5].map((c) => blockRow(published.getWorksheet('Child protection')!, plans, 'Restated since the last snapshot').getCell(c).value)).toEqual(['† was 2.6', '† was c']);
  });

  it('has no restated sheet, and no mark, without an earlier snapshot', async () => {
    const plain = await load(await renderWorkbook(wiganReportInput()));
    expect(plain.worksheets.map((w) => w.name)).not.toContain('Restated');
    plain.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => {
      expect(cell.numFmt ?? '').not.toBe(RESTATED_VALUE_FORMAT);
      expect(String(cell.value)).not.toContain('†');
    })));
  });
});

