/*
 * The statutory returns as LAs make them (issue 18; extract.md v2, sections
 * 2, 3 and "Stacked returns"), on small hand-written SSDA903 CSVs and CIN
 * census XML in the shape of the DfE definitions:
 * - a 903 child whose earliest episode has RNE other than S: the store keeps
 *   the start reason, and the period of care's start is unknown (finding 2);
 * - a 903 return's year from its file or folder names, else its latest DECOM
 *   (never a review keyed years ahead: finding 6), a name the data
 *   contradicts rejected; a CIN census's year from its ReferenceDate;
 * - two returns for one year rejected naming both, unless identical (finding 5);
 * - NumberOfPreviousCPP makes a repeat plan in a single census year (finding 4).
 */
import { describe, expect, it } from 'vitest';
import { computeInline } from '../../test-support/compute-inline.ts';
import { readBack } from '../../test-support/read-back.ts';
import { Database } from '../db.ts';
import { createSnapshotViews } from '../views.ts';
import { parseExtractFiles } from './extract.ts';
import { loadSnapshot } from './load.ts';
import { yearFromName } from './ssda903-csv.ts';

const HEADER = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB';
const EPISODES = 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN';
const REVIEWS = 'CHILD,DOB,REVIEW,REVIEW_CODE';
const ep = (child: string, decom: string, rne: string, dec = '') => `${child},${decom},${rne},C2,N1,U1,PR1,${dec},${dec ? 'E4A' : ''},,,,`;

/** One SSDA903 return: files named `<prefix>header.csv` etc. in `folder`. */
function ssda903(folder: string, prefix: string, episodes: string[], reviews: string[] = [], children = ['1']): Record<string, string> {
  return {
    [`${folder}/${prefix}header.csv`]: [HEADER, ...children.map((c) => `${c},1,01/01/2008,WBRI,,,`)].join('\n'),
    [`${folder}/${prefix}episodes.csv`]: [EPISODES, ...episodes].join('\n'),
    [`${folder}/${prefix}reviews.csv`]: [REVIEWS, ...reviews.map((r) => `1,01/01/2008,${r},PN1`)].join('\n'),
  };
}

function census(year: number, referenceDate: string, children: string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Message>',
    `  <Header><CollectionDetails><Collection>CIN</Collection><Year>${year}</Year><ReferenceDate>${referenceDate}</ReferenceDate></CollectionDetails></Header>`,
    '  <Children>',
    ...children,
    '  </Children>',
    '</Message>',
  ].join('\n');
}
const child = (id: string, ...inner: string[]) =>
  `    <Child><ChildIdentifiers><LAchildID>${id}</LAchildID><PersonBirthDate>2010-01-01</PersonBirthDate></ChildIdentifiers>\n${inner.map((x) => `      ${x}`).join('\n')}\n    </Child>`;
const referral = (date: string, inner = '') => `<CINdetails><CINreferralDate>${date}</CINreferralDate>${inner}<ReferralNFA>false</ReferralNFA></CINdetails>`;
const s47 = (start: string) => `<Section47><S47ActualStartDate>${start}</S47ActualStartDate><ICPCnotRequired>false</ICPCnotRequired></Section47>`;
const plan = (start: string, previous: number) =>
  `<ChildProtectionPlans><CPPstartDate>${start}</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><NumberOfPreviousCPP>${previous}</NumberOfPreviousCPP></ChildProtectionPlans>`;

const parse = (files: Record<string, string>, extractDate = '2017-04-10') => readBack(files, extractDate);

const POPULATION = { 'population.csv': 'year,population\n2015,10000\n2016,10000\n' };

