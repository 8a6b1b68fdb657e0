import { describe, expect, it } from 'vitest';
import { computeInline } from '../../test-support/compute-inline.ts';
import { readBack } from '../../test-support/read-back.ts';
import { recogniseSsda903 } from './ssda903-csv.ts';
import type { ReadBack as ParsedExtract } from '../../test-support/read-back.ts';

const HEADER = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB';
const EPISODES = 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN';
const REVIEWS = 'CHILD,DOB,REVIEW,REVIEW_CODE';

const enc = (s: string) => new TextEncoder().encode(s);
const parse = (files: Record<string, string>, extractDate = '2017-04-10') =>
  readBack(Object.entries(files).map(([path, t]) => ({ path, bytes: enc(t) })), extractDate);

function table(p: ParsedExtract, name: string): Record<string, string | null>[] {
  const t = p.tables.get(name);
  if (!t) return [];
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i] ?? null])));
}

/** An episodes row from the columns that matter. */
const ep = (child: string, decom: string, rne: string, ls: string, dec = '', rec = '') => `${child},${decom},${rne},${ls},N1,U1,PR1,${dec},${rec},,,,`;

const RETURN_2016 = {
  'ssda903/2016-17/header.csv': `\uFEFF${HEADER}\r\n007,2,01/01/2008,WBRI,UN2,,\r\n7,1,01/01/2009,WBRI,UN2,,\r\n`,
  'ssda903/2016-17/episodes.csv': [
    EPISODES,
    ep('007', '01/05/2016', 'S', 'C2', '01/08/2016', 'X1'),
    ep('007', '01/08/2016', 'P', 'C2', '01/10/2016', 'E4A'),
    ep('007', '01/12/2016', 'S', 'V2'), // a second period of care
    ep('7', '10/06/2016', 'S', 'V3', '12/06/2016', 'E13'), // a short break
  ].join('\n'),
  'ssda903/2016-17/reviews.csv': `${REVIEWS}\n007,01/01/2008,20/05/2016,PN1\n007,01/01/2008,03/01/2017,PN4\n`,
  'population.csv': 'year,population\n2016,10000\n',
};

