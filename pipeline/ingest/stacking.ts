/*
 * Stacked returns (extract.md, "Stacked returns"): an LA keeps one SSDA903 and
 * one CIN census per collection year, and an in-year return on top; together
 * they are the history an extract would hold. The adapters read each return
 * into records keyed by child and start date (the returns carry no IDs); here
 * the returns are laid over each other in collection-year order:
 * - a record found in several returns is one record, and the latest return's
 *   values win (an end date filled in later replaces a blank);
 * - review dates, being keys themselves, are the union over returns;
 * - a record only an earlier return has stays (a return lists the year's
 *   records, not the child's whole history).
 * Then the SSDA903 episodes are grouped into periods of care (`RNE = S` starts
 * one), rows that name no known child are quarantined, the DfE rules that
 * move an indicator are run (dfe-rules.ts), and each file is credited with
 * the rows it supplied.
 */
import { InputRejected } from '../errors.ts';
import { crossReturnWarnings, ruleWarnings } from './dfe-rules.ts';
import type { Database } from '../db.ts';
import { appendQuarantine, appendStage, stageTable, stagedTables } from './staging.ts';
import type { ExtractWarning, FileReport, ParsedExtract, ParsedReturn, QuarantinedRow, ReturnQuarantine, ReturnRecord, TableRows } from './types.ts';
import { financialYearOf, financialYearStarting } from '../periods.ts';

export interface StackResult {
  tables: Map<string, TableRows>;
  quarantine: QuarantinedRow[];
  warnings: ExtractWarning[];
  reports: FileReport[];
  notes: string[];
}

/** The internal columns each table is loaded with from the returns (schema.sql). */
export const RETURN_COLUMNS: Record<string, string[]> = {
  person: ['person_id', 'dob', 'sex', 'ethnicity', 'death_date', 'upn', 'expected_dob'],
  referral: ['referral_id', 'person_id', 'referral_date', 'close_date', 'nfa', 'primary_need_code', 'referral_source_code'],
  s47_enquiry: ['s47_id', 'person_id', 'start_date', 'referral_id'],
  icpc: ['icpc_id', 'person_id', 'icpc_date', 's47_id', 'referral_id'],
  cp_plan: ['cp_plan_id', 'person_id', 'start_date', 'end_date', 'referral_id', 'initial_category', 'latest_category', 'previous_plans'],
  cp_review: ['cp_review_id', 'cp_plan_id', 'review_date', 'person_id'],
  // no iro_consulted / sw_attended / care_plan_current: the SSDA903 does not carry them, so those indicators say "no data"
  cla_episode: ['cla_episode_id', 'person_id', 'start_date', 'end_date', 'cla_id', 'start_reason', 'ceased_reason', 'legal_status', 'placement_type'],
  cla_review: ['cla_review_id', 'review_date', 'person_id', 'participation'],
};

const ID_PREFIX: Record<string, string> = {
  referral: 'REF',
  s47_enquiry: 'S47',
  icpc: 'ICPC',
  cp_plan: 'CPP',
  cp_review: 'CPR',
  cla_episode: 'CLAE',
  cla_review: 'CLAR',
};

/** An identifier made from a record's key: `REF/<child>/<date>[#n]` (the returns carry no IDs; extract.md). */
export function recordId(table: string, key: string): string {
  return table === 'person' ? key : `${ID_PREFIX[table] ?? table}/${key}`;
}

/**
 * Hands out record keys within one return: `child/date`, and `child/date#2`
 * for a second record of the same table, child and date in the same return
 * (two reviews held on one day are two reviews; the same review in two
 * returns is one).
 */
export class KeyMaker {
  private readonly seen = new Map<string, number>();
  make(table: string, base: string): string {
    const k = `${table}\u0000${base}`;
    const n = (this.seen.get(k) ?? 0) + 1;
    this.seen.set(k, n);
    return n === 1 ? base : `${base}#${n}`;
  }
}

/** Collection year label: 2016 -> 2016/17. */
export function yearLabel(year: number | null): string {
  return year === null ? 'an unknown year' : financialYearStarting(year).label;
}

/** The financial year (first calendar year) an ISO date falls in. */
export function financialYear(date: string): number {
  return Number(financialYearOf(date).start.slice(0, 4));
}