describe('SSDA903: a child in care since before the data (finding 2, the store side)', () => {
  // a single-year return: in care all year, the earliest episode a change of placement (RNE = P)
  const RETURN = ssda903('903/2016-17', '', [ep('1', '15/09/2016', 'P')], ['01/06/2016', '01/12/2016']);

  it('keeps the episode start reason in the store, and the period of care has no start (never the DECOM)', async () => {
    const db = await Database.open(':memory:');
    try {
      const files = Object.entries({ ...RETURN, ...POPULATION }).map(([path, t]) => ({ path, bytes: new TextEncoder().encode(t) }));
      const parsed = await parseExtractFiles(db, files, '2017-04-10');
      const { snapshotId } = await loadSnapshot(db, parsed, { extractDir: 'inline', extractDate: '2017-04-10', la: null });
      expect(await db.all('SELECT start_date::VARCHAR AS start_date, start_reason FROM store.cla_episode')).toEqual([{ start_date: '2016-09-15', start_reason: 'P' }]);
      await createSnapshotViews(db, snapshotId);
      expect(await db.all('SELECT start_date, first_episode_start::VARCHAR AS first_episode_start, start_known FROM period_of_care')).toEqual([
        { start_date: null, first_episode_start: '2016-09-15', start_known: false },
      ]);
      // both reviews of the year belong to that period of care, the one before the episode's DECOM too
      expect(await db.all('SELECT count(*)::INTEGER AS n FROM cla_review WHERE period_of_care_id IS NOT NULL')).toEqual([{ n: 2 }]);
    } finally {
      db.close();
    }
  });

  it('warns that the period of care began before the data, and no review falls outside it', async () => {
    const p = await parse(RETURN);
    expect(p.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/began before the data, and its start is unknown/)]);
  });

  it('a known start stays the start: RNE = S', async () => {
    const db = await Database.open(':memory:');
    try {
      const files = Object.entries(ssda903('903/2016-17', '', [ep('1', '15/09/2016', 'S')])).map(([path, t]) => ({ path, bytes: new TextEncoder().encode(t) }));
      const { snapshotId } = await loadSnapshot(db, await parseExtractFiles(db, files, '2017-04-10'), { extractDir: 'inline', extractDate: '2017-04-10', la: null });
      await createSnapshotViews(db, snapshotId);
      expect(await db.all('SELECT start_date::VARCHAR AS start_date, start_known FROM period_of_care')).toEqual([{ start_date: '2016-09-15', start_known: true }]);
    } finally {
      db.close();
    }
  });
});

describe("a return's year (finding 6)", () => {
  it('reads a year from file and folder names; dates in a name are not years', () => {
    expect(yearFromName('SSDA903_2017_episodes.csv')).toBe(2016);
    expect(yearFromName('2016-17')).toBe(2016);
    expect(yearFromName('903_2017')).toBe(2016);
    expect(yearFromName('SSDA903_2016-17_Header.csv')).toBe(2016);
    expect(yearFromName('2016_2017')).toBe(2016);
    expect(yearFromName('in-year 2017-18 to 2017-04-10')).toBe(2017);
    expect(yearFromName('episodes.csv')).toBeNull();
    expect(yearFromName('SSDA903_2016_and_2018.csv')).toBeNull(); // two years: none
  });

  it('takes the latest episode start, not a review keyed years ahead', async () => {
    const p = await parse(ssda903('903', '', [ep('1', '01/05/2015', 'S')], ['20/05/2015', '20/05/2027']), '2027-06-01');
    expect(p.notes).toContainEqual(expect.stringMatching(/^903: SSDA903 return for 2015\/16 \(to 2015-05-20\), read by ssda903-csv, year from its latest episode start \(DECOM\):/));
    expect(p.notes.join('\n')).not.toMatch(/2027\/28/);
  });

  it('takes the year the file names give, over the folder and the dates; the output says which rule gave it', async () => {
    const p = await parse({
      ...ssda903('returns/2015-16', 'SSDA903_2017_', [ep('1', '01/05/2016', 'S')]),
      ...ssda903('returns/903_2016', '', [ep('1', '01/05/2015', 'S')]),
    });
    expect(p.notes).toContainEqual(expect.stringMatching(/^returns\/2015-16: SSDA903 return for 2016\/17 .*, year from its file names:/));
    expect(p.notes).toContainEqual(expect.stringMatching(/^returns\/903_2016: SSDA903 return for 2015\/16 .*, year from its folder name \(903_2016\):/));
  });

  it('files of one folder naming different years are different returns', async () => {
    const p = await parse({ ...ssda903('903', 'SSDA903_2016_', [ep('1', '01/05/2015', 'S')]), ...ssda903('903', 'SSDA903_2017_', [ep('1', '01/05/2015', 'S', '01/06/2016')]) });
    expect(p.notes.filter((n) => /: SSDA903 return for/.test(n))).toEqual([
      expect.stringMatching(/^903 \(files naming 2015\/16\): SSDA903 return for 2015\/16 .*year from its file names/),
      expect.stringMatching(/^903 \(files naming 2016\/17\): SSDA903 return for 2016\/17 .*year from its file names/),
    ]);
  });

  it('rejects a named year that an episode start falls after, naming both (exit 3, no date quoted)', async () => {
    const error = await parse(ssda903('903/2015-16', '', [ep('1', '01/05/2015', 'S'), ep('1', '02/04/2016', 'P')])).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/903\/2015-16\/episodes\.csv, line 3, column DECOM: has an episode starting after 2015\/16, the year 903\/2015-16 names/);
    expect(error?.message).not.toContain('02/04/2016');
    expect(error?.message).not.toContain('2016-04-02');
  });

  it('CIN census: the year ending on its ReferenceDate, with a note where the header Year disagrees', async () => {
    const p = await parse({ 'cin.xml': census(2016, '2017-03-31', [child('5', referral('2016-05-01'))]) });
    expect(p.notes).toContainEqual(expect.stringMatching(/^cin\.xml: CIN census for 2016\/17 \(to 2017-03-31\), read by cin-census-xml, year from its ReferenceDate:/));
    expect(p.notes).toContainEqual(expect.stringMatching(/^cin\.xml: the header Year says 2015\/16 and the ReferenceDate 2017-03-31 ends 2016\/17/));
  });
});

