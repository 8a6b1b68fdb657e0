import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeInline } from '../../test-support/compute-inline.ts';
import { readBack } from '../../test-support/read-back.ts';
import type { ReadBack as ParsedExtract } from '../../test-support/read-back.ts';
import { runCli } from '../../test-support/cli.ts';

// ---- small return builders -------------------------------------------------

function census(year: number, children: string[], referenceDate = `${year}-03-31`): string {
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

function child(id: string, ...inner: string[]): string {
  return [
    `    <Child><ChildIdentifiers><LAchildID>${id}</LAchildID><PersonBirthDate>2010-01-01</PersonBirthDate><GenderCurrent>2</GenderCurrent></ChildIdentifiers>`,
    '      <ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>',
    ...inner.map((x) => `      ${x}`),
    '    </Child>',
  ].join('\n');
}

function referral(date: string, inner = '', close?: string): string {
  return `<CINdetails><CINreferralDate>${date}</CINreferralDate><ReferralSource>1A</ReferralSource>${close ? `<CINclosureDate>${close}</CINclosureDate>` : ''}${inner}<ReferralNFA>false</ReferralNFA></CINdetails>`;
}

function plan(start: string, end: string | null, reviews: string[] = []): string {
  const r = reviews.length > 0 ? `<Reviews>${reviews.map((d) => `<CPPreviewDate>${d}</CPPreviewDate>`).join('')}</Reviews>` : '';
  return `<ChildProtectionPlans><CPPstartDate>${start}</CPPstartDate>${end ? `<CPPendDate>${end}</CPPendDate>` : ''}<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP>${r}</ChildProtectionPlans>`;
}

function s47(start: string, icpc?: string): string {
  return `<Section47><S47ActualStartDate>${start}</S47ActualStartDate>${icpc ? `<DateOfInitialCPC>${icpc}</DateOfInitialCPC>` : ''}<ICPCnotRequired>false</ICPCnotRequired></Section47>`;
}

const HEADER = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB';
const EPISODES = 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN';
const REVIEWS = 'CHILD,DOB,REVIEW,REVIEW_CODE';

/** One SSDA903 return in a folder: children, episodes [child, DECOM, RNE, LS, DEC?], reviews [child, date]. */
function ssda903(folder: string, episodes: [string, string, string, string, string?][], reviews: [string, string][] = []): Record<string, string> {
  const children = [...new Set([...episodes.map((e) => e[0]), ...reviews.map((r) => r[0])])];
  return {
    [`${folder}/header.csv`]: [HEADER, ...children.map((c) => `${c},1,01/01/2008,WBRI,,,`)].join('\n'),
    [`${folder}/episodes.csv`]: [EPISODES, ...episodes.map(([c, decom, rne, ls, dec]) => `${c},${decom},${rne},${ls},N1,U1,PR1,${dec ?? ''},${dec ? 'E4A' : ''},,,,`)].join('\n'),
    [`${folder}/reviews.csv`]: [REVIEWS, ...reviews.map(([c, d]) => `${c},01/01/2008,${d},PN1`)].join('\n'),
  };
}

const POPULATION = { 'population.csv': 'year,population\n2014,10000\n2015,10000\n2016,10000\n' };

const parse = (files: Record<string, string>, extractDate = '2017-04-10'): Promise<ParsedExtract> =>
  readBack(Object.entries(files).map(([path, t]) => ({ path, bytes: new TextEncoder().encode(t) })), extractDate);

function rows(p: ParsedExtract, name: string): Record<string, string | null>[] {
  const t = p.tables.get(name);
  if (!t) return [];
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i] ?? null])));
}

const figures = (run: Awaited<ReturnType<typeof computeInline>>) => run.results.map((r) => [r.indicator, r.period, r.numerator, r.denominator]);

// ---- stacking --------------------------------------------------------------

