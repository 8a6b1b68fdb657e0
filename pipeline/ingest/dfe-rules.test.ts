import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeInline } from '../../test-support/compute-inline.ts';
import { Database } from '../db.ts';
import { warningSummary } from './dfe-rules.ts';
import { readBack } from '../../test-support/read-back.ts';
import type { ReadBack } from '../../test-support/read-back.ts';
import { runCli } from '../../test-support/cli.ts';

function census(year: number, children: string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Message>',
    `<Header><CollectionDetails><Collection>CIN</Collection><Year>${year}</Year><ReferenceDate>${year}-03-31</ReferenceDate></CollectionDetails></Header>`,
    '<Children>',
    ...children,
    '</Children>',
    '</Message>',
  ].join('\n');
}
const child = (id: string, ...inner: string[]) =>
  [`<Child><ChildIdentifiers><LAchildID>${id}</LAchildID><PersonBirthDate>2010-01-01</PersonBirthDate><GenderCurrent>1</GenderCurrent></ChildIdentifiers>`, ...inner, '</Child>'].join('\n');
const cin = (date: string, ...inner: string[]) => [`<CINdetails><CINreferralDate>${date}</CINreferralDate>`, ...inner, '<ReferralNFA>false</ReferralNFA></CINdetails>'].join('\n');
const s47 = (start: string, icpc: string) => `<Section47><S47ActualStartDate>${start}</S47ActualStartDate><DateOfInitialCPC>${icpc}</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired></Section47>`;
const plan = (start: string, end: string | null, reviews: string[] = []) =>
  `<ChildProtectionPlans><CPPstartDate>${start}</CPPstartDate>${end ? `<CPPendDate>${end}</CPPendDate>` : ''}<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP>${reviews.length ? `<Reviews>${reviews.map((d) => `<CPPreviewDate>${d}</CPPreviewDate>`).join('')}</Reviews>` : ''}</ChildProtectionPlans>`;

const EPISODES = 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN';
const ep = (c: string, decom: string, rne: string, dec = '') => `${c},${decom},${rne},C2,N1,U1,PR1,${dec},${dec ? 'E4A' : ''},,,,`;
const header = (...children: string[]) => ['CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB', ...children.map((c) => `${c},1,01/01/2008,WBRI,,,`)].join('\n');

const CENSUS = census(2017, [
  // 8615: the conference is a day before the enquiry starts
  child('1', cin('2016-05-01', s47('2016-05-10', '2016-05-09'))),
  // 8840: a plan starting and ending on one day; 8940: a second plan starting inside the first
  child('2', cin('2016-05-01', plan('2016-06-01', '2016-06-01')), cin('2016-07-01', plan('2016-07-01', null), plan('2016-08-01', '2016-09-01'))),
  // 8841: a review on the plan's start date
  child('3', cin('2016-05-01', plan('2016-06-01', null, ['2016-06-01', '2016-08-30']))),
]);

const FILES: Record<string, string> = {
  'population.csv': 'year,population\n2016,10000\n',
  'returns/cin/2016-17.xml': CENSUS,
  // 142: the second episode starts while the first is open (reported on the open one); and a review outside every period of care
  'returns/903/2016-17/h.csv': header('10', '11'),
  'returns/903/2016-17/e.csv': [EPISODES, ep('10', '01/05/2016', 'S'), ep('10', '01/06/2016', 'P'), ep('11', '01/05/2016', 'S', '01/06/2016')].join('\n'),
  'returns/903/2016-17/r.csv': 'CHILD,DOB,REVIEW,REVIEW_CODE\n11,01/01/2008,20/05/2016,PN1\n11,01/01/2008,20/07/2016,PN1\n',
};

