/*
 * The performance subgroup's Excel workbook, built with exceljs, laid out to
 * go straight into a board pack (issue 15):
 *
 *   Summary                 one row per indicator for the latest year: the
 *                           previous year beside it, counts, comparators and
 *                           where they come from, rank and "of" as numbers,
 *                           quartile, direction of travel, RAG against England
 *                           and SN, then the key
 *   Front door, Child protection, Children looked after
 *                           the board's table layout, one block per indicator
 *                           (title, polarity, periods across; numerator,
 *                           denominator, LA, SN, region, England, comparators
 *                           from, rank, of, quartile, direction of travel; the
 *                           board's commentary, where the comparators come
 *                           from, notes)
 *   Definitions             each indicator's definition and DfE source
 *   Restated                when there is an earlier snapshot: the figures
 *                           that moved since it (indicator, period, the
 *                           figure then and now, the move), which two
 *                           extracts, what a restatement is, and what was
 *                           not compared
 *
 * A figure that moved since the last snapshot keeps its number, shown as
 * `83.5 †` by its number format, and the row under it ("Restated since the
 * last snapshot") says in text what it was: `† was 81.4 (+2.1)`.
 *
 * Printing: A4 landscape, fitted to one page wide (as many pages down as it
 * takes), the title and header rows repeated on every page, a print area,
 * and a header and footer on every page with the LA, the period, the
 * extract's date and the marking: OFFICIAL, or "not for publication" when the
 * figures are unsuppressed (the file most likely to be forwarded). The
 * marking is also the first words of every sheet's title row. Long text
 * (commentary, notes, the key) sits in cells merged across the table and
 * wrapped, with row heights set for it, so it prints inside the page.
 * Column widths are set from the content of all area sheets together, so the
 * area sheets line up when printed one after another.
 *
 * Row 1 of every sheet is a title, row 2 the column headers; both are frozen,
 * with the first column. Values carry the number format 0.0, counts #,##0,
 * ranks 0; `c` (withheld) and `x` (not available) are text, right-aligned with
 * the numbers. No formulas: every cell is a plain value, and text goes
 * through the formula-injection guard. RAG cells say Better/Similar/Worse as
 * well as being filled, so colour is never the only signal.
 *
 * Pure: returns the bytes; the caller writes the file. Deterministic: the
 * workbook's dates and the zip entries' times are set to `generatedAt`.
 */
import ExcelJS from 'exceljs';
import { RAG_WORDS, type Rag } from './direction.ts';
import { AREA_NAMES, dayLabel, MISSING_MARK, POLARITY_WORDS, SUPPRESSED_MARK, UNIT_WORDS, formatCount, formatValue, isoDate, signedValue } from './format.ts';
import { buildReportModel, figureCell, indicatorTable, keyLines, quartileText, RESTATED_LABEL, RESTATEMENT_WORDS, valueCell, type PeriodFigures, type ReportModel, type RestatementModel, type TableCell } from './model.ts';
import { safeCellValue } from './safe-cell.ts';
import type { ReportInput } from './types.ts';
import { stampZipEntries } from './zip-time.ts';

export const VALUE_FORMAT = '0.0';
export const COUNT_FORMAT = '#,##0';
export const RANK_FORMAT = '0';
/** a provisional rank is still a number (it sorts); the format shows the mark */
export const PROVISIONAL_RANK_FORMAT = '0" (prov.)"';
/** a figure restated since the last snapshot: still a number, its format shows the mark */
export const RESTATED_VALUE_FORMAT = '0.0" \u2020"';
/** a move between two snapshots: signed */
export const MOVE_FORMAT = '+0.0;-0.0;0.0';
export const SUMMARY_SHEET = 'Summary';
export const RESTATED_SHEET = 'Restated';
export const DEFINITIONS_SHEET = 'Definitions';
export const OFFICIAL = 'OFFICIAL';
export const NOT_FOR_PUBLICATION = 'OFFICIAL: NOT FOR PUBLICATION (unsuppressed small numbers)';

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
/** points per line of 11-point text, for the heights of wrapped rows (neither Excel nor exceljs sets them) */
const LINE_HEIGHT = 15;

