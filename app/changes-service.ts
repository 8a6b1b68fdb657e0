/*
 * The changes service (issue 16, `safeguard changes`): why a figure moved
 * between two snapshots. The figures that moved come from
 * app/restatements.ts (compareFigures: the same rules as the reports'
 * "restated" marks); for each, the records of the figure in both snapshots
 * (app/records-service.ts, the indicator's own SQL) are set side by side,
 * and every record whose part in the numerator or the denominator changed is
 * put down to one change in the data, by kind:
 *
 * - `new_record`: the record is not in the earlier snapshot;
 * - `record_removed`: it is not in the later one;
 * - `date_changed`: a date of it differs (which field, from what to what);
 * - `status_changed`: another of its fields differs (a flag, a legal status,
 *   a link to another record).
 *
 * A record whose own row is the same in both snapshots moved because another
 * record did (a review of its plan, the child's earlier referral or plan):
 * it is put down to the first change among the child's records in the
 * tables the indicator reads, in the order above. Where the child's records
 * did not change either (the extract date or the coverage moved), the kind
 * is `other`. So every record that moved is counted once and the numbers
 * reconcile: earlier figure + the changes = later figure, for the numerator
 * and the denominator (a rate's denominator is the population: no records).
 *
 * Records are matched across snapshots by their IDs. SSD extracts carry the
 * case system's IDs; an SSDA903 or CIN census return has none, so its
 * records' IDs are made from the child and the start date (pipeline/ingest):
 * there a corrected date shows as one record removed and one new.
 */
import type { Database } from '../pipeline/db.ts';
import { ident } from '../pipeline/db.ts';
import type { SnapshotInfo } from '../pipeline/store.ts';
import type { Indicator, Period } from '../metrics/types.ts';
import { INDICATORS } from '../metrics/index.ts';
import { compareFigures } from './restatements.ts';
import type { FigureMove } from './restatements.ts';
import { recordsAgainst } from './records-service.ts';
import type { Cell, RecordRow } from './records-service.ts';

export const KINDS = ['new_record', 'record_removed', 'date_changed', 'status_changed', 'other'] as const;
export type Kind = (typeof KINDS)[number];

export interface Delta {
  numerator: number;
  /** null for a rate: its denominator is the population */
  denominator: number | null;
}

/** One record whose part in a figure changed, and the change it is put down to. */
export interface MovedRecord {
  kind: Kind;
  /** the record that changed (the counted one, or the child's record that moved it) */
  table: string;
  record_id: string;
  person_id: string;
  numerator: number;
  denominator: number | null;
  field: string | null;
  was: Cell;
  now: Cell;
  /** the counted record, where the change was in another of the child's records */
  counted?: { table: string; record_id: string };
}

export interface FigureChange extends FigureMove {
  kinds: Partial<Record<Kind, Delta>>;
  records: MovedRecord[];
}

export interface Changes {
  from: { id: string; extracted_at: string };
  to: { id: string; extracted_at: string };
  changes: FigureChange[];
  notes: string[];
}

/** Every figure that moved between two snapshots for these periods, and the records that moved it. */
export async function changesBetween(db: Database, from: SnapshotInfo, to: SnapshotInfo, periods: Period[], laCodes: string[]): Promise<Changes> {
  const compared = await compareFigures(db, from.snapshot_id, to.snapshot_id, periods, laCodes);
  // the records of every figure that moved, in each snapshot: one run per snapshot, over the indicators and periods that moved
  const moved = INDICATORS.filter((i) => compared.moves.some((m) => m.indicator === i.id));
  const movedPeriods = periods.filter((p) => compared.moves.some((m) => m.period === p.label));
  // held to the figures just compared (a figure that did not move for an indicator and period is not checked: its rows go unused)
  const moveOf = (i: Indicator, p: Period) => compared.moves.find((m) => m.indicator === i.id && m.period === p.label);
  const before = moved.length > 0 ? await recordsAgainst(db, from, moved, movedPeriods, (i, p) => moveOf(i, p)?.from ?? null) : [];
  const after = moved.length > 0 ? await recordsAgainst(db, to, moved, movedPeriods, (i, p) => moveOf(i, p)?.to ?? null) : [];
  const changes: FigureChange[] = [];
  for (const [k, indicator] of moved.entries()) {
    const history = new History(db, from.snapshot_id, to.snapshot_id, indicator);
    for (const move of compared.moves.filter((m) => m.indicator === indicator.id)) {
      const i = movedPeriods.findIndex((p) => p.label === move.period);
      const records = await attribute(history, indicator, before[k]![i]!, after[k]![i]!);
      changes.push({ ...move, kinds: sumByKind(records, indicator), records });
    }
  }
  return { from: compared.from, to: compared.to, changes, notes: [...compared.notes, ...(await setAsideNotes(db, from, to, changes))] };
}

