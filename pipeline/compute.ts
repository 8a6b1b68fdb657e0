/*
 * Computes indicators for a snapshot and a list of periods: all periods of an
 * indicator in one SQL statement per side (the `period` table joined to the
 * facts), so 130 periods cost about what one does. Values are rounded here, in
 * exact arithmetic, and nowhere else. Comparators are attached afterwards
 * (pipeline/benchmarks/attach.ts).
 *
 * No data is not zero (indicators.md v2): a figure has no value, with the
 * reason, where a table it requires is missing, has no rows (empty, or every
 * row quarantined) or does not cover the period (store.coverage), or where a
 * column it requires is absent or empty in every row; a zero only where the
 * data could have held a non-zero count. A look-back reaching before coverage
 * is computed, and noted as a possible undercount.
 */
import { addMonths, format, parseISO } from 'date-fns';
import type { Database } from './db.ts';
import { ident, literal } from './db.ts';
import { createCalendar } from './calendar.ts';
import { populationYear } from './periods.ts';
import { ratioToOneDecimal } from './decimal.ts';
import { createSnapshotViews } from './views.ts';
import { notCarried, tableSources } from './ingest/adapters.ts';
import { INDICATORS } from '../metrics/index.ts';
import type { Indicator, IndicatorResult, Period } from '../metrics/types.ts';

export interface ComputeOptions {
  snapshotId: string;
  periods: Period[];
  indicators?: readonly Indicator[];
  /** LA codes (old and ONS) whose rows of a multi-LA population.csv apply */
  laCodes?: string[];
}

interface PopulationChoice {
  population: number | null;
  note: string | null;
}

export async function computeIndicators(db: Database, opts: ComputeOptions): Promise<IndicatorResult[]> {
  const indicators = opts.indicators ?? INDICATORS;
  await prepareSnapshot(db, opts.snapshotId, opts.periods);
  const available = await snapshotTables(db, opts.snapshotId);
  const populations = await choosePopulations(db, opts.snapshotId, opts.periods, opts.laCodes ?? []);

  const results: IndicatorResult[] = [];
  for (const ind of indicators) {
    const missing = await missingRequirement(db, opts.snapshotId, ind, available);
    const both = missing || !ind.countsSql || ind.denominatorSql === 'population' ? null : await bothByPeriod(db, ind.countsSql);
    const num = missing ? null : (both?.numerator ?? (await countsByPeriod(db, ind.numeratorSql)));
    const den = missing || ind.denominatorSql === 'population' ? null : (both?.denominator ?? (await countsByPeriod(db, ind.denominatorSql)));
    const untimed = missing || !ind.untimedSql ? null : await countsByPeriod(db, ind.untimedSql);
    opts.periods.forEach((period, i) => {
      const notes: string[] = [];
      let numerator: number | null = null;
      let denominator: number | null = null;
      let value: number | null = null;
      const uncovered = missing ? null : beforeCoverage(ind, period, available);
      if (missing) {
        notes.push(`no data: ${missing}`);
      } else if (uncovered) {
        notes.push(`no value: ${uncovered}`);
      } else {
        const short = lookBackShort(ind, period, available);
        if (short) notes.push(short);
        numerator = num!.get(i) ?? 0;
        if (ind.denominatorSql === 'population') {
          const pop = populations[i]!;
          denominator = pop.population;
          if (pop.note) notes.push(pop.note);
        } else {
          denominator = den!.get(i) ?? 0;
        }
        const scale = ind.unit === 'per_10k' ? 10000 : 100;
        if (denominator === null) {
          // reason already noted by the population choice
        } else if (denominator === 0) {
          notes.push(ind.unit === 'per_10k' ? 'no value: the population is zero' : 'no value: nothing to count (the denominator is zero)');
        } else {
          value = ratioToOneDecimal(numerator, denominator, scale);
        }
        const n = untimed?.get(i) ?? 0;
        if (n > 0) {
          value = null;
          notes.push(`no value: ${n} record(s) have dates outside the working-day calendar and cannot be timed`);
        }
      }
      results.push({
        indicator: ind.id,
        title: ind.title,
        area: ind.area,
        period: period.label,
        period_start: period.start,
        period_end: period.end,
        numerator,
        denominator,
        value,
        unit: ind.unit,
        polarity: ind.polarity,
        benchmarks: {},
        rank: null,
        notes,
      });
    });
  }
  return results;
}

/** What every indicator's SQL reads: the working-day calendar, the snapshot's views, the periods. */
export async function prepareSnapshot(db: Database, snapshotId: string, periods: Period[]): Promise<void> {
  await createCalendar(db);
  await createSnapshotViews(db, snapshotId);
  await createPeriodTable(db, periods);
}

