/*
 * Checks across files, after each file has been read on its own: a row that
 * names a child, plan or period of care the extract does not contain is a bad
 * row (extract.md). Run in dependency order, so a review of a quarantined plan
 * is quarantined too, with a reason that says so.
 */
import type { Database } from '../db.ts';
import { ident, literal } from '../db.ts';
import { QUARANTINE, stageTable, stagedTables } from './staging.ts';

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

export async function checkReferences(db: Database): Promise<void> {
  const staged = await stagedTables(db);
  await checkBeforeBirth(db, staged);
  for (const ref of REFERENCES) {
    const from = staged.get(ref.table);
    const to = staged.get(ref.target);
    if (!from || !to || !from.includes(ref.column) || !to.includes(ref.targetColumn)) continue;
    const sourceColumn = ref.column === 'person_id' ? SOURCE_PERSON_COLUMN[ref.table]! : ref.sourceColumn;
    const col = ident(ref.column);
    const unknown = `${col} IS NOT NULL AND ${col} NOT IN (SELECT ${ident(ref.targetColumn)} FROM ${stageTable(ref.target)} WHERE ${ident(ref.targetColumn)} IS NOT NULL)`;
    const found = await db.change(
      `INSERT INTO ${QUARANTINE} SELECT file, line, ${literal(sourceColumn)}, ${col}, ${literal(`refers to ${ref.what}`)}
       FROM ${stageTable(ref.table)} WHERE ${unknown} ORDER BY rowid`,
    );
    if (found > 0) await db.run(`DELETE FROM ${stageTable(ref.table)} WHERE ${unknown}`);
  }
}

/**
 * A care episode cannot start before the child was born. Referrals, section 47
 * enquiries, conferences and plans can: pre-birth assessments and plans for
 * unborn babies are ordinary practice, so those dates are not checked.
 */
async function checkBeforeBirth(db: Database, staged: Map<string, string[]>): Promise<void> {
  if (!staged.get('person')?.includes('dob') || !staged.get('cla_episode')?.includes('start_date')) return;
  // dates are ISO text here, so text order is date order
  const early = `start_date IS NOT NULL AND EXISTS (SELECT 1 FROM ${stageTable('person')} p WHERE p.person_id = e.person_id AND p.dob IS NOT NULL AND e.start_date < p.dob)`;
  const found = await db.change(
    `INSERT INTO ${QUARANTINE} SELECT file, line, 'clae_cla_episode_start_date', start_date, 'starts before the child''s date of birth'
     FROM ${stageTable('cla_episode')} e WHERE ${early} ORDER BY rowid`,
  );
  if (found > 0) await db.run(`DELETE FROM ${stageTable('cla_episode')} e WHERE ${early}`);
}
