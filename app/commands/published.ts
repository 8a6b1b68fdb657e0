/*
 * `safeguard published --la CODE`: any LA's figures as DfE published them,
 * with SN, region, England, rank, quartile and direction of travel, from the
 * bundled DfE data alone (issue 17; LAIT's table). No extract and no database:
 * it runs on a fresh clone. `report --published` writes the same as the four
 * reports (report.ts). The document comes from app/published-service.ts; the
 * printed forms from reports/terminal.ts, as for `indicators`.
 */
import { UsageError } from '../../pipeline/errors.ts';
import { indicatorsCsv, indicatorsTable } from '../../reports/terminal.ts';
import { buildPublishedDocument, type PublishedOptions } from '../published-service.ts';
import type { Io } from '../io.ts';
import { colourOn } from '../io.ts';

export interface PublishedCommandOptions extends PublishedOptions {
  format?: string;
}

export async function published(opts: PublishedCommandOptions, io: Io): Promise<void> {
  const format = opts.format ?? 'table';
  if (!['table', 'json', 'csv'].includes(format)) throw new UsageError(`--format ${format}: use table, json or csv`);
  const doc = buildPublishedDocument(opts);
  io.out(format === 'json' ? JSON.stringify(doc, null, 2) : format === 'csv' ? indicatorsCsv(doc.results) : indicatorsTable(doc, { colour: colourOn() }));
}