export function stackReturns(returns: ParsedReturn[], knownPersons: Set<string>): StackResult {
  const ordered = [...returns].sort(compareReturns);
  const finals = new Map<string, Map<string, ReturnRecord>>();
  for (const r of ordered) for (const t of r.tables) if (!finals.has(t)) finals.set(t, new Map());
  const inSsd = new Map<ParsedReturn, number>();
  for (const r of ordered) {
    for (const rec of r.records) {
      // a child ssd_person.csv describes keeps its SSD row (mergeStacked)
      if (rec.table === 'person' && knownPersons.has(rec.child)) {
        inSsd.set(r, (inSsd.get(r) ?? 0) + 1);
        continue;
      }
      let m = finals.get(rec.table);
      if (!m) finals.set(rec.table, (m = new Map()));
      m.delete(rec.key); // re-inserted: keep the latest return's position too
      m.set(rec.key, rec);
    }
  }
  const records = (table: string): ReturnRecord[] => [...(finals.get(table)?.values() ?? [])];
  const warnings: ExtractWarning[] = [];
  const quarantine: ReturnQuarantine[] = ordered.flatMap((r) => r.quarantine);

  warnings.push(...periodsOfCare(records('cla_episode')));

  // every row must name a child some return (or ssd_person.csv) describes
  const persons = new Set(knownPersons);
  for (const p of records('person')) persons.add(p.child);
  for (const [table, m] of finals) {
    if (table === 'person') continue;
    for (const rec of [...m.values()]) {
      if (persons.has(rec.child)) continue;
      m.delete(rec.key);
      quarantine.push({
        table,
        file: rec.file,
        line: rec.line,
        column: rec.childColumn,
        value: rec.child,
        reason: 'refers to a child described in no return (no SSDA903 header row, CIN census ChildIdentifiers or ssd_person.csv row, or that row was quarantined)',
      });
    }
  }
  // a review whose plan is not loaded goes with it
  const plans = new Set(records('cp_plan').map((p) => p.values.cp_plan_id));
  const reviews = finals.get('cp_review');
  for (const rec of [...(reviews?.values() ?? [])]) {
    if (plans.has(rec.values.cp_plan_id ?? null)) continue;
    reviews!.delete(rec.key);
    quarantine.push({ table: 'cp_review', file: rec.file, line: rec.line, column: 'CPPreviewDate', value: rec.values.review_date ?? null, reason: 'belongs to a plan that was not loaded (quarantined)' });
  }

  for (const [, m] of finals) {
    for (const rec of m.values()) for (const w of rec.warnings) warnings.push({ rule: w.rule, file: rec.file, line: rec.line, message: w.message });
  }
  warnings.push(...ruleWarnings((t) => records(t)));
  warnings.push(...crossReturnWarnings(ordered));
  warnings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));

  const tables = new Map<string, TableRows>();
  for (const [table, m] of finals) {
    const columns = RETURN_COLUMNS[table];
    if (!columns) throw new Error(`internal: no columns for ${table}`);
    const rows: TableRows = { table, columns, rows: [], files: [], lines: [] };
    const sorted = [...m.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
    for (const rec of sorted) {
      rows.rows.push(columns.map((c) => rec.values[c] ?? null));
      rows.files.push(rec.file);
      rows.lines.push(rec.line);
    }
    tables.set(table, rows);
  }

  const reports = ordered.flatMap((r) => r.reports);
  // a return's table covers from the start of its earliest collection year (load.ts, coverage)
  for (const r of ordered) for (const f of r.reports) f.collectionYear = r.year;
  const loaded = new Map<string, number>();
  for (const [table, rows] of tables) for (const f of rows.files) loaded.set(`${f}\u0000${table}`, (loaded.get(`${f}\u0000${table}`) ?? 0) + 1);
  const bad = new Map<string, number>();
  for (const q of quarantine) bad.set(`${q.file}\u0000${q.table}`, (bad.get(`${q.file}\u0000${q.table}`) ?? 0) + 1);
  for (const f of reports) {
    f.rowsLoaded = loaded.get(`${f.file}\u0000${f.table}`) ?? 0;
    f.rowsQuarantined = bad.get(`${f.file}\u0000${f.table}`) ?? 0;
  }

  const notes: string[] = [];
  for (const r of ordered) {
    const mine = reports.filter((f) => r.reports.includes(f));
    const read = mine.reduce((n, f) => n + f.rowsRead, 0);
    const used = mine.reduce((n, f) => n + f.rowsLoaded, 0);
    const quarantined = mine.reduce((n, f) => n + f.rowsQuarantined, 0);
    const ssdChildren = inSsd.get(r) ?? 0;
    const superseded = read - used - quarantined - ssdChildren;
    const parts = mine.filter((f) => f.rowsLoaded > 0).map((f) => `${f.rowsLoaded} ${f.table}`);
    notes.push(
      `${r.label}: ${r.title} for ${yearLabel(r.year)}${r.asOf ? ` (to ${r.asOf})` : ''}, read by ${r.adapter}${r.yearRule ? `, year ${r.yearRule}` : ''}: ` +
        `${read} record(s); loaded from it ${parts.length > 0 ? parts.join(', ') : 'nothing'}` +
        `${superseded > 0 ? `; ${superseded} also in a later return, which wins` : ''}` +
        `${ssdChildren > 0 ? `; ${ssdChildren} child(ren) described by ssd_person.csv instead` : ''}${quarantined > 0 ? `; ${quarantined} quarantined` : ''}`,
    );
    notes.push(...r.notes);
  }
  return { tables, quarantine: quarantine.map(({ table: _t, ...q }) => q), warnings, reports, notes: [...new Set(notes)] };
}

/**
 * One return per format and collection year (extract.md v2): two are rejected
 * naming both (which one is right is the LA's to say, and mixing them keeps
 * records with different dates from both), unless their files are the same
 * bytes: then the first by name is read and a note says so. A return whose
 * year is unknown is not compared.
 */
