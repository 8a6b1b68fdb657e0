/*
 * The performance subgroup's Excel workbook, built with exceljs:
 *
 *   Summary                 one row per indicator for the latest year: value,
 *                           counts, comparators, rank, quartile, direction of
 *                           travel, RAG against England and SN, then the key
 *   Front door, Child protection, Children looked after
 *                           the board's table layout, one block per indicator
 *                           (title, polarity, periods across; numerator,
 *                           denominator, LA, SN, region, England, rank,
 *                           quartile, direction of travel; notes)
 *   Definitions             each indicator's definition and DfE source
 *
 * Row 1 of every sheet is a title, row 2 the column headers; both are frozen,
 * with the first column. Values carry the number format 0.0, counts 0; `c`
 * (withheld) and `x` (not available) are text, right-aligned with the numbers.
 * No formulas: every cell is a plain value, and text goes through the
 * formula-injection guard. RAG cells say Better/Similar/Worse as well as
 * being filled, so colour is never the only signal.
 *
 * Pure: returns the bytes; the caller writes the file. Deterministic: the
 * workbook's dates and the zip entries' times are set to `generatedAt`.
 */
import ExcelJS from 'exceljs';
import { RAG_WORDS, type Rag } from './direction.ts';
import { MISSING_MARK, POLARITY_WORDS, UNIT_WORDS, formatValue, isoDate } from './format.ts';
import { buildReportModel, figureCell, indicatorTable, keyLines, quartileText, rankText, type ReportModel, type TableCell } from './model.ts';
import { safeCellValue } from './safe-cell.ts';
import type { ReportInput } from './types.ts';
import { stampZipEntries } from './zip-time.ts';

export const VALUE_FORMAT = '0.0';
export const COUNT_FORMAT = '0';
export const SUMMARY_SHEET = 'Summary';
export const DEFINITIONS_SHEET = 'Definitions';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
// Excel's own "Good / Neutral / Bad" cell styles: dark text on a light fill (contrast well above 4.5:1)
const RAG_STYLE: Record<Rag, { fill: string; font: string }> = {
  green: { fill: 'FFC6EFCE', font: 'FF006100' },
  amber: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  red: { fill: 'FFFFC7CE', font: 'FF9C0006' },
};
// at least 10: exceljs drops a width of exactly 9 as its "default", leaving Excel's narrower 8.43
const MIN_WIDTH = 10;
const MAX_WIDTH = 60;

type Plain = string | number | null;

/** Writes one cell: numbers keep their format, text is neutralised; never a formula. */
function put(cell: ExcelJS.Cell, value: Plain, numFmt?: string): void {
  cell.value = safeCellValue(value);
  if (typeof value === 'number' && numFmt) cell.numFmt = numFmt;
}

function putTableCell(cell: ExcelJS.Cell, c: TableCell): void {
  if (c.number !== null) {
    put(cell, c.number, c.format === 'count' ? COUNT_FORMAT : VALUE_FORMAT);
  } else {
    put(cell, c.text);
  }
  cell.alignment = { horizontal: 'right' };
}

function titleRow(ws: ExcelJS.Worksheet, title: string): void {
  const cell = ws.getCell(1, 1);
  put(cell, title);
  cell.font = { bold: true, size: 14 };
}

function headerRow(ws: ExcelJS.Worksheet, headers: string[], rightFrom = Infinity): void {
  const row = ws.getRow(2);
  headers.forEach((h, i) => {
    const cell = row.getCell(i + 1);
    put(cell, h);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin' } };
    cell.alignment = { horizontal: i + 1 >= rightFrom ? 'right' : 'left', vertical: 'top', wrapText: true };
  });
}

function freeze(ws: ExcelJS.Worksheet, xSplit: number): void {
  ws.views = [{ state: 'frozen', xSplit, ySplit: 2, topLeftCell: ws.getCell(3, xSplit + 1).address, activeCell: 'A3' }];
}

/** Column widths from the longest printed text in each column; rows in `skip` overflow on purpose. */
function fitColumns(ws: ExcelJS.Worksheet, skip: ReadonlySet<number>, caps: Record<number, number> = {}): void {
  const widths: number[] = [];
  ws.eachRow((row, r) => {
    if (r === 1 || skip.has(r)) return;
    row.eachCell((cell, c) => {
      const v = cell.value;
      const text = typeof v === 'number' ? (cell.numFmt === VALUE_FORMAT ? formatValue(v) : String(v)) : typeof v === 'string' ? v : '';
      // headers wrap, so only their longest word counts
      const len = r === 2 ? Math.max(...text.split(/\s+/).map((w) => w.length), 0) : text.length;
      widths[c] = Math.max(widths[c] ?? 0, len);
    });
  });
  widths.forEach((w, c) => {
    const cap = caps[c] ?? MAX_WIDTH;
    ws.getColumn(c).width = Math.min(cap, Math.max(MIN_WIDTH, w + 2));
  });
}

function ragCell(cell: ExcelJS.Cell, rag: Rag | null): void {
  if (!rag) {
    put(cell, MISSING_MARK);
    cell.alignment = { horizontal: 'right' };
    return;
  }
  put(cell, RAG_WORDS[rag]);
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: RAG_STYLE[rag].fill } };
  cell.font = { color: { argb: RAG_STYLE[rag].font } };
}