/**
 * `period`, and `period_day` (period_id, day): every day of every period, so
 * "dated in the period" is an equality join (metrics/sql.ts countInPeriod), not
 * a range join. 130 twelve-month periods are about 47,000 rows.
 */
async function createPeriodTable(db: Database, periods: Period[]): Promise<void> {
  await db.run('CREATE OR REPLACE TEMP TABLE period (period_id INTEGER, label VARCHAR, period_start DATE, period_end DATE)');
  if (periods.length > 0) {
    const values = periods.map((p, i) => `(${i}, ${literal(p.label)}, DATE ${literal(p.start)}, DATE ${literal(p.end)})`).join(', ');
    await db.run(`INSERT INTO period VALUES ${values}`);
  }
  await db.run(
    `CREATE OR REPLACE TEMP TABLE period_day AS
     SELECT period_id, CAST(unnest(generate_series(period_start, period_end, INTERVAL 1 DAY)) AS DATE) AS day FROM period`,
  );
}

async function countsByPeriod(db: Database, sql: string): Promise<Map<number, number>> {
  const rows = await db.all<{ period_id: number; n: number }>(sql);
  return new Map(rows.map((r) => [Number(r.period_id), Number(r.n)]));
}

/** An indicator's countsSql: numerator and denominator by period from one statement. */
async function bothByPeriod(db: Database, sql: string): Promise<{ numerator: Map<number, number>; denominator: Map<number, number> }> {
  const rows = await db.all<{ period_id: number; numerator: number; denominator: number }>(sql);
  return {
    numerator: new Map(rows.map((r) => [Number(r.period_id), Number(r.numerator)])),
    denominator: new Map(rows.map((r) => [Number(r.period_id), Number(r.denominator)])),
  };
}

/** What the snapshot holds of one table: the columns its extract filled, its rows, the rows quarantined, its coverage. */
interface TableFacts {
  columns: Set<string>;
  rows: number;
  quarantined: number;
  /** where its coverage starts (store.coverage); undefined for a snapshot stored before coverage was */
  coversFrom?: string | null;
  rule?: string;
  /** optional columns found empty in every row, asked once */
  emptyColumns: Map<string, boolean>;
}

/** table -> what the snapshot's extract gave of it */
async function snapshotTables(db: Database, snapshotId: string): Promise<Map<string, TableFacts>> {
  const files = await db.all<{ target_table: string; columns_loaded: string[]; quarantined: number }>(
    'SELECT target_table, any_value(columns_loaded) AS columns_loaded, sum(rows_quarantined) AS quarantined FROM store.snapshot_file WHERE snapshot_id = $id GROUP BY target_table',
    { id: snapshotId },
  );
  // a database stored before coverage was (indicators.md v2) has none: no period is then held to it
  const coverage = (await db.storeTables()).has('coverage')
    ? await db.all<{ target_table: string; covers_from: string | null; rule: string }>(
        'SELECT target_table, CAST(covers_from AS VARCHAR) AS covers_from, rule FROM store.coverage WHERE snapshot_id = $id',
        { id: snapshotId },
      )
    : [];
  const out = new Map<string, TableFacts>();
  for (const f of files) {
    const rows = await db.one<{ n: number }>(`SELECT count(*) AS n FROM store.${ident(f.target_table)} WHERE snapshot_id = $id`, { id: snapshotId });
    const c = coverage.find((x) => x.target_table === f.target_table);
    out.set(f.target_table, {
      columns: new Set(f.columns_loaded),
      rows: Number(rows?.n ?? 0),
      quarantined: Number(f.quarantined),
      coversFrom: c ? c.covers_from : undefined,
      rule: c?.rule,
      emptyColumns: new Map(),
    });
  }
  return out;
}

// what each table is called; where it comes from is each input adapter's to say (ingest/adapters.ts)
const TABLE_NAMES: Record<string, string> = {
  referral: 'referrals',
  s47_enquiry: 'section 47 enquiries',
  icpc: 'initial child protection conferences',
  cp_plan: 'child protection plans',
  cp_review: 'child protection reviews',
  cla_episode: 'care episodes',
  cla_review: 'looked-after reviews',
};

/** What a table is called in messages: "referrals", "care episodes". */
export function tableName(table: string): string {
  return TABLE_NAMES[table] ?? table;
}

function tableLabel(table: string): string {
  const name = TABLE_NAMES[table];
  return name ? `${name} (${tableSources(table).join(', or ')})` : table;
}

/**
 * Why the snapshot cannot give the indicator a value for any period
 * (indicators.md v2, "No data is not zero"): a table it counts from is
 * missing or has no usable rows (empty, or every row quarantined), or an
 * optional column it needs is absent or empty in every row. A zero is then
 * no value, never 0.
 */