export function oneReturnPerYear(returns: ParsedReturn[]): { returns: ParsedReturn[]; problems: InputRejected[]; notes: string[] } {
  const kept: ParsedReturn[] = [];
  const problems: InputRejected[] = [];
  const notes: string[] = [];
  const content = (r: ParsedReturn) => [...new Set(r.reports.map((f) => f.sha256))].sort().join(',');
  const first = new Map<string, ParsedReturn>();
  for (const r of [...returns].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))) {
    if (r.year === null) {
      kept.push(r);
      continue;
    }
    const k = `${r.format}\u0000${r.year}`;
    const other = first.get(k);
    if (!other) {
      first.set(k, r);
      kept.push(r);
    } else if (content(r) === content(other) && content(r) !== '') {
      notes.push(`${r.label}: the same ${r.title} for ${yearLabel(r.year)} as ${other.label} (identical files): read once, from ${other.label}`);
    } else {
      problems.push(
        new InputRejected(
          { file: r.label },
          `is a second ${r.title} for ${yearLabel(r.year)} (the other is ${other.label}), with different contents: keep one return per collection year in the extract (the latest resubmission), and take the other out`,
        ),
      );
    }
  }
  return { returns: returns.filter((r) => kept.includes(r)), problems, notes };
}

/** Collection year, then the date the return runs to, then the path: the later one wins. */
export function compareReturns(a: ParsedReturn, b: ParsedReturn): number {
  const ya = a.year ?? -1;
  const yb = b.year ?? -1;
  if (ya !== yb) return ya - yb;
  const da = a.asOf ?? '';
  const db = b.asOf ?? '';
  if (da !== db) return da < db ? -1 : 1;
  return a.label < b.label ? -1 : a.label > b.label ? 1 : 0;
}

/**
 * Periods of care (extract.md section 2): a child's episodes in start order;
 * an episode with `RNE = S` starts a period, which takes in the following
 * episodes until the next `S`. The period's ID is made from its first
 * episode. Episodes before a child's first `S` (the returns begin mid-care)
 * belong to a period of care that began before the data (extract.md v2): it
 * is grouped from the earliest of them, which keeps its `RNE` in
 * start_reason, so views.ts knows the period's start is unknown (never that
 * episode's DECOM), with a warning.
 */
function periodsOfCare(episodes: ReturnRecord[]): ExtractWarning[] {
  const warnings: ExtractWarning[] = [];
  const byChild = new Map<string, ReturnRecord[]>();
  for (const e of episodes) {
    const list = byChild.get(e.child);
    if (list) list.push(e);
    else byChild.set(e.child, [e]);
  }
  for (const list of byChild.values()) {
    list.sort((a, b) => {
      const sa = a.values.start_date ?? '';
      const sb = b.values.start_date ?? '';
      return sa < sb ? -1 : sa > sb ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    });
    let current: string | null = null;
    for (const e of list) {
      const startsCare = (e.values.start_reason ?? '').trim().toUpperCase() === 'S';
      if (startsCare || current === null) {
        current = `POC/${e.key}`;
        if (!startsCare) {
          warnings.push({
            rule: null,
            file: e.file,
            line: e.line,
            message: "a child's earliest episode in the returns does not start a period of care (RNE is not S): the period of care began before the data, and its start is unknown",
          });
        }
      }
      e.values.cla_id = current;
    }
  }
  return warnings;
}

/**
 * Adds the stacked returns to what the SSD files staged. One extract may mix
 * formats, table by table: a table given by both an SSD file and a return
 * would count its records twice, so that rejects the extract. Children are
 * the exception: an SSD person row stands, and the returns add the children
 * it does not have (stackReturns already left those out).
 */
export async function mergeStacked(db: Database, parsed: ParsedExtract, stacked: StackResult): Promise<void> {
  const staged = await stagedTables(db);
  for (const [table, rows] of stacked.tables) {
    if (staged.has(table) && table !== 'person') {
      const ssdFile = parsed.files.find((f) => f.table === table)?.file ?? table;
      const from = [...new Set(rows.files)].slice(0, 3).join(', ');
      throw new InputRejected({ file: ssdFile }, `gives ${table} records, and so do the returns (${from}${new Set(rows.files).size > 3 ? ', ...' : ''}); an extract takes each table from one source`);
    }
    await appendStage(db, rows);
  }
  parsed.files.push(...stacked.reports);
  await appendQuarantine(db, stacked.quarantine);
  parsed.warnings.push(...stacked.warnings);
  parsed.notes.push(...stacked.notes);
}

/** The children the SSD person file staged. */
export async function personIds(db: Database): Promise<Set<string>> {
  if (!(await stagedTables(db)).has('person')) return new Set();
  const rows = await db.all<{ person_id: string }>(`SELECT person_id FROM ${stageTable('person')} WHERE person_id IS NOT NULL`);
  return new Set(rows.map((r) => r.person_id));
}
