/*
 * SSD extracts as real LAs export them (extract.md v2; issue 18, findings 1,
 * 3 and 8): SQL Server's NULL text, schema-prefixed file names, legal status
 * as a description, reviews not yet held, exports without text qualifiers,
 * and files or tables that end up unusable said where no one can miss them.
 * Small hand-written files in the shape of the SSD scripts' tables.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../db.ts';
import { createSnapshotViews } from '../views.ts';
import * as values from '../values.ts';
import { runCli } from '../../test-support/cli.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'safeguard-real-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function extract(name: string, files: Record<string, string>): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(join(d, f), text);
  return d;
}

const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
const POPULATION = 'year,population\n2016,10000\n';
const PEOPLE = csv('pers_person_id,pers_dob,pers_sex,pers_death_date', 'C1,2010-01-01,M,NULL', 'C2,2011-02-03,F,NULL', 'C3,2012-03-04,NULL,NULL', 'C4,2009-04-05,F,NULL');

// the tables here begin in May 2016, and cover from the month of their earliest record (indicators.md v2, "Coverage"): 2016/17 would start before them
async function figures(db: string, period = '2016-05-01..2017-03-31'): Promise<Map<string, { numerator: number | null; value: number | null }>> {
  const r = await runCli('indicators', '--db', db, '--period', period, '--format', 'json');
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.out) as { results: { indicator: string; numerator: number | null; value: number | null }[] };
  return new Map(doc.results.map((x) => [x.indicator, x]));
}

/** The rows of one of the indicators' views for the current snapshot. */
async function view(dbFile: string, name: string): Promise<Record<string, unknown>[]> {
  const db = await Database.open(dbFile);
  try {
    const snap = await db.one<{ snapshot_id: string }>('SELECT snapshot_id FROM store.snapshot ORDER BY made_current DESC LIMIT 1');
    await createSnapshotViews(db, snap!.snapshot_id);
    return await db.all(`SELECT * FROM ${name} ORDER BY ALL`);
  } finally {
    db.close();
  }
}

describe('the text NULL (SQL Server Management Studio) is an empty value', () => {
  it('in every column, any case, quoted or not, in both readers; nothing quarantined', async () => {
    const d = extract('nulls', {
      'ssd_person.csv': PEOPLE,
      // DuckDB's reader: one record per line
      'ssd_cin_episodes.csv': csv(
        'cine_referral_id,cine_person_id,cine_referral_date,cine_close_date,cine_referral_nfa,cine_cin_primary_need_code',
        'R1,C1,2016-05-01,NULL,NULL,N1',
        'R2,C2,2016-06-01,"NULL",null,NULL',
        'R3,C3,2016-07-01,2016-08-01,N,Null',
      ),
      // csv.ts: a quoted line break in a column safeguard does not read
      'ssd_cp_plans.csv': csv(
        'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date,cppl_cp_plan_initial_category,cppl_note',
        'P1,C1,2016-05-23,NULL,NULL,"two\nlines"',
        'P2,C2,2016-06-23,"NULL",NULL,NULL',
      ),
      'population.csv': POPULATION,
    });
    const v = await runCli('validate', d, '--extract-date', '2017-04-10');
    expect(v.out).toContain('No problems found.');
    expect(v.code).toBe(0);
    const db = join(dir, 'db.duckdb');
    const r = await runCli('ingest', d, '--db', db, '--extract-date', '2017-04-10');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/ssd_cin_episodes\.csv\s+referral\s+3\s+3\s+0/);
    expect(r.err).toMatch(/ssd_cp_plans\.csv\s+cp_plan\s+2\s+2\s+0/);
    const f = await figures(db);
    expect(f.get('referrals_per_10k')!.numerator).toBe(3);
    // both plans open at 31 March: NULL is no end date
    expect(f.get('cpp_per_10k')!.numerator).toBe(2);
    const refs = await view(db, 'referral');
    expect(refs.map((x) => x.close_date)).toEqual([null, null, '2016-08-01']);
    expect(refs.map((x) => x.primary_need_code)).toEqual(['N1', null, null]);
  });
});