type Plain = string | number | null;

/** The marking on every page and every title: OFFICIAL, or not for publication when small numbers are shown. */
export function marking(model: ReportModel): string {
  return model.suppressed || model.publishedOnly ? OFFICIAL : NOT_FOR_PUBLICATION;
}

/** Writes one cell: numbers keep their format, text is neutralised; never a formula. */
function put(cell: ExcelJS.Cell, value: Plain, numFmt?: string): void {
  cell.value = safeCellValue(value);
  if (typeof value === 'number' && numFmt) cell.numFmt = numFmt;
}

function putTableCell(cell: ExcelJS.Cell, c: TableCell): void {
  if (c.number !== null) {
    put(cell, c.number, c.format === 'count' ? COUNT_FORMAT : c.restated ? RESTATED_VALUE_FORMAT : VALUE_FORMAT);
  } else {
    put(cell, c.text);
  }
  cell.alignment = { horizontal: 'right' };
}

/** A rank, or its "of", as a number (c or x as text). */
function putRank(cell: ExcelJS.Cell, f: PeriodFigures, part: 'position' | 'of'): void {
  if (f.rankSuppressed) put(cell, SUPPRESSED_MARK);
  else if (!f.rank) put(cell, MISSING_MARK);
  else put(cell, f.rank[part], part === 'position' && f.rank.provisional ? PROVISIONAL_RANK_FORMAT : RANK_FORMAT);
  cell.alignment = { horizontal: 'right' };
}

function titleRow(ws: ExcelJS.Worksheet, model: ReportModel, title: string): void {
  const cell = ws.getCell(1, 1);
  put(cell, `${marking(model)}. ${title}`);
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

/** Header heights: the wrapped headers' lines at the widths set, so no header runs into the first row. */
function sizeHeader(ws: ExcelJS.Worksheet): void {
  const row = ws.getRow(2);
  let lines = 1;
  row.eachCell((cell, c) => {
    lines = Math.max(lines, wrappedLines(String(cell.value ?? ''), ws.getColumn(c).width ?? MIN_WIDTH));
  });
  row.height = lines * LINE_HEIGHT;
}

/** How many lines a text takes, wrapped at words, in a column (or merged columns) of this width in characters. */
function wrappedLines(text: string, width: number): number {
  const chars = Math.max(1, Math.floor(width) - 1);
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const len = word.length;
    if (used === 0) used = len;
    else if (used + 1 + len <= chars) used += 1 + len;
    else {
      lines++;
      used = len;
    }
    while (used > chars) {
      lines++;
      used -= chars;
    }
  }
  return lines;
}

/** Text across the whole table: merged from the first to the last column, wrapped, its row as tall as it needs. */
function wideText(ws: ExcelJS.Worksheet, r: number, lastCol: number, text: string, font?: Partial<ExcelJS.Font>): void {
  const cell = ws.getCell(r, 1);
  put(cell, text);
  if (font) cell.font = font;
  cell.alignment = { vertical: 'top', wrapText: true };
  if (lastCol > 1) ws.mergeCells(r, 1, r, lastCol);
}

/** Row heights for the merged text rows, once the widths are known. */
function sizeWide(ws: ExcelJS.Worksheet, rows: ReadonlySet<number>, lastCol: number): void {
  let width = 0;
  for (let c = 1; c <= lastCol; c++) width += ws.getColumn(c).width ?? MIN_WIDTH;
  for (const r of rows) {
    const text = String(ws.getCell(r, 1).value ?? '');
    // always set: LibreOffice sizes a wrapped merged cell by its first column alone, and would make it far too tall
    ws.getRow(r).height = wrappedLines(text, width * 0.95) * LINE_HEIGHT;
  }
}

