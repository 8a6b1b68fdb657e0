/*
 * `safeguard indicators`: the figures for one snapshot and some periods, as a
 * table for people, JSON for programs (cli.md's shape) or CSV. The figures
 * come from the indicators service; the printed forms from reports/terminal.ts.
 */
import { Database } from '../../pipeline/db.ts';
import { UsageError } from '../../pipeline/errors.ts';
import { indicatorsCsv, indicatorsTable } from '../../reports/terminal.ts';
import { buildDocument } from '../indicators-service.ts';
import type { DocumentOptions } from '../indicators-service.ts';
import type { Io } from '../io.ts';
import { colourOn } from '../io.ts';

export interface IndicatorsOptions extends DocumentOptions {
  db: string;
  format?: string;
}

export async function indicators(opts: IndicatorsOptions, io: Io): Promise<void> {
  const format = opts.format ?? 'table';
  if (!['table', 'json', 'csv'].includes(format)) throw new UsageError(`--format ${format}: use table, json or csv`);
  const db = await Database.open(opts.db, { existing: true });
  try {
    const doc = await buildDocument(db, opts);
    // the table's colours are safeguard's own (io.ts shows any other control character as an escape)
    io.out(format === 'json' ? JSON.stringify(doc, null, 2) : format === 'csv' ? indicatorsCsv(doc.results) : indicatorsTable(doc, { colour: colourOn() }), { colour: format === 'table' });
  } finally {
    db.close();
  }
}