describe('SSDA903 adapter', () => {
  it('recognises the three files by their header row, whatever their names', async () => {
    expect(recogniseSsda903(enc(`\uFEFF${HEADER}\n`))).toBe('header');
    expect(recogniseSsda903(enc(`${EPISODES}\r\n`))).toBe('episodes');
    expect(recogniseSsda903(enc(`"CHILD","DOB","REVIEW","REVIEW_CODE"\n`))).toBe('reviews');
    // an older episodes file without URN is still one
    expect(recogniseSsda903(enc('CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST\n'))).toBe('episodes');
    expect(recogniseSsda903(enc('CHILD,DOB,REVIEW\n'))).toBeNull(); // no REVIEW_CODE: not a reviews file
    const p = await parse(RETURN_2016);
    expect(p.files.filter((f) => f.adapter === 'ssda903-csv').map((f) => [f.file, f.table])).toEqual([
      ['ssda903/2016-17/header.csv', 'person'],
      ['ssda903/2016-17/episodes.csv', 'cla_episode'],
      ['ssda903/2016-17/reviews.csv', 'cla_review'],
    ]);
  });

  it("recognises the return's other tables by their headers and notes them as not used, not as unrecognised (finding 8)", async () => {
    const others: Record<string, string> = {
      'uasc.csv': 'CHILD,SEX,DOB,DUC\n007,2,01/01/2008,\n',
      'missing.csv': 'CHILD,DOB,MISSING,MIS_START,MIS_END\n',
      'oc2.csv': 'CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n',
      'oc3.csv': 'CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n',
      'ad1.csv': 'CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n',
      'placed.csv': 'CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n',
      'prevperm.csv': 'CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\n',
      'sw.csv': 'CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n',
    };
    const p = await parse({ ...RETURN_2016, ...Object.fromEntries(Object.entries(others).map(([n, t]) => [`ssda903/2016-17/${n}`, t])) });
    const titles = ['UASC', 'missing', 'OC2', 'OC3', 'AD1', 'placed for adoption', 'previous permanence', 'social worker episodes'];
    Object.keys(others).forEach((n, i) => expect(p.notes).toContain(`ssda903/2016-17/${n}: an SSDA903 ${titles[i]} file: not used (no indicator needs it)`));
    expect(p.notes.join('\n')).not.toMatch(/not read/);
    // the three files read are still the return
    expect(p.files.filter((f) => f.adapter === 'ssda903-csv')).toHaveLength(3);
  });

  it('makes periods of care from RNE = S, and reviews carry the child and no period (views.ts places them)', async () => {
    const p = await parse(RETURN_2016);
    expect(p.quarantine).toEqual([]);
    expect(table(p, 'cla_episode').map((e) => [e.person_id, e.start_date, e.end_date, e.cla_id, e.start_reason, e.ceased_reason, e.legal_status])).toEqual([
      ['007', '2016-05-01', '2016-08-01', 'POC/007/2016-05-01', 'S', 'X1', 'C2'],
      ['007', '2016-08-01', '2016-10-01', 'POC/007/2016-05-01', 'P', 'E4A', 'C2'],
      ['007', '2016-12-01', null, 'POC/007/2016-12-01', 'S', null, 'V2'],
      ['7', '2016-06-10', '2016-06-12', 'POC/7/2016-06-10', 'S', 'E13', 'V3'],
    ]);
    expect(table(p, 'cla_review')).toEqual([
      { cla_review_id: 'CLAR/007/2016-05-20', review_date: '2016-05-20', person_id: '007', participation: 'PN1' },
      { cla_review_id: 'CLAR/007/2017-01-03', review_date: '2017-01-03', person_id: '007', participation: 'PN4' },
    ]);
    expect(table(p, 'person').map((r) => [r.person_id, r.dob, r.sex])).toEqual([
      ['007', '2008-01-01', '2'],
      ['7', '2009-01-01', '1'],
    ]);
    expect(p.notes).toContainEqual(
      'ssda903/2016-17: SSDA903 return for 2016/17 (to 2017-01-03), read by ssda903-csv, year from its folder name (2016-17): 8 record(s); loaded from it 2 person, 4 cla_episode, 2 cla_review',
    );
  });

  it('gives looked-after figures, and "no data" for the three review flags it does not carry', async () => {
    const run = await computeInline(RETURN_2016, ['2016/17'], {
      indicators: ['cla_per_10k', 'cla_reviews_in_time_pct', 'cla_review_iro_consulted_pct', 'cla_review_sw_attended_pct', 'cla_review_care_plan_current_pct'],
    });
    // in care at 31 March 2017: 007 (second period); 7's short break does not count
    expect(run.get('cla_per_10k', '2016/17')).toMatchObject({ numerator: 1, denominator: 10000 });
    // the second period started 1 December 2016: first review due 20 working days later (3 January 2017, after Christmas), held that day
    expect(run.get('cla_reviews_in_time_pct', '2016/17')).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
    for (const id of ['cla_review_iro_consulted_pct', 'cla_review_sw_attended_pct', 'cla_review_care_plan_current_pct']) {
      const r = run.get(id, '2016/17');
      expect(r.value).toBeNull();
      expect(r.notes.join(' ')).toMatch(/^no data: /);
    }
  });

  it('quarantines a DEC before its DECOM (DfE rule 356) and an impossible date naming DfE rule 147, with line and column', async () => {
    const p = await parse({
      ...RETURN_2016,
      'ssda903/2016-17/episodes.csv': [
        EPISODES,
        ep('007', '01/05/2016', 'S', 'C2', '01/04/2016', 'E4A'),
        ep('007', '31/02/2017', 'S', 'C2'),
        ep('7', '01/06/2016', 'S', 'C2', '30/02/2017', 'E11'),
      ].join('\n'),
      'ssda903/2016-17/reviews.csv': `${REVIEWS}\n007,01/01/2008,31/04/2016,PN1\n`,
    });
    expect(p.quarantine.map((q) => [q.file, q.line, q.column, q.reason])).toEqual([
      ['ssda903/2016-17/episodes.csv', 2, 'DEC', 'DEC is before DECOM (DfE SSDA903 rule 356: the episode ceased before it started)'],
      ['ssda903/2016-17/episodes.csv', 3, 'DECOM', expect.stringMatching(/is not a real date \(DfE SSDA903 rule 147: a date that does not exist; the episode has no start without it/)],
      // kept without its DEC, the episode would be open: a guessed end, so it is quarantined, naming the rule
      ['ssda903/2016-17/episodes.csv', 4, 'DEC', expect.stringMatching(/\(DfE SSDA903 rule 147: .*would be read as still open/)],
      ['ssda903/2016-17/reviews.csv', 2, 'REVIEW', expect.stringMatching(/\(DfE SSDA903 rule 147: /)],
    ]);
    expect(p.files.find((f) => f.table === 'cla_episode')).toMatchObject({ rowsRead: 3, rowsLoaded: 0, rowsQuarantined: 3 });
  });

  it('keeps a child whose DOB does not exist, without the DOB, and warns with DfE rule 147', async () => {
    const p = await parse({ ...RETURN_2016, 'ssda903/2016-17/header.csv': `${HEADER}\n007,2,31/02/2008,WBRI,UN2,,\n7,1,01/01/2009,WBRI,UN2,,\n` });
    expect(p.quarantine).toEqual([]);
    expect(table(p, 'person').map((r) => [r.person_id, r.dob])).toEqual([
      ['007', null],
      ['7', '2009-01-01'],
    ]);
    expect(table(p, 'cla_episode')).toHaveLength(4); // the child's episodes stay
    expect(p.warnings.map((w) => [w.rule, w.file, w.line])).toContainEqual(['147', 'ssda903/2016-17/header.csv', 2]);
  });

  it('rejects a folder with two files of one kind (two returns mixed up)', async () => {
    await expect(parse({ 'x/e1.csv': `${EPISODES}\n`, 'x/e2.csv': `${EPISODES}\n` })).rejects.toThrow(/is a second SSDA903 episodes file in x/);
  });

  it('quarantines episodes of a child no header row describes', async () => {
    const p = await parse({ 'r/e.csv': [EPISODES, ep('99', '01/05/2016', 'S', 'C2')].join('\n') });
    expect(p.quarantine).toEqual([
      { file: 'r/e.csv', line: 2, column: 'CHILD', value: '99', reason: expect.stringMatching(/^refers to a child described in no return/) },
    ]);
  });
});