function freeze(ws: ExcelJS.Worksheet, xSplit: number): void {
  ws.views = [{ state: 'frozen', xSplit, ySplit: 2, topLeftCell: ws.getCell(3, xSplit + 1).address, activeCell: 'A3' }];
}

/** The printed length of a cell. */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (typeof v === 'number') {
    if (cell.numFmt === VALUE_FORMAT) return formatValue(v);
    if (cell.numFmt === COUNT_FORMAT) return formatCount(v);
    if (cell.numFmt === PROVISIONAL_RANK_FORMAT) return `${v} (prov.)`;
    if (cell.numFmt === RESTATED_VALUE_FORMAT) return `${formatValue(v)} \u2020`;
    if (cell.numFmt === MOVE_FORMAT) return signedValue(v);
    return String(v);
  }
  return typeof v === 'string' ? v : '';
}

/** The widths each column's content needs; rows in `skip` (merged text) and row 1 do not count. */
function contentWidths(ws: ExcelJS.Worksheet, skip: ReadonlySet<number>): number[] {
  const widths: number[] = [];
  ws.eachRow((row, r) => {
    if (r === 1 || skip.has(r)) return;
    row.eachCell((cell, c) => {
      const text = cellText(cell);
      // headers wrap, so only their longest word counts
      const len = r === 2 ? Math.max(...text.split(/\s+/).map((w) => w.length), 0) : text.length;
      widths[c] = Math.max(widths[c] ?? 0, len);
    });
  });
  return widths;
}

function setWidths(ws: ExcelJS.Worksheet, widths: number[], caps: Record<number, number> = {}): void {
  widths.forEach((w, c) => {
    const cap = caps[c] ?? MAX_WIDTH;
    ws.getColumn(c).width = Math.min(cap, Math.max(MIN_WIDTH, w + 2));
  });
}

/**
 * A4 landscape, one page wide, title and header rows on every page, and the
 * header and footer: the LA, the period and the extract date at the top, the
 * marking at both ends of the page, the page number.
 */
function printSetup(ws: ExcelJS.Worksheet, model: ReportModel, lastCol: number, lastRow: number, period: string): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: false,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    printTitlesRow: '1:2',
    printArea: `A1:${ws.getColumn(lastCol).letter}${lastRow}`,
  };
  const safe = (t: string) => t.replace(/&/g, '&&');
  const when = model.publishedOnly ? "DfE's published figures" : `extract of ${dayLabel(model.extractedAt)}`;
  ws.headerFooter = {
    oddHeader: `&L${safe(model.laLabel)}, ${safe(period)}&C&B${safe(marking(model))}&R${safe(when)}`,
    oddFooter: `&L${safe(marking(model))}&C${safe(ws.name)}, page &P of &N&Rgenerated ${safe(isoDate(model.generatedAt))}`,
  };
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

function periodSpan(model: ReportModel): string {
  const p = model.periods;
  return p.length > 0 ? `${p[0]!.label} to ${p[p.length - 1]!.label}` : 'no periods';
}

/** The summary's columns, so tests and readers can find them by name. */
export function summaryHeaders(model: ReportModel): string[] {
  const latest = model.latestPeriod;
  const prev = latest ? previousPeriod(model) : null;
  return [
    'Indicator', 'Good is',
    `${model.laName} ${prev?.label ?? 'previous year'}`, `${model.laName} ${latest?.heading ?? ''}`.trim(),
    'Numerator', 'Denominator', 'Statistical neighbours', model.regionName, 'England', 'Comparators from',
    'Rank', 'Of', 'Quartile', 'Direction of travel', 'Against England', 'Against SN',
  ];
}

/** The financial year before the summary's, if the report has it. */
function previousPeriod(model: ReportModel) {
  const fy = model.periods.filter((p) => p.kind === 'financial_year');
  const i = model.latestPeriod ? fy.indexOf(model.latestPeriod) : -1;
  return i > 0 ? fy[i - 1]! : null;
}

