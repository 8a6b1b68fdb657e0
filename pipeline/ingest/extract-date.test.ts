/*
 * The extract date found from the data when --extract-date is not given
 * (indicators.md v2 "Extract date"; issue 18 finding 7): by source (SSD
 * events, CIN census ReferenceDate and Source/DateTime, SSDA903 year end, the
 * latest for a mix), said with its rule; what happens to dates after it; and
 * the extract date as part of a snapshot's identity. SAFEGUARD_TODAY stands
 * in for today.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../db.ts';
import { createSnapshotViews } from '../views.ts';
import { runCli } from '../../test-support/cli.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'safeguard-date-'));
});
afterEach(() => {
  delete process.env.SAFEGUARD_TODAY;
  rmSync(dir, { recursive: true, force: true });
});

function extract(name: string, files: Record<string, string>): string {
  const d = join(dir, name);
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(dirname(join(d, f)), { recursive: true });
    writeFileSync(join(d, f), text);
  }
  return d;
}

const csv = (...lines: string[]) => `${lines.join('\n')}\n`;
const POPULATION = 'year,population\n2016,10000\n2017,10000\n';

const SSD = {
  // a date of birth after every event is never the extract date
  'ssd_person.csv': csv('pers_person_id,pers_dob', 'C1,2010-01-01', 'C2,2017-05-01', 'C3,2012-01-01'),
  'ssd_cin_episodes.csv': csv(
    'cine_referral_id,cine_person_id,cine_referral_date,cine_close_date',
    'R1,C1,2016-05-01,2016-06-01',
    // the latest event not after today
    'R2,C3,2017-04-10,2017-05-20',
    // after today (2017-06-01): not the extract date, and not counted
    'R3,C1,2017-07-15,',
  ),
  'ssd_cp_plans.csv': csv('cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date', 'P1,C1,2016-05-23,2017-03-01'),
  // a due date is not an event
  'ssd_cp_reviews.csv': csv('cppr_cp_review_id,cppr_cp_plan_id,cppr_cp_review_date,cppr_cp_review_due', 'V1,P1,2016-08-10,2017-05-30'),
  'population.csv': POPULATION,
};

async function rows(dbFile: string, name: string): Promise<Record<string, unknown>[]> {
  const db = await Database.open(dbFile);
  try {
    const snap = await db.one<{ snapshot_id: string }>('SELECT snapshot_id FROM store.snapshot ORDER BY made_current DESC LIMIT 1');
    await createSnapshotViews(db, snap!.snapshot_id);
    return await db.all(`SELECT * FROM ${name} ORDER BY ALL`);
  } finally {
    db.close();
  }
}

const CENSUS = (reference: string, made: string) =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Message>',
    '  <Header>',
    `    <CollectionDetails><Collection>CIN</Collection><Year>2017</Year><ReferenceDate>${reference}</ReferenceDate></CollectionDetails>`,
    `    <Source><SourceLevel>L</SourceLevel><LEA>359</LEA><SoftwareCode>Local Authority</SoftwareCode><Release>ver 3.1.21</Release><SerialNo>001</SerialNo><DateTime>${made}</DateTime></Source>`,
    '  </Header>',
    '  <Children>',
    '    <Child>',
    '      <ChildIdentifiers><LAchildID>0042</LAchildID><PersonBirthDate>2010-01-01</PersonBirthDate><GenderCurrent>1</GenderCurrent></ChildIdentifiers>',
    '      <ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>',
    '      <CINdetails><CINreferralDate>2016-05-01</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode><ReferralNFA>false</ReferralNFA></CINdetails>',
    '    </Child>',
    '  </Children>',
    '</Message>',
    '',
  ].join('\n');

describe('the extract date found from the data', () => {
  it('is the latest SSD event date not after today, said with its rule; the default period follows it (finding 7)', async () => {
    process.env.SAFEGUARD_TODAY = '2017-06-01';
    const db = join(dir, 'db.duckdb');
    const r = await runCli('ingest', extract('ssd', SSD), '--db', db, '--la', '359');
    expect(r.code).toBe(0);
    expect(r.err).toContain(
      'Extract date 2017-04-10, found from the data (no --extract-date): the latest event date in the SSD files not after today (ssd_cin_episodes.csv, referral date).',
    );
    expect(r.err).toContain('extract taken 2017-04-10');
    const ind = await runCli('indicators', '--db', db, '--format', 'json');
    const doc = JSON.parse(ind.out) as { snapshot: { extracted_at: string }; results: { indicator: string; period: string; numerator: number; partial: boolean }[] };
    expect(doc.snapshot.extracted_at).toBe('2017-04-10');
    expect(new Set(doc.results.map((x) => x.period))).toEqual(new Set(['2016/17']));
    // a date after the extract date is loaded, not quarantined, not counted; an end after it is no end yet
    expect(r.err).toMatch(/ssd_cin_episodes\.csv\s+referral\s+3\s+3\s+0/);
    const refs = await rows(db, 'referral');
    expect(refs.map((x) => [x.referral_id, x.close_date])).toEqual([
      ['R1', '2016-06-01'],
      ['R2', null],
    ]);
    // validate says the same
    const v = await runCli('validate', extract('ssd', SSD));
    expect(v.out).toContain('Extract date 2017-04-10, found from the data');
  });

  it('reads again against the date found, so a date more than a year after it is a bad value, as with --extract-date', async () => {
    process.env.SAFEGUARD_TODAY = '2017-06-01';
    const files = { ...SSD, 'ssd_cin_episodes.csv': csv('cine_referral_id,cine_person_id,cine_referral_date,cine_close_date', 'R1,C1,2016-05-01,2018-05-01', 'R2,C3,2017-04-10,') };
    const found = await runCli('validate', extract('a', files));
    const given = await runCli('validate', extract('b', files), '--extract-date', '2017-04-10');
    expect(found.out).toContain("ssd_cin_episodes.csv, line 2, column cine_close_date: '2018-05-01' is after 2018-04-10 (the extract date plus one year)");
    expect(found.out.split('\n').slice(1)).toEqual(given.out.split('\n'));
  });

  it('is, for a CIN census, the earlier of its ReferenceDate and its Source/DateTime', async () => {
    process.env.SAFEGUARD_TODAY = '2017-06-01';
    const made = await runCli('validate', extract('made', { 'cin/census.xml': CENSUS('2017-03-31', '2017-01-15T09:30:00') }));
    expect(made.out).toContain('Extract date 2017-01-15, found from the data (no --extract-date): cin/census.xml: the earlier of its ReferenceDate and its Source/DateTime.');
    const ref = await runCli('validate', extract('ref', { 'cin/census.xml': CENSUS('2017-03-31', '2017-05-12T10:00:00') }));
    expect(ref.out).toContain('Extract date 2017-03-31, found from the data');
  });

  it('is, for an SSDA903 return, 31 March of its collection year; for a mix, the latest of the parts', async () => {
    process.env.SAFEGUARD_TODAY = '2017-06-01';
    const ret = {
      'ssda903/2016-17/header.csv': csv('CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB', '007,2,01/01/2008,WBRI,UN2,,'),
      'ssda903/2016-17/episodes.csv': csv('CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN', '007,01/05/2016,S,C2,N1,U1,PR1,,,,,,'),
    };
    const only = await runCli('validate', extract('903', ret));
    expect(only.out).toContain('Extract date 2017-03-31, found from the data (no --extract-date): ssda903/2016-17: 31 March of its collection year.');
    // the census says 2017-03-31; the SSD file's latest event is later
    const mix = await runCli(
      'validate',
      extract('mix', {
        'cin/census.xml': CENSUS('2017-03-31', '2017-05-12T10:00:00'),
        'ssd_cla_episodes.csv': csv('clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date', 'E1,0042,2017-04-20'),
      }),
    );
    expect(mix.out).toContain(
      'Extract date 2017-04-20, found from the data (no --extract-date): the latest of the dates its parts were taken: the latest event date in the SSD files not after today (ssd_cla_episodes.csv, episode start).',
    );
  });

  it('is never after today: an in-year return whose year ends later gives today, and says so', async () => {
    process.env.SAFEGUARD_TODAY = '2017-06-01';
    const inYear = {
      'ssda903/header.csv': csv('CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB', '007,2,01/01/2008,WBRI,UN2,,'),
      'ssda903/episodes.csv': csv('CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN', '007,01/05/2017,S,C2,N1,U1,PR1,,,,,,'),
    };
    const v = await runCli('validate', extract('in-year', inYear));
    expect(v.out).toContain('Extract date 2017-06-01, found from the data (no --extract-date): today: ssda903: 31 March of its collection year gives 2018-03-31, after today');
  });
});

describe('dates after the extract date', () => {
  it('are loaded, not quarantined: a record that starts after it is left out, and an end after it leaves the record open', async () => {
    const db = join(dir, 'db.duckdb');
    const r = await runCli('ingest', extract('ssd', SSD), '--db', db, '--extract-date', '2017-02-01');
    expect(r.err).toMatch(/ssd_cin_episodes\.csv\s+referral\s+3\s+3\s+0/);
    expect((await rows(db, 'referral')).map((x) => x.referral_id)).toEqual(['R1']);
    expect((await rows(db, 'cp_plan')).map((x) => [x.cp_plan_id, x.end_date])).toEqual([['P1', null]]);
  });
});

describe('the extract date is part of a snapshot', () => {
  it('the same files with another extract date are another snapshot', async () => {
    const db = join(dir, 'db.duckdb');
    const d = extract('ssd', SSD);
    const a = await runCli('ingest', d, '--db', db, '--extract-date', '2017-04-10');
    const b = await runCli('ingest', d, '--db', db, '--extract-date', '2017-05-10');
    expect(a.code).toBe(0);
    expect(b.err).toContain('Loaded snapshot');
    const again = await runCli('ingest', d, '--db', db, '--extract-date', '2017-05-10');
    expect(again.err).toContain('already loaded');
    const list = await runCli('snapshots', 'list', '--db', db);
    expect(list.out).toContain('2017-04-10');
    expect(list.out).toContain('2017-05-10');
  });
});