function rowKey(indicator: Indicator, r: RecordRow): string {
  return indicator.records.counts === 'children' ? r.person_id : `${r.source_table}\u0000${r.record_id}`;
}

async function attribute(history: History, indicator: Indicator, before: RecordRow[], after: RecordRow[]): Promise<MovedRecord[]> {
  const rate = indicator.denominatorSql === 'population';
  const old = new Map(before.map((r) => [rowKey(indicator, r), r]));
  const now = new Map(after.map((r) => [rowKey(indicator, r), r]));
  const out: MovedRecord[] = [];
  for (const k of new Set([...old.keys(), ...now.keys()])) {
    const a = old.get(k);
    const b = now.get(k);
    const numerator = Number(b?.in_numerator ?? false) - Number(a?.in_numerator ?? false);
    const denominator = rate ? null : Number(b?.in_denominator ?? false) - Number(a?.in_denominator ?? false);
    if (numerator === 0 && !denominator) continue;
    const counted = (b ?? a)!;
    const change = (await history.ofRecord(counted.source_table, counted.record_id)) ?? (await history.ofChild(counted.person_id, counted.source_table, counted.record_id));
    out.push({
      ...(change ?? { kind: 'other', table: counted.source_table, record_id: counted.record_id, field: null, was: null, now: null }),
      person_id: counted.person_id,
      numerator,
      denominator,
      ...(change && (change.table !== counted.source_table || change.record_id !== counted.record_id) ? { counted: { table: counted.source_table, record_id: counted.record_id } } : {}),
    });
  }
  return out;
}

function sumByKind(records: MovedRecord[], indicator: Indicator): Partial<Record<Kind, Delta>> {
  const rate = indicator.denominatorSql === 'population';
  const kinds: Partial<Record<Kind, Delta>> = {};
  for (const kind of KINDS) {
    const mine = records.filter((r) => r.kind === kind);
    if (mine.length === 0) continue;
    const numerator = mine.reduce((s, r) => s + r.numerator, 0);
    const denominator = rate ? null : mine.reduce((s, r) => s + (r.denominator ?? 0), 0);
    if (numerator !== 0 || (denominator ?? 0) !== 0) kinds[kind] = { numerator, denominator };
  }
  return kinds;
}

type Change = Pick<MovedRecord, 'kind' | 'table' | 'record_id' | 'field' | 'was' | 'now'>;
type StoreRow = Record<string, Cell>;

/** The store tables a record list can name, with their ID columns (a period of care is made from episodes, views.ts). */
const ID_COLUMN: Record<string, string> = {
  referral: 'referral_id',
  s47_enquiry: 's47_id',
  icpc: 'icpc_id',
  cp_plan: 'cp_plan_id',
  cp_review: 'cp_review_id',
  cla_episode: 'cla_episode_id',
  cla_review: 'cla_review_id',
};

/** Columns that say where a row was read, not what it records. */
const NOT_COMPARED = new Set(['snapshot_id', 'source_line']);

/** A child's rows in the two snapshots, in the tables an indicator reads, asked once per child. */
class History {
  private readonly tables: string[];
  private readonly children = new Map<string, Map<string, { from: StoreRow[]; to: StoreRow[] }>>();
  private readonly dates = new Map<string, Set<string>>();

  constructor(
    private readonly db: Database,
    private readonly fromId: string,
    private readonly toId: string,
    indicator: Indicator,
  ) {
    this.tables = [...new Set(indicator.requires.map((r) => r.table))].filter((t) => ID_COLUMN[t]);
  }

  /** The change to the counted record itself, or null where it is the same in both snapshots (or is no store row). */
  async ofRecord(table: string, id: string): Promise<Change | null> {
    const idColumn = ID_COLUMN[table];
    if (!idColumn) return null;
    const rows = await this.db.all<StoreRow>(`SELECT * FROM store.${ident(table)} WHERE snapshot_id IN ($a, $b) AND ${ident(idColumn)} = $id`, { a: this.fromId, b: this.toId, id });
    return this.compare(table, id, rows.filter((r) => r.snapshot_id === this.fromId)[0], rows.filter((r) => r.snapshot_id === this.toId)[0]);
  }