describe('file names with a schema prefix, in any case', () => {
  it('reads ssd_development.ssd_cin_episodes.csv and dbo.SSD_PERSON.CSV as their tables', async () => {
    const d = extract('names', {
      'dbo.SSD_PERSON.CSV': PEOPLE,
      'ssd_development.ssd_cin_episodes.csv': csv('cine_referral_id,cine_person_id,cine_referral_date', 'R1,C1,2016-05-01', 'R2,C2,2016-06-01'),
      'population.csv': POPULATION,
    });
    const v = await runCli('validate', d, '--extract-date', '2017-04-10');
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/dbo\.SSD_PERSON\.CSV\s+person\s+4\s+4\s+0/);
    expect(v.out).toMatch(/ssd_development\.ssd_cin_episodes\.csv\s+referral\s+2\s+2\s+0/);
    expect(v.out).not.toContain('not read');
    // the same table twice, once with a prefix, is still two copies of one table
    const twice = extract('twice', { 'ssd_person.csv': PEOPLE, 'dbo.ssd_person.csv': PEOPLE });
    const t = await runCli('validate', twice, '--extract-date', '2017-04-10');
    expect(t.code).toBe(3);
    expect(t.err).toContain('is a second ssd_person.csv');
  });
});

describe('legal status as the 903 code, its DfE description, or both', () => {
  it('reads each form as the code, and quarantines anything else, never guessing', () => {
    expect(values.parseLegalStatus('V3')).toEqual({ ok: true, value: 'V3' });
    expect(values.parseLegalStatus(' c2 ')).toEqual({ ok: true, value: 'C2' });
    expect(values.parseLegalStatus('Full care order')).toEqual({ ok: true, value: 'C2' });
    expect(values.parseLegalStatus('FULL CARE ORDER.')).toEqual({ ok: true, value: 'C2' });
    expect(values.parseLegalStatus('V3 - Accommodated under an agreed series of short-term breaks, when individual episodes of care are recorded')).toEqual({ ok: true, value: 'V3' });
    expect(values.parseLegalStatus('V4: Accommodated under an agreed series of short term breaks')).toEqual({ ok: true, value: 'V4' });
    expect(values.parseLegalStatus('Accommodated under an agreed series of short-term breaks, when agreements are recorded (NOT individual episodes of care)')).toEqual({ ok: true, value: 'V4' });
    // cut short by the case system, naming one code only
    expect(values.parseLegalStatus('Accommodated under an agreed series of short-term breaks, when individual epi')).toEqual({ ok: true, value: 'V3' });
    expect(values.parseLegalStatus('Single period of accommodation under section 20')).toEqual({ ok: true, value: 'V2' });
    expect(values.parseLegalStatus('Sentenced to Youth Rehabilitation Order (Criminal Justice and Immigration Act 2008 as amended)')).toEqual({ ok: true, value: 'J3' });
    expect(values.parseLegalStatus('')).toEqual({ ok: true, value: null });
    // cut short where it could be V3 or V4; a code that contradicts its description; not a status
    const bad = ['Accommodated under an agreed series of short-term breaks', 'V3 - Full care order', 'Care order', 'S20', 'Full'];
    for (const b of bad) expect(values.parseLegalStatus(b).ok, b).toBe(false);
    expect(values.parseLegalStatus('Accommodated under an agreed series of short-term breaks')).toMatchObject({ reason: expect.stringContaining('V3, V4') });
  });

  it('keeps short breaks given as descriptions out of the children looked after (finding 3)', async () => {
    const d = extract('ls', {
      'ssd_person.csv': PEOPLE,
      'ssd_cla_episodes.csv': csv(
        'clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_episode_ceased_date,clae_cla_legal_status',
        'E1,C1,2016-05-01,,Full care order',
        'E2,C2,2016-06-01,,"V3 - Accommodated under an agreed series of short-term breaks, when individual episodes of care are recorded"',
        'E3,C3,2016-07-01,,"Accommodated under an agreed series of short-term breaks, when agreements are recorded (NOT individual episodes of care)"',
        'E4,C4,2016-08-01,,Care order',
      ),
      'population.csv': POPULATION,
    });
    const db = join(dir, 'db.duckdb');
    const r = await runCli('ingest', d, '--db', db, '--extract-date', '2017-04-10');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/ssd_cla_episodes\.csv\s+cla_episode\s+4\s+3\s+1/);
    // C1 only: C2 and C3 are short breaks, C4's status is not one (quarantined, not guessed)
    expect((await figures(db)).get('cla_per_10k')!.numerator).toBe(1);
    const q = await runCli('quarantine', '--db', db);
    expect(q.out + q.err).toContain('is not a 903 legal status');
    expect((await view(db, 'cla_episode')).map((e) => e.legal_status)).toEqual(['C2']);
  });

  it('reads ssd_legal_status.csv descriptions the same way', async () => {
    const d = extract('lega', {
      'ssd_person.csv': PEOPLE,
      'ssd_cla_episodes.csv': csv('clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date', 'E1,C1,2016-05-01', 'E2,C2,2016-06-01'),
      'ssd_legal_status.csv': csv(
        'lega_person_id,lega_legal_status,lega_legal_status_start_date',
        'C1,Interim care order,2016-05-01',
        'C2,"Accommodated under an agreed series of short-term breaks, when individual episodes of care are recorded",2016-06-01',
      ),
      'population.csv': POPULATION,
    });
    const db = join(dir, 'db.duckdb');
    expect((await runCli('ingest', d, '--db', db, '--extract-date', '2017-04-10')).code).toBe(0);
    expect((await figures(db)).get('cla_per_10k')!.numerator).toBe(1);
  });
});