describe('two returns for one year (finding 5)', () => {
  it('rejects two CIN censuses for one year with different contents, naming both', async () => {
    const a = census(2017, '2017-03-31', [child('5', referral('2016-05-01', s47('2016-05-03')))]);
    const b = census(2017, '2017-03-31', [child('5', referral('2016-05-01', s47('2016-05-04')))]);
    await expect(parse({ 'cin/a.xml': a, 'cin/b.xml': b })).rejects.toThrow(/cin\/b\.xml: is a second CIN census for 2016\/17 \(the other is cin\/a\.xml\)/);
  });

  it('reads identical returns once, with a note', async () => {
    const a = census(2017, '2017-03-31', [child('5', referral('2016-05-01', s47('2016-05-03')))]);
    const p = await parse({ 'cin/a.xml': a, 'cin/copy of a.xml': a });
    expect(p.tables.get('s47_enquiry')!.rows).toHaveLength(1);
    expect(p.notes).toContainEqual('cin/copy of a.xml: the same CIN census for 2016/17 as cin/a.xml (identical files): read once, from cin/a.xml');
  });

  it('rejects two SSDA903 returns for one year in two folders, naming both', async () => {
    await expect(
      parse({ ...ssda903('a/2016-17', '', [ep('1', '01/05/2016', 'S')]), ...ssda903('b/2016-17', '', [ep('1', '02/05/2016', 'S')]) }),
    ).rejects.toThrow(/b\/2016-17: is a second SSDA903 return for 2016\/17 \(the other is a\/2016-17\)/);
  });
});

describe('NumberOfPreviousCPP (finding 4)', () => {
  it('is carried to the store, and a plan with 1 or more previous plans is a repeat in a single census year', async () => {
    const doc = census(2017, '2017-03-31', [child('5', referral('2016-05-01', plan('2016-06-01', 10))), child('6', referral('2016-05-01', plan('2016-06-02', 0)))]);
    const p = await parse({ 'cin.xml': doc });
    const t = p.tables.get('cp_plan')!;
    expect(t.rows.map((r) => r[t.columns.indexOf('previous_plans')])).toEqual(['10', '0']);
    const run = await computeInline({ 'cin.xml': doc, ...POPULATION }, ['2016/17'], { indicators: ['cpp_repeat_pct', 'cpp_repeat_2y_pct'], extractDate: '2017-04-10' });
    expect(run.get('cpp_repeat_pct', '2016/17')).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    // the 2-year measure needs the earlier plan's end date: NumberOfPreviousCPP alone cannot count
    expect(run.get('cpp_repeat_2y_pct', '2016/17')).toMatchObject({ numerator: 0, denominator: 2 });
  });
});