function summarySheet(wb: ExcelJS.Workbook, model: ReportModel): void {
  const ws = wb.addWorksheet(SUMMARY_SHEET);
  const period = model.latestPeriod?.label ?? '';
  titleRow(ws, `Summary ${period}: ${model.laLabel}${model.suppressed ? ' (published version: small numbers withheld)' : ''}`);
  const headers = ['Indicator', 'Area', 'Good is', 'Period', model.laName, 'Numerator', 'Denominator', 'Statistical neighbours', model.regionName, 'England', 'Rank', 'Quartile', 'Direction of travel', 'Against England', 'Against SN', 'Indicator id'];
  headerRow(ws, headers, 5);
  let r = 3;
  for (const ind of model.indicators) {
    const f = ind.latest;
    const row = ws.getRow(r++);
    put(row.getCell(1), ind.title);
    put(row.getCell(2), ind.area === 'front_door' ? 'Front door' : ind.area === 'child_protection' ? 'Child protection' : 'Children looked after');
    put(row.getCell(3), { high: 'High', low: 'Low', none: 'No polarity' }[ind.polarity]);
    put(row.getCell(4), f?.period.heading ?? period);
    if (f) {
      putTableCell(row.getCell(5), figureCell(f.value, 'value'));
      putTableCell(row.getCell(6), figureCell(f.numerator, 'count'));
      putTableCell(row.getCell(7), figureCell(f.denominator, 'count'));
      putTableCell(row.getCell(8), figureCell(f.sn, 'value'));
      putTableCell(row.getCell(9), figureCell(f.region, 'value'));
      putTableCell(row.getCell(10), figureCell(f.england, 'value'));
      putTableCell(row.getCell(11), { text: rankText(f), number: null, format: 'text' });
      putTableCell(row.getCell(12), { text: quartileText(f), number: null, format: 'text' });
      put(row.getCell(13), f.directionText);
    }
    ragCell(row.getCell(14), ind.ragEngland);
    ragCell(row.getCell(15), ind.ragSn);
    put(row.getCell(16), ind.id);
  }
  const keyStart = r + 1;
  const lines = [
    `${model.provenance}; generated ${isoDate(model.generatedAt)}.`,
    ...keyLines(model),
  ];
  lines.forEach((line, i) => put(ws.getCell(keyStart + i, 1), line));
  const skip = new Set(lines.map((_, i) => keyStart + i));
  freeze(ws, 1);
  fitColumns(ws, skip, { 1: 80 }); // the longest registered title is under 80 characters
}

function areaSheet(wb: ExcelJS.Workbook, model: ReportModel, area: ReportModel['areas'][number]): void {
  const ws = wb.addWorksheet(area.name);
  const periods = model.periods;
  const span = periods.length > 0 ? `, ${periods[0]!.label} to ${periods[periods.length - 1]!.label}` : '';
  titleRow(ws, `${area.name}: ${model.laLabel}${span}`);
  headerRow(ws, ['Measure', ...periods.map((p) => p.heading)], 2);
  const overflow = new Set<number>();
  let r = 3;
  for (const ind of area.indicators) {
    const title = ws.getCell(r, 1);
    put(title, ind.title);
    title.font = { bold: true };
    overflow.add(r++);
    const about = ws.getCell(r, 1);
    const polarity = POLARITY_WORDS[ind.polarity];
    put(about, `${polarity.charAt(0).toUpperCase()}${polarity.slice(1)}; ${UNIT_WORDS[ind.unit]}; ${ind.id}`);
    about.font = { italic: true };
    overflow.add(r++);
    for (const row of indicatorTable(model, ind)) {
      const xrow = ws.getRow(r++);
      put(xrow.getCell(1), row.label);
      if (row.measure === 'value') xrow.getCell(1).font = { bold: true };
      row.cells.forEach((c, i) => {
        const cell = xrow.getCell(i + 2);
        putTableCell(cell, c);
        if (row.measure === 'value') cell.font = { bold: true };
      });
    }
    for (const note of ind.notes) {
      put(ws.getCell(r, 1), `Note: ${note}`);
      overflow.add(r++);
    }
    r++; // a blank row between indicators
  }
  freeze(ws, 1);
  fitColumns(ws, overflow);
}

function definitionsSheet(wb: ExcelJS.Workbook, model: ReportModel): void {
  const ws = wb.addWorksheet(DEFINITIONS_SHEET);
  titleRow(ws, 'Indicator definitions');
  headerRow(ws, ['Indicator', 'Indicator id', 'Area', 'Good is', 'Unit', 'Definition', 'DfE source']);
  model.definitions.forEach((d, i) => {
    const row = ws.getRow(i + 3);
    put(row.getCell(1), d.title);
    put(row.getCell(2), d.id);
    put(row.getCell(3), { front_door: 'Front door', child_protection: 'Child protection', children_looked_after: 'Children looked after' }[d.area]);
    put(row.getCell(4), { high: 'High', low: 'Low', none: 'No polarity' }[d.polarity]);
    put(row.getCell(5), UNIT_WORDS[d.unit]);
    put(row.getCell(6), d.definition);
    put(row.getCell(7), d.dfeSource ?? 'Local measure: no DfE comparator');
    row.eachCell((cell) => {
      cell.alignment = { vertical: 'top', wrapText: true };
    });
  });
  freeze(ws, 1);
  fitColumns(ws, new Set(), { 1: 50, 6: 80, 7: 40 });
}

export async function renderWorkbook(input: ReportInput): Promise<Uint8Array> {
  const model = buildReportModel(input);
  const when = new Date(model.generatedAt);
  if (Number.isNaN(when.getTime())) throw new RangeError(`generatedAt is not an ISO timestamp: ${model.generatedAt}`);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'safeguard';
  wb.lastModifiedBy = 'safeguard';
  wb.created = when;
  wb.modified = when;
  wb.title = `Safeguarding performance: ${model.laLabel}`;
  summarySheet(wb, model);
  for (const area of model.areas) areaSheet(wb, model, area);
  definitionsSheet(wb, model);
  const buffer = await wb.xlsx.writeBuffer();
  return stampZipEntries(new Uint8Array(buffer as ArrayBuffer), when);
}