describe('a review with a due date and no review date is a review not yet held', () => {
  it('is loaded, never quarantined, and is not a review held; a review with neither date is quarantined', async () => {
    const d = extract('due', {
      'ssd_person.csv': PEOPLE,
      'ssd_cp_plans.csv': csv('cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date', 'P1,C1,2016-05-23'),
      'ssd_cp_reviews.csv': csv(
        'cppr_cp_review_id,cppr_cp_plan_id,cppr_cp_review_date,cppr_cp_review_due',
        'V1,P1,2016-08-20,2016-08-22',
        'V2,P1,NULL,2017-02-20',
        'V3,P1,,',
      ),
      'ssd_cla_episodes.csv': csv('clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_id', 'E1,C2,2016-05-01,L1'),
      'ssd_cla_reviews.csv': csv(
        'clar_cla_review_id,clar_cla_id,clar_cla_review_date,clar_cla_review_due_date',
        'W1,L1,2016-05-20,2016-05-29',
        'W2,L1,,2017-05-10',
      ),
      'population.csv': POPULATION,
    });
    const v = await runCli('validate', d, '--extract-date', '2017-04-10');
    expect(v.out).toContain('ssd_cp_reviews.csv, line 4, column cppr_cp_review_date: cppr_cp_review_date is empty and so is cppr_cp_review_due (neither a review held nor one due)');
    expect(v.out).toContain('1 row(s) would be quarantined.');
    expect(v.code).toBe(0);
    const db = join(dir, 'db.duckdb');
    const r = await runCli('ingest', d, '--db', db, '--extract-date', '2017-04-10');
    expect(r.err).toMatch(/ssd_cp_reviews\.csv\s+cp_review\s+3\s+2\s+1/);
    expect(r.err).toMatch(/ssd_cla_reviews\.csv\s+cla_review\s+2\s+2\s+0/);
    // the reviews held only
    expect((await view(db, 'cp_review')).map((x) => x.cp_review_id)).toEqual(['V1']);
    expect((await view(db, 'cla_review')).map((x) => x.cla_review_id)).toEqual(['W1']);
  });
});