describe('stacked returns', () => {
  it('closes an episode open at one year end with the ceased date of the next return', async () => {
    const files = {
      ...POPULATION,
      ...ssda903('903/2015-16', [['1', '01/06/2015', 'S', 'C2']]),
      ...ssda903('903/2016-17', [['1', '01/06/2015', 'S', 'C2', '30/06/2016']]),
    };
    const p = await parse(files);
    expect(rows(p, 'cla_episode').map((e) => [e.start_date, e.end_date])).toEqual([['2015-06-01', '2016-06-30']]);
    const run = await computeInline(files, ['2015/16', '2016/17'], { indicators: ['cla_per_10k'] });
    expect(figures(run)).toEqual([
      ['cla_per_10k', '2015/16', 1, 10000],
      ['cla_per_10k', '2016/17', 0, 10000],
    ]);
    // the 2015/16 return's episode was superseded: it is read, not loaded, and the note says why
    expect(p.notes).toContainEqual(expect.stringMatching(/^903\/2015-16: SSDA903 return for 2015\/16 .*; 2 also in a later return, which wins$/));
  });

  it("takes a plan's end date from the later census it first appears in", async () => {
    const files = {
      ...POPULATION,
      'cin/2016.xml': census(2016, [child('5', referral('2015-05-01', '', undefined), `<CINdetails><CINreferralDate>2015-05-02</CINreferralDate>${plan('2015-06-01', null, ['2015-08-30'])}</CINdetails>`)]),
      'cin/2017.xml': census(2017, [child('5', referral('2015-05-01', '', '2016-12-01'), `<CINdetails><CINreferralDate>2015-05-02</CINreferralDate>${plan('2015-06-01', '2016-11-30', ['2016-02-25', '2016-08-20'])}</CINdetails>`)]),
    };
    const p = await parse(files);
    expect(rows(p, 'cp_plan').map((x) => [x.start_date, x.end_date, x.cp_plan_id])).toEqual([['2015-06-01', '2016-11-30', 'CPP/5/2015-06-01']]);
    // reviews are the union over the returns
    expect(rows(p, 'cp_review').map((x) => x.review_date).sort()).toEqual(['2015-08-30', '2016-02-25', '2016-08-20']);
    const run = await computeInline(files, ['2015/16', '2016/17'], { indicators: ['cpp_per_10k', 'cpp_ceased_3m_pct'] });
    expect(figures(run)).toEqual([
      ['cpp_per_10k', '2015/16', 1, 10000],
      ['cpp_per_10k', '2016/17', 0, 10000],
      ['cpp_ceased_3m_pct', '2015/16', 0, 0],
      ['cpp_ceased_3m_pct', '2016/17', 0, 1],
    ]);
  });

  it('counts a review present in two returns once, and two reviews held on one day in one return twice', async () => {
    const p = await parse({
      // the 2016/17 return was run late and repeats a review of March 2016
      'cin/a.xml': census(2016, [child('5', `<CINdetails><CINreferralDate>2015-05-02</CINreferralDate>${plan('2015-06-01', null, ['2015-08-30', '2016-03-01'])}</CINdetails>`)]),
      'cin/b.xml': census(2017, [child('5', `<CINdetails><CINreferralDate>2015-05-02</CINreferralDate>${plan('2015-06-01', null, ['2016-03-01', '2016-08-20'])}</CINdetails>`)]),
      ...ssda903('903/2015-16', [['1', '01/06/2015', 'S', 'C2']], [['1', '25/06/2015'], ['1', '15/03/2016']]),
      ...ssda903('903/2016-17', [['1', '01/06/2015', 'S', 'C2']], [['1', '15/03/2016'], ['1', '10/09/2016'], ['1', '10/09/2016']]),
    });
    expect(rows(p, 'cp_review').map((x) => x.review_date)).toEqual(['2015-08-30', '2016-03-01', '2016-08-20']);
    expect(rows(p, 'cla_review').map((x) => [x.review_date, x.cla_review_id])).toEqual([
      ['2015-06-25', 'CLAR/1/2015-06-25'],
      ['2016-03-15', 'CLAR/1/2016-03-15'],
      ['2016-09-10', 'CLAR/1/2016-09-10'],
      ['2016-09-10', 'CLAR/1/2016-09-10#2'],
    ]);
  });

  it('lays an in-year return over the annual ones: its later values win and its new records are added', async () => {
    const files = {
      ...POPULATION,
      // annual 2016/17: an enquiry of late March, its conference not yet held; a plan open at the year end
      'cin/2016-17/cin.xml': census(2017, [child('8', referral('2017-03-20', s47('2017-03-27')), referral('2016-04-05', plan('2016-04-10', null)))]),
      // in-year to 10 April 2017: the conference on 6 April, and the plan ended on 3 April
      'cin/in-year/cin.xml': census(2018, [child('8', referral('2017-03-20', s47('2017-03-27', '2017-04-06')), referral('2016-04-05', plan('2016-04-10', '2017-04-03')))], '2017-04-10'),
    };
    const p = await parse(files);
    expect(rows(p, 'icpc').map((i) => [i.icpc_date, i.s47_id])).toEqual([['2017-04-06', 'S47/8/2017-03-27']]);
    expect(rows(p, 'cp_plan').map((x) => x.end_date)).toEqual(['2017-04-03']);
    const run = await computeInline(files, ['2016/17'], { indicators: ['s47_proceeded_to_icpc_pct', 'cpp_per_10k'] });
    expect(figures(run)).toEqual([
      ['s47_proceeded_to_icpc_pct', '2016/17', 1, 1],
      ['cpp_per_10k', '2016/17', 1, 10000], // still open at 31 March 2017
    ]);
    // without the in-year return the enquiry has no conference, and the returns hold no conference at all:
    // no data, not 0 (indicators.md v2, "No data is not zero": a table with no records)
    const annual = await computeInline({ ...POPULATION, 'cin/2016-17/cin.xml': files['cin/2016-17/cin.xml'] }, ['2016/17'], { indicators: ['s47_proceeded_to_icpc_pct'] });
    expect(figures(annual)).toEqual([['s47_proceeded_to_icpc_pct', '2016/17', null, null]]);
    expect(annual.results[0]!.notes.join(' ')).toMatch(/^no data: the extract's initial child protection conferences .* hold no records/);
  });

  it('orders returns by collection year, not by file name, and keeps a record only an earlier return has', async () => {
    const p = await parse({
      // named so that the older return sorts last
      'z-old/c.xml': census(2015, [child('3', referral('2014-05-01'), referral('2013-01-01', '', '2014-06-01'))]),
      'a-new/c.xml': census(2016, [child('3', referral('2014-05-01', '', '2015-05-01'))]),
    });
    expect(rows(p, 'referral').map((r) => [r.referral_date, r.close_date])).toEqual([
      ['2014-05-01', '2015-05-01'],
      ['2013-01-01', '2014-06-01'],
    ]);
  });

  it('puts SSDA903 reviews in the period of care that contains them, as the SSD path does with clar_cla_id', async () => {
    const returns = {
      ...POPULATION,
      ...ssda903('903/2016-17', [['1', '01/06/2015', 'S', 'C2', '31/07/2015'], ['1', '01/09/2015', 'S', 'C2']], [['1', '20/06/2015'], ['1', '25/09/2015'], ['1', '20/12/2015']]),
    };
    const ssd = {
      ...POPULATION,
      'ssd_person.csv': 'pers_person_id,pers_dob\n1,2008-01-01\n',
      'ssd_cla_episodes.csv': 'clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_episode_ceased_date,clae_cla_id,clae_cla_legal_status\nE1,1,2015-06-01,2015-07-31,P1,C2\nE2,1,2015-09-01,,P2,C2\n',
      'ssd_cla_reviews.csv': 'clar_cla_review_id,clar_cla_id,clar_cla_review_date\nR1,P1,2015-06-20\nR2,P2,2015-09-25\nR3,P2,2015-12-20\n',
    };
    const indicators = ['cla_per_10k', 'cla_reviews_in_time_pct'];
    const a = await computeInline(returns, ['2015/16', '2016/17'], { indicators });
    const b = await computeInline(ssd, ['2015/16', '2016/17'], { indicators });
    expect(figures(a)).toEqual(figures(b));
    expect(figures(a)).toContainEqual(['cla_reviews_in_time_pct', '2015/16', 1, 1]);
  });
});

// ---- mixing formats --------------------------------------------------------

describe('an extract mixing SSD files and returns', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'safeguard-stack-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (files: Record<string, string>) => {
    const d = join(dir, 'x');
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(d, name)), { recursive: true });
      writeFileSync(join(d, name), text);
    }
    return d;
  };

  it('takes each table from its own source, merges the children, and says which adapter read which file', async () => {
    const files = {
      'ssd_person.csv': 'pers_person_id,pers_dob\n1,2009-01-01\n',
      'ssd_cp_plans.csv': 'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date\nP1,1,2016-06-01\n',
      ...POPULATION,
      ...ssda903('returns/903', [['1', '01/06/2016', 'S', 'C2'], ['2', '01/07/2016', 'S', 'C2']]),
    };
    const p = await parse(files);
    expect(rows(p, 'person').map((r) => [r.person_id, r.dob])).toEqual([
      ['1', '2009-01-01'], // the SSD row stands
      ['2', '2008-01-01'],
    ]);
    expect(p.files.find((f) => f.file === 'ssd_person.csv')).toMatchObject({ rowsLoaded: 1 });
    expect(p.files.find((f) => f.file === 'returns/903/header.csv')).toMatchObject({ table: 'person', rowsRead: 2, rowsLoaded: 1 });
    const r = await runCli('ingest', write(files), '--db', join(dir, 'db.duckdb'), '--extract-date', '2017-04-10');
    expect(r.code).toBe(0);
    expect(r.err).toContain('note: read by ssd-csv: population.csv, ssd_cp_plans.csv, ssd_person.csv');
    expect(r.err).toMatch(/note: returns\/903: SSDA903 return for 2016\/17 \(to 2016-07-01\), read by ssda903-csv, year from its latest episode start \(DECOM\): 4 record\(s\); loaded from it 1 person, 2 cla_episode/);
    expect(r.err).toMatch(/returns\/903\/episodes\.csv\s+cla_episode\s+2\s+2\s+0/);
  });

  it('rejects a table given both by an SSD file and by a return (it would be counted twice), writing nothing', async () => {
    const files = {
      'ssd_person.csv': 'pers_person_id,pers_dob\n1,2009-01-01\n',
      'ssd_cla_episodes.csv': 'clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date\nE1,1,2016-06-01\n',
      ...ssda903('returns/903', [['1', '01/06/2016', 'S', 'C2']]),
    };
    const db = join(dir, 'never.duckdb');
    const r = await runCli('ingest', write(files), '--db', db, '--extract-date', '2017-04-10');
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/ssd_cla_episodes\.csv: gives cla_episode records, and so do the returns \(returns\/903\/episodes\.csv\); an extract takes each table from one source/);
    expect(existsSync(db)).toBe(false);
  });

  it('rejects an extract with nothing safeguard can read, naming the returns too', async () => {
    const r = await runCli('ingest', write({ 'notes.txt': 'hello\n' }), '--db', join(dir, 'never.duckdb'));
    expect(r.code).toBe(3);
    // the formats are named by their adapters (adapters.ts), returns included
    expect(r.err).toMatch(/holds none of the files safeguard reads .*CIN census XML, recognised by content; or SSDA903 CSVs, recognised by their header row/);
  });
});
