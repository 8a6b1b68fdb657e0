/*
 * Checks across files, after each file has been read on its own: a row that
 * names a child, plan or period of care the extract does not contain is a bad
 * row (extract.md). Run in dependency order, so a review of a quarantined plan
 * is quarantined too, with a reason that says so.
 */
import { filterRows } from './ssd-csv.ts';
import type { QuarantinedRow, TableRows } from './types.ts';

interface Reference {
  table: string;
  column: string;
  sourceColumn: string;
  target: string;
  targetColumn: string;
  what: string;
}

// person references first: a plan quarantined for an unknown child takes its reviews with it
const REFERENCES: Reference[] = [
  ...['referral', 's47_enquiry', 'icpc', 'cp_plan', 'cp_review', 'cla_episode', 'legal_status', 'cla_review'].map((table) => ({
    table,
    column: 'person_id',
    sourceColumn: `${table}.person_id`,
    target: 'person',
    targetColumn: 'person_id',
    what: 'a child who is not in ssd_person.csv',
  })),
  { table: 'cp_review', column: 'cp_plan_id', sourceColumn: 'cppr_cp_plan_id', target: 'cp_plan', targetColumn: 'cp_plan_id', what: 'a plan that is not in ssd_cp_plans.csv (or was quarantined)' },
  { table: 'cla_review', column: 'cla_id', sourceColumn: 'clar_cla_id', target: 'cla_episode', targetColumn: 'cla_id', what: 'a period of care (clae_cla_id) that is not in ssd_cla_episodes.csv (or was quarantined)' },
];

const SOURCE_PERSON_COLUMN: Record<string, string> = {
  referral: 'cine_person_id',
  s47_enquiry: 's47e_person_id',
  icpc: 'icpc_person_id',
  cp_plan: 'cppl_person_id',
  cp_review: 'cppr_person_id',
  cla_episode: 'clae_person_id',
  legal_status: 'lega_person_id',
  cla_review: 'clar_cla_person_id',
};

export function checkReferences(tables: Map<string, TableRows>): QuarantinedRow[] {
  const out: QuarantinedRow[] = [];
  out.push(...checkBeforeBirth(tables));
  // the IDs each target table holds, built once (every table refers to the children)
  const knownIds = new Map<string, Set<string>>();
  for (const ref of REFERENCES) {
    const from = tables.get(ref.table);
    const to = tables.get(ref.target);
    if (!from || !to) continue;
    const ci = from.columns.indexOf(ref.column);
    const ti = to.columns.indexOf(ref.targetColumn);
    if (ci < 0 || ti < 0) continue;
    const cacheKey = `${ref.target}.${ref.targetColumn}`;
    let known = knownIds.get(cacheKey);
    if (!known) {
      known = new Set<string>();
      for (const r of to.rows) {
        const v = r[ti];
        if (v) known.add(v);
      }
      knownIds.set(cacheKey, known);
    }
    const sourceColumn = ref.column === 'person_id' ? SOURCE_PERSON_COLUMN[ref.table]! : ref.sourceColumn;
    const ids = known;
    filterRows(from, (i) => {
      const v = from.rows[i]![ci];
      if (v === null || v === undefined || ids.has(v)) return true;
      out.push({ file: from.files[i]!, line: from.lines[i]!, column: sourceColumn, value: v, reason: `refers to ${ref.what}` });
      return false;
    });
  }
  return out;
}

/**
 * A care episode cannot start before the child was born. Referrals, section 47
 * enquiries, conferences and plans can: pre-birth assessments and plans for
 * unborn babies are ordinary practice, so those dates are not checked.
 */
function checkBeforeBirth(tables: Map<string, TableRows>): QuarantinedRow[] {
  const out: QuarantinedRow[] = [];
  const person = tables.get('person');
  const episodes = tables.get('cla_episode');
  if (!person || !episodes) return out;
  const pi = person.columns.indexOf('person_id');
  const di = person.columns.indexOf('dob');
  const dob = new Map<string, string>();
  for (const r of person.rows) if (r[pi] && r[di]) dob.set(r[pi]!, r[di]!);
  const ei = episodes.columns.indexOf('person_id');
  const si = episodes.columns.indexOf('start_date');
  filterRows(episodes, (i) => {
    const row = episodes.rows[i]!;
    const born = dob.get(row[ei] ?? '');
    const start = row[si];
    if (!born || !start || start >= born) return true;
    out.push({
      file: episodes.files[i]!,
      line: episodes.lines[i]!,
      column: 'clae_cla_episode_start_date',
      value: start,
      reason: "starts before the child's date of birth",
    });
    return false;
  });
  return out;
}