  /** The first change among the child's records in the indicator's tables (other than the counted one), by kind. */
  async ofChild(personId: string, exceptTable: string, exceptId: string): Promise<Change | null> {
    const found: Change[] = [];
    for (const table of this.tables) {
      const { from, to } = await this.rowsOf(personId, table);
      const idColumn = ID_COLUMN[table]!;
      const ids = new Set([...from, ...to].map((r) => String(r[idColumn])));
      for (const id of [...ids].sort()) {
        if (table === exceptTable && id === exceptId) continue;
        const c = await this.compare(table, id, from.find((r) => String(r[idColumn]) === id), to.find((r) => String(r[idColumn]) === id));
        if (c) found.push(c);
      }
    }
    found.sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind));
    return found[0] ?? null;
  }

  private async compare(table: string, id: string, a: StoreRow | undefined, b: StoreRow | undefined): Promise<Change | null> {
    if (!a && !b) return null;
    if (!a) return { kind: 'new_record', table, record_id: id, field: null, was: null, now: null };
    if (!b) return { kind: 'record_removed', table, record_id: id, field: null, was: null, now: null };
    const dates = await this.dateColumns(table);
    const differing = Object.keys(b).filter((c) => !NOT_COMPARED.has(c) && !same(a[c], b[c]));
    const field = differing.find((c) => dates.has(c)) ?? differing[0];
    if (field === undefined) return null;
    return { kind: dates.has(field) ? 'date_changed' : 'status_changed', table, record_id: id, field, was: a[field] ?? null, now: b[field] ?? null };
  }

  private async rowsOf(personId: string, table: string): Promise<{ from: StoreRow[]; to: StoreRow[] }> {
    let child = this.children.get(personId);
    if (!child) this.children.set(personId, (child = new Map()));
    let rows = child.get(table);
    if (!rows) {
      const all = await this.db.all<StoreRow>(`SELECT * FROM store.${ident(table)} WHERE snapshot_id IN ($a, $b) AND ${childOf(table)}`, { a: this.fromId, b: this.toId, p: personId });
      rows = { from: all.filter((r) => r.snapshot_id === this.fromId), to: all.filter((r) => r.snapshot_id === this.toId) };
      child.set(table, rows);
    }
    return rows;
  }

  private async dateColumns(table: string): Promise<Set<string>> {
    let d = this.dates.get(table);
    if (!d) {
      const cols = await this.db.all<{ column_name: string; column_type: string }>(`DESCRIBE store.${ident(table)}`);
      d = new Set(cols.filter((c) => c.column_type === 'DATE').map((c) => c.column_name));
      this.dates.set(table, d);
    }
    return d;
  }
}

/** A row of `table` that is the child's ($p): a review may name only its plan or period of care. */
function childOf(table: string): string {
  if (table === 'cp_review') return `(person_id = $p OR cp_plan_id IN (SELECT cp_plan_id FROM store.cp_plan WHERE person_id = $p))`;
  if (table === 'cla_review') return `(person_id = $p OR cla_id IN (SELECT cla_id FROM store.cla_episode WHERE person_id = $p))`;
  return 'person_id = $p';
}

function same(a: Cell | undefined, b: Cell | undefined): boolean {
  return (a ?? null) === (b ?? null);
}

/**
 * A record "removed" may be one the later extract still holds but the ingest
 * could not use (quarantined), and a "new" one may have been quarantined in
 * the earlier: where a snapshot quarantined rows of a table such a record is
 * of, say so (a quarantined row is kept with its file and line, not its
 * record, so the two cannot be matched one by one).
 */
async function setAsideNotes(db: Database, from: SnapshotInfo, to: SnapshotInfo, changes: FigureChange[]): Promise<string[]> {
  const notes: string[] = [];
  for (const [kind, snap, word] of [['record_removed', to, 'removed'], ['new_record', from, 'new']] as const) {
    const tables = [...new Set(changes.flatMap((c) => c.records.filter((r) => r.kind === kind).map((r) => r.table)))];
    for (const table of tables) {
      const q = await db.one<{ n: number | null }>('SELECT sum(rows_quarantined) AS n FROM store.snapshot_file WHERE snapshot_id = $id AND target_table = $t', { id: snap.snapshot_id, t: table });
      const n = Number(q?.n ?? 0);
      if (n > 0) notes.push(`snapshot ${snap.snapshot_id} quarantined ${n} row(s) of ${table}: a record shown as ${word} may be one it could not use (safeguard quarantine --snapshot ${snap.snapshot_id})`);
    }
  }
  return notes;
}
