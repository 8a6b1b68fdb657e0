/*
 * `safeguard trends`: the monthly series and its SPC (trends.md) for one
 * snapshot, every point with its value, counts, phase, mean, limits, rules
 * and variation, so the scrutineer's charts can be checked by hand or rebuilt
 * in R or Power BI. A table for people (one row per indicator), JSON
 * (trends.md's shape) or CSV (one row per indicator x month). Takes the same
 * --rebase, --annotations and --targets as `report`, so both judge a month
 * the same way. `--sn-stat` and `--sn-model` are accepted as for the other
 * read commands (cli.md) and change nothing here: DfE publishes financial
 * years only, so a month has no comparator.
 */
import { Database } from '../../pipeline/db.ts';
import { UsageError } from '../../pipeline/errors.ts';
import { trendsCsv, trendsJson, trendsTable } from '../../reports/trends-output.ts';
import { buildTrends } from '../indicators-service.ts';
import type { Io } from '../io.ts';
import { loadTrendSettings, type TrendSettingsOptions } from '../trend-settings.ts';

export interface TrendsCommandOptions extends TrendSettingsOptions {
  db: string;
  format?: string;
  periodFrom?: string;
  snapshot?: string;
  snStat?: string;
  snModel?: string;
}

export async function trends(opts: TrendsCommandOptions, io: Io): Promise<void> {
  const format = opts.format ?? 'table';
  if (!['table', 'json', 'csv'].includes(format)) throw new UsageError(`--format ${format}: use table, json or csv`);
  // the settings first: a bad option or file is reported before the database is opened
  const settings = loadTrendSettings(opts);
  const db = await Database.open(opts.db, { existing: true });
  try {
    const input = { ...(await buildTrends(db, { snapshot: opts.snapshot, periodFrom: opts.periodFrom })), settings };
    io.out(format === 'json' ? trendsJson(input) : format === 'csv' ? trendsCsv(input) : trendsTable(input));
  } finally {
    db.close();
  }
}