function summarySheet(wb: ExcelJS.Workbook, model: ReportModel): void {
  const ws = wb.addWorksheet(SUMMARY_SHEET);
  const period = model.latestPeriod?.heading ?? '';
  titleRow(ws, model, `Summary ${period}: ${model.laLabel}${model.suppressed ? ' (published version: small numbers withheld)' : ''}`);
  const headers = summaryHeaders(model);
  headerRow(ws, headers, 3);
  const prev = previousPeriod(model);
  let r = 3;
  for (const ind of model.indicators) {
    const f = ind.latest;
    const p = prev ? ind.figures.find((x) => x.period === prev) ?? null : null;
    const row = ws.getRow(r++);
    put(row.getCell(1), ind.title);
    row.getCell(1).alignment = { vertical: 'top', wrapText: true };
    put(row.getCell(2), { high: 'High', low: 'Low', none: 'No polarity' }[ind.polarity]);
    putTableCell(row.getCell(3), p ? valueCell(p) : { text: MISSING_MARK, number: null, format: 'text' });
    if (f) {
      putTableCell(row.getCell(4), valueCell(f));
      row.getCell(4).font = { bold: true };
      putTableCell(row.getCell(5), figureCell(f.numerator, 'count'));
      putTableCell(row.getCell(6), figureCell(f.denominator, 'count'));
      putTableCell(row.getCell(7), figureCell(f.sn, 'value'));
      putTableCell(row.getCell(8), figureCell(f.region, 'value'));
      putTableCell(row.getCell(9), figureCell(f.england, 'value'));
      put(row.getCell(10), f.sourceText);
      row.getCell(10).alignment = { vertical: 'top', wrapText: true };
      putRank(row.getCell(11), f, 'position');
      putRank(row.getCell(12), f, 'of');
      putTableCell(row.getCell(13), { text: quartileText(f), number: null, format: 'text' });
      put(row.getCell(14), f.directionText);
    }
    ragCell(row.getCell(15), ind.ragEngland);
    ragCell(row.getCell(16), ind.ragSn);
    // a wrapped title makes a tall row: every cell reads from its top, text set off from the number before it
    row.eachCell((cell, c) => {
      cell.alignment = { ...cell.alignment, vertical: 'top', ...(c === 10 || c >= 14 ? { indent: 1 } : {}), ...(c === 13 ? { horizontal: 'center' } : {}) };
    });
  }
  const lastCol = headers.length;
  const keyStart = r + 1;
  const lines = [`${model.provenance}; generated ${isoDate(model.generatedAt)}.`, ...keyLines(model), 'Rank (prov.): provisional, ranked against the latest year DfE has published (see the indicator\'s notes).'];
  const wide = new Set<number>();
  lines.forEach((line, i) => {
    wideText(ws, keyStart + i, lastCol, line);
    wide.add(keyStart + i);
  });
  freeze(ws, 1);
  setWidths(ws, contentWidths(ws, wide), { 1: 44, 10: 22, 14: 12 });
  // wrapped titles and sources: each row as tall as its longest cell
  for (let i = 3; i < r; i++) {
    const row = ws.getRow(i);
    const lines = Math.max(wrappedLines(String(row.getCell(1).value ?? ''), ws.getColumn(1).width!), wrappedLines(String(row.getCell(10).value ?? ''), ws.getColumn(10).width!));
    if (lines > 1) row.height = lines * LINE_HEIGHT;
  }
  sizeHeader(ws);
  sizeWide(ws, wide, lastCol);
  printSetup(ws, model, lastCol, keyStart + lines.length - 1, period);
}

interface AreaSheet {
  ws: ExcelJS.Worksheet;
  wide: Set<number>;
  lastRow: number;
}