async function missingRequirement(db: Database, snapshotId: string, ind: Indicator, available: Map<string, TableFacts>): Promise<string | null> {
  for (const req of ind.requires) {
    const t = available.get(req.table);
    if (!t) return `the extract has no ${tableLabel(req.table)}`;
    if (t.rows === 0) {
      return t.quarantined > 0
        ? `every one of the ${t.quarantined} row(s) of the extract's ${tableLabel(req.table)} was quarantined (safeguard quarantine lists why)`
        : `the extract's ${tableLabel(req.table)} hold no records`;
    }
    if (req.column && !t.columns.has(req.column)) {
      const why = notCarried(req.table);
      return `the extract's ${tableLabel(req.table)} do not record ${req.column}${why ? ` (${why})` : ''}`;
    }
    if (req.column) {
      if (!t.emptyColumns.has(req.column)) {
        const row = await db.one<{ n: number }>(
          `SELECT count(${ident(req.column)}) AS n FROM store.${ident(req.table)} WHERE snapshot_id = $id`,
          { id: snapshotId },
        );
        t.emptyColumns.set(req.column, Number(row?.n ?? 0) === 0);
      }
      if (t.emptyColumns.get(req.column)) return `${req.column} is empty in every row of the extract's ${tableLabel(req.table)}`;
    }
  }
  return null;
}

/** Why a period starts before the coverage of a table the indicator counts from (indicators.md v2, "Coverage"), or null. */
function beforeCoverage(ind: Indicator, period: Period, available: Map<string, TableFacts>): string | null {
  for (const table of new Set(ind.requires.map((r) => r.table))) {
    const from = available.get(table)?.coversFrom;
    if (from && period.start < from) {
      return `the extract's ${tableName(table)} cover only from ${from}, after the period starts (${coverageWhy(available.get(table)!.rule)})`;
    }
  }
  return null;
}

/**
 * A note where the indicator's look-back (metrics/types.ts lookBack) reaches
 * before its table's coverage: the figure is computed from the data there is
 * and may undercount. An extract holding its whole history (--ssd-years all)
 * has nothing earlier to miss.
 */
function lookBackShort(ind: Indicator, period: Period, available: Map<string, TableFacts>): string | null {
  if (!ind.lookBack) return null;
  const t = available.get(ind.lookBack.table);
  if (!t?.coversFrom || t.rule === 'ssd-all') return null;
  const reach = ind.lookBack.months === null ? null : format(addMonths(parseISO(period.start), -ind.lookBack.months), 'yyyy-MM-dd');
  if (reach !== null && reach >= t.coversFrom) return null;
  const what = ind.lookBack.months === null ? 'all earlier data' : `${ind.lookBack.months} months`;
  return `may undercount: it looks back ${what} before each record, and the extract's ${tableName(ind.lookBack.table)} cover only from ${t.coversFrom}`;
}

function coverageWhy(rule: string | undefined): string {
  switch (rule) {
    case 'return':
      return "the start of the earliest return's collection year";
    case 'ssd-years':
      return 'the SSD keeps --ssd-years years of history';
    default:
      return 'the month of its earliest record';
  }
}

/**
 * The ONS mid-year estimate for each period: the year containing the period's
 * midpoint, or the latest earlier year (said in a note), or none (said too).
 */
async function choosePopulations(db: Database, snapshotId: string, periods: Period[], laCodes: string[]): Promise<PopulationChoice[]> {
  const rows = await db.all<{ year: number; population: number; source: string; la_code: string | null }>(
    'SELECT year, population, source, la_code FROM store.population WHERE snapshot_id = $id ORDER BY year',
    { id: snapshotId },
  );
  const wanted = new Set(laCodes.map((c) => c.toUpperCase()));
  // population.csv may name its LA; with no --la, rows for one LA are that LA's,
  // but rows for several cannot be told apart
  const named = new Set(rows.filter((r) => r.la_code !== null).map((r) => r.la_code!.toUpperCase()));
  const usable = rows.filter((r) => r.la_code === null || wanted.has(r.la_code.toUpperCase()) || (wanted.size === 0 && named.size === 1));
  const ambiguous = wanted.size === 0 && named.size > 1;
  return periods.map((p) => {
    const year = populationYear(p);
    const exact = usable.find((r) => r.year === year);
    if (exact) return { population: Number(exact.population), note: null };
    const earlier = usable.filter((r) => r.year < year).at(-1);
    if (earlier) {
      return {
        population: Number(earlier.population),
        note: `population: no mid-${year} estimate; used mid-${earlier.year} (${earlier.source})`,
      };
    }
    return {
      population: null,
      note: ambiguous
        ? `no value: population.csv holds estimates for ${named.size} LAs; ingest with --la to say which is this extract's`
        : `no value: no population estimate for mid-${year} or earlier`,
    };
  });
}