describe('an export without text qualifiers', () => {
  it('is rejected (exit 3) naming the columns whose values hold commas and how to export again; no row is quarantined one by one', async () => {
    const d = extract('unquoted', {
      'ssd_person.csv': PEOPLE,
      'ssd_cin_episodes.csv': csv(
        'cine_referral_id,cine_person_id,cine_referral_date,cine_referral_notes,cine_close_date,cine_contact_json',
        'R1,C1,2016-05-01,School raised concerns, attendance low,2016-06-01,{"source": "school", "by": "DSL"}',
        'R2,C2,2016-06-01,No further action,,{}',
        'R3,C3,2016-07-01,Police, then health visitor, then school,2016-09-01,{"source": "police"}',
      ),
    });
    const db = join(dir, 'db.duckdb');
    for (const r of [await runCli('validate', d, '--extract-date', '2017-04-10'), await runCli('ingest', d, '--db', db, '--extract-date', '2017-04-10')]) {
      expect(r.code).toBe(3);
      expect(r.err).toContain('ssd_cin_episodes.csv: has more fields than its header on 2 of 3 rows: it was exported without text qualifiers');
      expect(r.err).toContain('values of cine_referral_notes, cine_contact_json hold commas');
      expect(r.err).toContain('Export it again with text qualified by "');
      expect(r.out + r.err).not.toContain('has 7 fields');
      expect(r.out + r.err).not.toMatch(/School|Police|DSL/);
    }
  });
});

describe('a file wholly or mostly quarantined, or a table with no usable rows', () => {
  const bad = {
    'ssd_person.csv': PEOPLE,
    // every start date is a text the case system wrote for "not recorded"
    'ssd_cla_episodes.csv': csv('clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date', 'E1,C1,Not recorded', 'E2,C2,Not recorded'),
    // 2 of 3 rows bad
    'ssd_cin_episodes.csv': csv('cine_referral_id,cine_person_id,cine_referral_date', 'R1,C1,2016-05-01', 'R2,C2,31/02/2016', 'R3,C3,'),
    'population.csv': POPULATION,
  };

  it('is a warning at the top of the ingest summary, and the figures have no value rather than 0', async () => {
    const db = join(dir, 'db.duckdb');
    const r = await runCli('ingest', extract('bad', bad), '--db', db, '--extract-date', '2017-04-10');
    expect(r.code).toBe(0);
    const lines = r.err.split('\n');
    expect(lines[1]).toMatch(/^WARNING: 2 parts of this extract could not be used/);
    expect(lines[2]).toBe('  ! ssd_cin_episodes.csv: 2 of 3 rows were quarantined (more than half), most for column cine_referral_date; the figures from it count only the 1 rows left');
    expect(lines[3]).toBe('  ! ssd_cla_episodes.csv: every row (2) was quarantined, most for column clae_cla_episode_start_date; nothing from it is used, and the figures that need cla_episode have no value');
    expect(r.err.indexOf('WARNING')).toBeLessThan(r.err.indexOf('Loaded snapshot'));
    expect(r.err.trimEnd().split('\n').at(-1)).toMatch(/^WARNING: 2 parts of this extract could not be used \(listed at the top\)/);
  });

  it('is counted as a problem by validate (exit 3, as for a rejected file)', async () => {
    const v = await runCli('validate', extract('bad', bad), '--extract-date', '2017-04-10');
    expect(v.code).toBe(3);
    expect(v.out.split('\n')[1]).toMatch(/^WARNING: 2 parts/);
    expect(v.err).toContain('2 problems found (listed at the top)');
    expect(v.out).not.toContain('No problems found');
  });

  it('says so for an SSD file with no rows', async () => {
    const v = await runCli('validate', extract('empty', { 'ssd_person.csv': PEOPLE, 'ssd_cp_plans.csv': 'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date\n' }), '--extract-date', '2017-04-10');
    expect(v.code).toBe(3);
    expect(v.out).toContain('  ! ssd_cp_plans.csv: no rows; the figures that need cp_plan have no value');
  });
});