function areaSheet(wb: ExcelJS.Workbook, model: ReportModel, area: ReportModel['areas'][number]): AreaSheet {
  const ws = wb.addWorksheet(area.name);
  const periods = model.periods;
  const lastCol = periods.length + 1;
  titleRow(ws, model, `${area.name}: ${model.laLabel}, ${periodSpan(model)}`);
  headerRow(ws, ['Measure', ...periods.map((p) => p.heading)], 2);
  const wide = new Set<number>();
  let r = 3;
  const text = (t: string, font?: Partial<ExcelJS.Font>) => {
    wideText(ws, r, lastCol, t, font);
    wide.add(r++);
  };
  for (const ind of area.indicators) {
    text(ind.title, { bold: true, size: 12 });
    const polarity = POLARITY_WORDS[ind.polarity];
    text(`${polarity.charAt(0).toUpperCase()}${polarity.slice(1)}; ${UNIT_WORDS[ind.unit]}; ${ind.id}`, { italic: true });
    if (ind.commentary) text(`What this tells us: ${ind.commentary}`);
    for (const row of indicatorTable(model, ind)) {
      if (row.measure === 'rank') {
        // rank and "of" as numbers in two rows, so they sort and filter
        const xrow = ws.getRow(r++);
        put(xrow.getCell(1), row.label);
        ind.figures.forEach((f, i) => putRank(xrow.getCell(i + 2), f, 'position'));
        const ofRow = ws.getRow(r++);
        put(ofRow.getCell(1), 'Of (LAs ranked)');
        ind.figures.forEach((f, i) => putRank(ofRow.getCell(i + 2), f, 'of'));
        continue;
      }
      const xrow = ws.getRow(r++);
      put(xrow.getCell(1), row.label);
      if (row.measure === 'value') xrow.getCell(1).font = { bold: true };
      row.cells.forEach((c, i) => {
        const cell = xrow.getCell(i + 2);
        putTableCell(cell, c);
        if (row.measure === 'value') cell.font = { bold: true };
        if (row.measure === 'source' || row.measure === 'restated') cell.alignment = { horizontal: 'right', vertical: 'top', wrapText: true };
        else cell.alignment = { ...cell.alignment, vertical: 'top' };
      });
    }
    for (const line of ind.sources) text(`${line}.`);
    for (const note of ind.notes) text(`Note: ${note}`);
    r++; // a blank row between indicators
  }
  freeze(ws, 1);
  return { ws, wide, lastRow: r - 1 };
}

/** One set of widths for every area sheet, from all their contents, so they print alike. */
function finishAreaSheets(model: ReportModel, sheets: AreaSheet[]): void {
  const widths: number[] = [];
  for (const s of sheets) contentWidths(s.ws, s.wide).forEach((w, c) => (widths[c] = Math.max(widths[c] ?? 0, w)));
  // a period column is as wide as the widest period column, and wraps the source labels beyond 24
  const periodWidth = Math.min(24, Math.max(...widths.slice(2), MIN_WIDTH));
  const all = widths.map((w, c) => (c === 1 ? w : periodWidth));
  const lastCol = model.periods.length + 1;
  for (const s of sheets) {
    setWidths(s.ws, all);
    s.ws.eachRow((row, r) => {
      if (r < 3 || s.wide.has(r)) return;
      let lines = 1;
      row.eachCell((cell, c) => {
        if (c > 1) lines = Math.max(lines, wrappedLines(cellText(cell), s.ws.getColumn(c).width!));
      });
      if (lines > 1) row.height = lines * LINE_HEIGHT;
    });
    sizeHeader(s.ws);
    sizeWide(s.ws, s.wide, lastCol);
    printSetup(s.ws, model, lastCol, s.lastRow, periodSpan(model));
  }
}

