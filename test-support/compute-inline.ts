/*
 * Test harness for golden cases: tiny inline SSD extracts (file name -> CSV
 * text) through the real ingest and the real SQL, in an in-memory database.
 * Used only by tests.
 */
import { Database } from '../pipeline/db.ts';
import { computeIndicators } from '../pipeline/compute.ts';
import { parseExtractFiles } from '../pipeline/ingest/extract.ts';
import { loadSnapshot } from '../pipeline/ingest/load.ts';
import { readQuarantine } from '../pipeline/ingest/staging.ts';
import type { ParsedExtract, QuarantinedRow } from '../pipeline/ingest/types.ts';
import { parsePeriods } from '../pipeline/periods.ts';
import { findIndicator } from '../metrics/index.ts';
import type { IndicatorResult } from '../metrics/types.ts';

export interface InlineRun {
  results: IndicatorResult[];
  parsed: ParsedExtract;
  /** the rows the ingest quarantined, in the order found */
  quarantine: QuarantinedRow[];
  /** the one result for an indicator and period label */
  get(indicator: string, period: string): IndicatorResult;
}

/** A population file with the same estimate for every year: rates are then easy to check by hand. */
export function flatPopulation(population: number, from = 2000, to = 2030): string {
  const rows = ['year,population'];
  for (let y = from; y <= to; y++) rows.push(`${y},${population}`);
  return rows.join('\n');
}

export async function computeInline(
  files: Record<string, string>,
  periods: string[],
  /**
   * ssdYears: the SSD history the extract holds (indicators.md v2, "Coverage").
   * Not given: no coverage is kept. The golden cases are a few records each,
   * often later than the period they test another rule on; a test of coverage
   * says how many years (or `all`).
   */
  opts: { indicators?: string[]; extractDate?: string; ssdYears?: number | 'all' } = {},
): Promise<InlineRun> {
  const extractDate = opts.extractDate ?? '2020-04-10';
  const db = await Database.open(':memory:');
  try {
    const parsed = await parseExtractFiles(
      db,
      Object.entries(files).map(([path, text]) => ({ path, bytes: new TextEncoder().encode(text) })),
      extractDate,
    );
    const quarantine = await readQuarantine(db);
    const { snapshotId } = await loadSnapshot(db, parsed, { extractDir: 'inline', extractDate, la: null, ssdYears: opts.ssdYears ?? 'all' });
    if (opts.ssdYears === undefined) await db.run('DELETE FROM store.coverage');
    const indicators = opts.indicators?.map((id) => {
      const ind = findIndicator(id);
      if (!ind) throw new Error(`unknown indicator ${id}`);
      return ind;
    });
    const results = await computeIndicators(db, { snapshotId, periods: parsePeriods(periods), indicators });
    return {
      results,
      parsed,
      quarantine,
      get(indicator, period) {
        const r = results.find((x) => x.indicator === indicator && x.period === period);
        if (!r) throw new Error(`no result for ${indicator} ${period}`);
        return r;
      },
    };
  } finally {
    db.close();
  }
}