const parse = (files: Record<string, string>) => readBack(Object.entries(files).map(([path, t]) => ({ path, bytes: new TextEncoder().encode(t) })), '2017-04-10');
const lineIn = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('DfE rules run on ingest', () => {
  let p: ReadBack;
  beforeAll(async () => {
    p = await parse(FILES);
  });

  it('warns with the DfE rule number, file and line', async () => {
    const cinFile = 'returns/cin/2016-17.xml';
    const byRule = (rule: string | null) => p.warnings.filter((w) => w.rule === rule).map((w) => [w.file, w.line]);
    expect(byRule('8615')).toEqual([[cinFile, lineIn(CENSUS, '2016-05-09')]]);
    expect(byRule('8840')).toEqual([[cinFile, lineIn(CENSUS, "2016-06-01</CPPstartDate><CPPendDate>2016-06-01")]]);
    expect(byRule('8940')).toEqual([[cinFile, lineIn(CENSUS, '2016-08-01</CPPstartDate>')]]);
    expect(byRule('8841')).toEqual([[cinFile, lineIn(CENSUS, '<CPPreviewDate>2016-06-01')]]);
    expect(byRule('142')).toEqual([['returns/903/2016-17/e.csv', 2]]);
    expect(byRule('501')).toEqual([]);
    expect(p.warnings.filter((w) => w.rule === null).map((w) => [w.file, w.line, w.message])).toEqual([
      ['returns/903/2016-17/r.csv', 3, expect.stringMatching(/review is dated outside every period of care/)],
    ]);
    expect(p.warnings).toHaveLength(6);
    expect(p.quarantine).toEqual([]);
  });

  it('never removes a record a figure counts: an ICPC before its s47 stays in the ICPC counts', async () => {
    const run = await computeInline(FILES, ['2016/17'], { indicators: ['icpc_per_10k', 'icpc_within_15wd_pct', 's47_proceeded_to_icpc_pct', 'cpp_ceased_3m_pct'] });
    expect(run.get('icpc_per_10k', '2016/17')).toMatchObject({ numerator: 1 });
    expect(run.get('icpc_within_15wd_pct', '2016/17')).toMatchObject({ numerator: 0, denominator: 1 });
    expect(run.get('s47_proceeded_to_icpc_pct', '2016/17')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(run.get('cpp_ceased_3m_pct', '2016/17')).toMatchObject({ numerator: 2, denominator: 2 });
  });

  it('summarises warnings counted by rule, without identifiers', async () => {
    const lines = warningSummary(p.warnings);
    expect(lines[0]).toMatch(/^Warnings .*: 6$/);
    expect(lines.slice(1).map((l) => l.trim())).toEqual(
      expect.arrayContaining([
        '1  CIN census rule 8615: section 47 start date missing or after the initial child protection conference',
        '1  SSDA903 rule 142: a new episode has started, but the previous episode has not ended',
        '1  (no DfE rule) a looked-after review is dated outside every period of care of the child: it counts for no period of care',
      ]),
    );
  });

  it("SSDA903 502: last year's open episode is not this year's first", async () => {
    const q = await parse({
      '2015-16/h.csv': header('20', '21'),
      '2015-16/e.csv': [EPISODES, ep('20', '01/05/2015', 'S'), ep('21', '01/06/2015', 'S')].join('\n'),
      '2016-17/h.csv': header('20'),
      // 20's open episode is gone and another takes its place; 21 is missing altogether
      '2016-17/e.csv': [EPISODES, ep('20', '03/05/2015', 'S', '01/08/2016')].join('\n'),
    });
    expect(q.warnings.map((w) => [w.rule, w.file, w.line])).toEqual(
      expect.arrayContaining([
        ['502', '2016-17/e.csv', 2],
        [null, '2015-16/e.csv', 3],
      ]),
    );
    expect(q.warnings.find((w) => w.rule === null)!.message).toMatch(/open at the end of this return is missing from the next return \(2016-17\)/);
  });
});

describe('DfE rules as the DfE rule text and the D2I validators read them (issue 18)', () => {
  const rules = (q: ReadBack) => q.warnings.filter((w) => w.rule !== null).map((w) => [w.rule, w.file, w.line]);

  it('SSDA903 501 needs the previous episode\'s end date: a new episode starting before it ended', async () => {
    const q = await parse({
      'r/2016-17/h.csv': header('30'),
      'r/2016-17/e.csv': [EPISODES, ep('30', '01/05/2016', 'S', '01/07/2016'), ep('30', '01/06/2016', 'P', '01/09/2016'), ep('30', '01/09/2016', 'P')].join('\n'),
    });
    expect(rules(q)).toEqual([['501', 'r/2016-17/e.csv', 3]]);
  });

  it('SSDA903 142: a previous episode still open is reported on the open episode, not as 501 on the next', async () => {
    const q = await parse({
      'r/2016-17/h.csv': header('31'),
      // line 2 open, then a new episode; the child's last episode (line 3) may be open
      'r/2016-17/e.csv': [EPISODES, ep('31', '01/05/2016', 'S'), ep('31', '01/06/2016', 'P')].join('\n'),
    });
    expect(rules(q)).toEqual([['142', 'r/2016-17/e.csv', 2]]);
  });

  it("SSDA903 502: last year's final open episode against this year's first, even when both reappear this year", async () => {
    const q = await parse({
      '2015-16/h.csv': header('32'),
      // two open episodes last year
      '2015-16/e.csv': [EPISODES, ep('32', '01/01/2016', 'S'), ep('32', '01/03/2016', 'P')].join('\n'),
      '2016-17/h.csv': header('32'),
      // both again this year, the first ending early in the year: this year's first episode is not last year's final open one
      '2016-17/e.csv': [EPISODES, ep('32', '01/01/2016', 'S', '10/04/2016'), ep('32', '01/03/2016', 'P')].join('\n'),
    });
    expect(rules(q)).toContainEqual(['502', '2016-17/e.csv', 2]);
    // and when this year starts with last year's final open episode, nothing
    const ok = await parse({
      '2015-16/h.csv': header('33'),
      '2015-16/e.csv': [EPISODES, ep('33', '01/01/2016', 'S', '01/03/2016'), ep('33', '01/03/2016', 'P')].join('\n'),
      '2016-17/h.csv': header('33'),
      '2016-17/e.csv': [EPISODES, ep('33', '01/03/2016', 'P', '01/06/2016')].join('\n'),
    });
    expect(rules(ok).filter(([r]) => r === '502')).toEqual([]);
  });

  it('CIN 8600: a referral dated after the census ReferenceDate is loaded with a warning, never silently', async () => {
    const doc = census(2017, [child('40', cin('2016-05-01')), child('41', cin('2017-04-05'))]);
    const q = await parse({ 'cin.xml': doc });
    expect(rules(q)).toEqual([['8600', 'cin.xml', lineIn(doc, '2017-04-05')]]);
    expect(q.warnings[0]!.message).toMatch(/after the census ReferenceDate, after the data collection period/);
    expect(q.tables.get('referral')!.rows).toHaveLength(2);
  });
});

describe('warnings through the CLI and the database', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'safeguard-rules-'));
    for (const [name, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(dir, 'x', name)), { recursive: true });
      writeFileSync(join(dir, 'x', name), text);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));


  it('prints them counted by rule, stores them with the snapshot, and names no child', async () => {
    const db = join(dir, 'db.duckdb');
    const r = await runCli('ingest', join(dir, 'x'), '--db', db, '--extract-date', '2017-04-10');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/Warnings \(records loaded, but check them before trusting the figures they feed\): 6/);
    expect(r.err).toMatch(/1 {2}CIN census rule 8940: child protection plans with overlapping dates/);
    for (const id of ['LAchildID>', 'REF/', 'CPP/', 'POC/']) expect(r.err).not.toContain(id);
    const d = await Database.open(db);
    try {
      const rows = await d.all<{ rule: string | null; n: number }>('SELECT rule, count(*)::INTEGER AS n FROM store.warning GROUP BY rule ORDER BY rule NULLS LAST');
      expect(rows).toEqual([
        { rule: '142', n: 1 },
        { rule: '8615', n: 1 },
        { rule: '8840', n: 1 },
        { rule: '8841', n: 1 },
        { rule: '8940', n: 1 },
        { rule: null, n: 1 },
      ]);
    } finally {
      d.close();
    }
    const v = await runCli('validate', join(dir, 'x'), '--extract-date', '2017-04-10');
    expect(v.out).toMatch(/Warnings .*: 6/);
  });
});
