/*
 * Child-level lists (`safeguard records`, `safeguard changes --records`) as
 * CSV or a workbook: pure functions of a RecordTable. The first line of
 * either is the OFFICIAL-SENSITIVE marking, then the lines that say what the
 * list is, then one header row and a row per record. Every text cell is made
 * safe for a spreadsheet (safe-cell.ts); identifiers arrive already
 * pseudonymised unless the user asked to see them.
 */
import ExcelJS from 'exceljs';
import { csvRecord, safeCellValue } from './safe-cell.ts';
import { stampZipEntries } from './zip-time.ts';

export type ListCell = string | number | boolean | null;

export interface RecordTable {
  /** the marking, first line of any child-level output */
  marking: string;
  /** what the list is: indicator, period, snapshot, the figure, how identifiers are shown */
  about: string[];
  columns: string[];
  rows: ListCell[][];
}

const cell = (v: ListCell): string | number | null => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : v);

/** CSV: the marking line, then one header row, then a row per record (the lines `about` are for the terminal and the workbook). */
export function recordsCsv(t: RecordTable): string {
  return [csvRecord([t.marking]), csvRecord(t.columns), ...t.rows.map((r) => csvRecord(r.map(cell)))].join('\n') + '\n';
}

/** A workbook of one sheet: the marking (bold, also the sheet's header when printed), the lines about it, the table. */
export async function recordsWorkbook(t: RecordTable, generatedAt: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(generatedAt);
  const ws = wb.addWorksheet('Records');
  ws.headerFooter.oddHeader = `&B${t.marking.replace(/&/g, '&&')}`;
  ws.addRow([t.marking]).font = { bold: true };
  for (const line of t.about) ws.addRow([safeCellValue(line)]);
  ws.addRow([]);
  const header = ws.addRow(t.columns);
  header.font = { bold: true };
  for (const r of t.rows) ws.addRow(r.map((v) => safeCellValue(cell(v))));
  ws.columns.forEach((c, i) => (c.width = Math.min(40, Math.max(10, t.columns[i]?.length ?? 10) + 2)));
  return stampZipEntries(new Uint8Array(await wb.xlsx.writeBuffer()), new Date(generatedAt));
}