function definitionsSheet(wb: ExcelJS.Workbook, model: ReportModel): void {
  const ws = wb.addWorksheet(DEFINITIONS_SHEET);
  titleRow(ws, model, 'Indicator definitions');
  const headers = ['Indicator', 'Indicator id', 'Area', 'Good is', 'Unit', 'Definition', 'DfE source'];
  headerRow(ws, headers);
  model.definitions.forEach((d, i) => {
    const row = ws.getRow(i + 3);
    put(row.getCell(1), d.title);
    put(row.getCell(2), d.id);
    put(row.getCell(3), AREA_NAMES[d.area]);
    put(row.getCell(4), { high: 'High', low: 'Low', none: 'No polarity' }[d.polarity]);
    put(row.getCell(5), UNIT_WORDS[d.unit]);
    put(row.getCell(6), d.definition);
    put(row.getCell(7), d.dfeSource ?? 'Local measure: no DfE comparator');
    row.eachCell((cell) => {
      cell.alignment = { vertical: 'top', wrapText: true };
    });
  });
  freeze(ws, 1);
  setWidths(ws, contentWidths(ws, new Set()), { 1: 36, 2: 24, 3: 14, 4: 12, 5: 14, 6: 70, 7: 28 });
  for (let r = 3; r < 3 + model.definitions.length; r++) {
    const row = ws.getRow(r);
    let lines = 1;
    row.eachCell((cell, c) => {
      lines = Math.max(lines, wrappedLines(String(cell.value ?? ''), ws.getColumn(c).width!));
    });
    row.height = lines * LINE_HEIGHT;
  }
  sizeHeader(ws);
  printSetup(ws, model, headers.length, 2 + model.definitions.length, periodSpan(model));
}

/** The last sheet: every figure that moved since the last snapshot, then which two extracts, what a restatement is, and what was not compared. */
function restatedSheet(wb: ExcelJS.Workbook, model: ReportModel, r: RestatementModel): void {
  const ws = wb.addWorksheet(RESTATED_SHEET);
  titleRow(ws, model, `${RESTATED_LABEL}: ${model.laLabel}`);
  const headers = ['Indicator', 'Period', 'Earlier numerator', 'Earlier denominator', 'Earlier value', 'Numerator now', 'Denominator now', 'Value now', 'Move'];
  headerRow(ws, headers, 3);
  let r0 = 3;
  for (const x of r.rows) {
    const row = ws.getRow(r0++);
    put(row.getCell(1), x.title);
    put(row.getCell(2), x.period);
    const { from, to, difference } = x.figure;
    [from.numerator, from.denominator, from.value, to.numerator, to.denominator, to.value].forEach((f, i) => putTableCell(row.getCell(i + 3), figureCell(f, i % 3 === 2 ? 'value' : 'count')));
    const move = row.getCell(9);
    if (difference.value !== null && !difference.suppressed) put(move, difference.value, MOVE_FORMAT);
    else put(move, x.figure.moveText);
    move.alignment = { horizontal: 'right' };
    row.eachCell((cell, c) => {
      cell.alignment = { ...cell.alignment, vertical: 'top', ...(c === 1 ? { wrapText: true } : {}) };
    });
  }
  const lastCol = headers.length;
  const lines = [`${r.heading} ${r.summary}`, RESTATEMENT_WORDS, ...r.notes.map((n) => `Note: ${n}`)];
  const start = r0 + 1;
  const wide = new Set<number>();
  lines.forEach((line, i) => {
    wideText(ws, start + i, lastCol, line);
    wide.add(start + i);
  });
  freeze(ws, 1);
  setWidths(ws, contentWidths(ws, wide), { 1: 44 });
  for (let i = 3; i < r0; i++) {
    const lines = wrappedLines(String(ws.getRow(i).getCell(1).value ?? ''), ws.getColumn(1).width!);
    if (lines > 1) ws.getRow(i).height = lines * LINE_HEIGHT;
  }
  sizeHeader(ws);
  sizeWide(ws, wide, lastCol);
  printSetup(ws, model, lastCol, start + lines.length - 1, periodSpan(model));
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
  wb.subject = marking(model);
  summarySheet(wb, model);
  finishAreaSheets(model, model.areas.map((area) => areaSheet(wb, model, area)));
  definitionsSheet(wb, model);
  if (model.restatement) restatedSheet(wb, model, model.restatement);
  const buffer = await wb.xlsx.writeBuffer();
  return stampZipEntries(new Uint8Array(buffer as ArrayBuffer), when);
}
