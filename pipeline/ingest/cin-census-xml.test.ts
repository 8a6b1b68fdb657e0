import { describe, expect, it } from 'vitest';
import { computeInline } from '../../test-support/compute-inline.ts';
import { readBack } from '../../test-support/read-back.ts';
import type { ReadBack as ParsedExtract } from '../../test-support/read-back.ts';
import type { TableRows } from './types.ts';

/** A CIN census document: header plus the given Child elements. */
function census(year: number, children: string[], referenceDate = `${year}-03-31`): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Message>',
    '  <Header>',
    `    <CollectionDetails><Collection>CIN</Collection><Year>${year}</Year><ReferenceDate>${referenceDate}</ReferenceDate></CollectionDetails>`,
    '    <Source><SourceLevel>L</SourceLevel><LEA>359</LEA></Source>',
    '  </Header>',
    '  <Children>',
    ...children,
    '  </Children>',
    '</Message>',
    '',
  ].join('\n');
}

function child(id: string, ...details: string[]): string {
  return [
    '    <Child>',
    `      <ChildIdentifiers><LAchildID>${id}</LAchildID><PersonBirthDate>2010-01-01</PersonBirthDate><GenderCurrent>1</GenderCurrent></ChildIdentifiers>`,
    '      <ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>',
    ...details,
    '    </Child>',
  ].join('\n');
}

/** A CINdetails element from its inner elements (written on their own lines). */
function details(...inner: string[]): string {
  return ['      <CINdetails>', ...inner.map((x) => `        ${x}`), '      </CINdetails>'].join('\n');
}

const enc = (files: Record<string, string>) => Object.entries(files).map(([path, t]) => ({ path, bytes: new TextEncoder().encode(t) }));
const parse = (files: Record<string, string>, extractDate = '2017-04-10') => readBack(enc(files), extractDate);

/** A table's rows as objects. */
function table(p: ParsedExtract, name: string): Record<string, string | null>[] {
  const t: TableRows | undefined = p.tables.get(name);
  if (!t) return [];
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i] ?? null])));
}

describe('CIN census XML adapter', () => {
  const doc = census(2017, [
    child(
      '0042',
      details(
        '<CINreferralDate>2016-05-01</CINreferralDate>',
        '<ReferralSource>1A</ReferralSource>',
        '<PrimaryNeedCode>N1</PrimaryNeedCode>',
        '<CINclosureDate>2017-02-01</CINclosureDate>',
        '<DateOfInitialCPC>2016-07-01</DateOfInitialCPC>',
        '<Section47><S47ActualStartDate>2016-05-10</S47ActualStartDate><DateOfInitialCPC>2016-05-25</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired></Section47>',
        '<ReferralNFA>false</ReferralNFA>',
        '<ChildProtectionPlans><CPPstartDate>2016-05-25</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>EMO</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP>',
        '  <Reviews><CPPreviewDate>2016-08-20</CPPreviewDate><CPPreviewDate>2017-02-10</CPPreviewDate></Reviews></ChildProtectionPlans>',
      ),
    ),
    child('42', details('<CINreferralDate>2016-06-01</CINreferralDate>', '<ReferralSource>2A</ReferralSource>', '<ReferralNFA>1</ReferralNFA>')),
  ]);

  it('reads children, referrals, enquiries, conferences, plans and reviews into the internal model', async () => {
    const p = await parse({ 'returns/cin_2017.xml': doc });
    expect(p.quarantine).toEqual([]);
    expect(table(p, 'person').map((r) => [r.person_id, r.dob, r.sex, r.ethnicity])).toEqual([
      ['0042', '2010-01-01', '1', 'WBRI'],
      ['42', '2010-01-01', '1', 'WBRI'],
    ]);
    const referrals = table(p, 'referral');
    expect(referrals.map((r) => [r.person_id, r.referral_date, r.close_date, r.nfa, r.primary_need_code, r.referral_source_code])).toEqual([
      ['0042', '2016-05-01', '2017-02-01', 'false', 'N1', '1A'],
      ['42', '2016-06-01', null, 'true', null, '2A'],
    ]);
    const [s47] = table(p, 's47_enquiry');
    expect(s47).toMatchObject({ person_id: '0042', start_date: '2016-05-10', referral_id: referrals[0]!.referral_id });
    // the conference in the Section47 is linked to it; the one directly under CINdetails has no s47
    const icpc = table(p, 'icpc').map((i) => [i.icpc_date, i.s47_id, i.referral_id]);
    expect(icpc).toEqual(
      expect.arrayContaining([
        ['2016-05-25', s47!.s47_id, referrals[0]!.referral_id],
        ['2016-07-01', null, referrals[0]!.referral_id],
      ]),
    );
    expect(icpc).toHaveLength(2);
    const [plan] = table(p, 'cp_plan');
    expect(plan).toMatchObject({ person_id: '0042', start_date: '2016-05-25', end_date: null, initial_category: 'NEG', latest_category: 'EMO' });
    expect(table(p, 'cp_review').map((r) => [r.cp_plan_id, r.review_date])).toEqual([
      [plan!.cp_plan_id, '2016-08-20'],
      [plan!.cp_plan_id, '2017-02-10'],
    ]);
    // IDs are made from child and start date, and keep leading zeros apart
    expect(referrals[0]!.referral_id).toBe('REF/0042/2016-05-01');
    expect(referrals[1]!.referral_id).toBe('REF/42/2016-06-01');
    const report = p.files.find((f) => f.table === 'cp_plan')!;
    expect(report).toMatchObject({ file: 'returns/cin_2017.xml', adapter: 'cin-census-xml', rowsRead: 1, rowsLoaded: 1, rowsQuarantined: 0 });
    expect(p.notes.some((n) => n.startsWith('returns/cin_2017.xml: CIN census for 2016/17 (to 2017-03-31), read by cin-census-xml'))).toBe(true);
  });

  it('gives the same figures as the SSD extract of the same records', async () => {
    const periods = ['2016/17'];
    const indicators = ['referrals_per_10k', 's47_per_10k', 'icpc_per_10k', 'icpc_within_15wd_pct', 's47_proceeded_to_icpc_pct', 'cpp_per_10k'];
    const fromCensus = await computeInline({ 'c.xml': doc, 'population.csv': 'year,population\n2016,10000\n' }, periods, { indicators });
    const fromSsd = await computeInline(
      {
        'ssd_person.csv': 'pers_person_id,pers_dob\n0042,2010-01-01\n42,2010-01-01\n',
        'ssd_cin_episodes.csv': 'cine_referral_id,cine_person_id,cine_referral_date,cine_close_date,cine_referral_nfa\nR1,0042,2016-05-01,2017-02-01,N\nR2,42,2016-06-01,,Y\n',
        'ssd_s47_enquiry.csv': 's47e_s47_enquiry_id,s47e_person_id,s47e_s47_start_date\nS1,0042,2016-05-10\n',
        'ssd_initial_cp_conference.csv': 'icpc_icpc_id,icpc_person_id,icpc_icpc_date,icpc_s47_enquiry_id\nI1,0042,2016-05-25,S1\nI2,0042,2016-07-01,\n',
        'ssd_cp_plans.csv': 'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date\nP1,0042,2016-05-25\n',
        'population.csv': 'year,population\n2016,10000\n',
      },
      periods,
      { indicators },
    );
    const figures = (r: typeof fromCensus) => r.results.map((x) => [x.indicator, x.numerator, x.denominator, x.value]);
    expect(figures(fromCensus)).toEqual(figures(fromSsd));
    expect(figures(fromCensus)).toContainEqual(['icpc_within_15wd_pct', 1, 2, 50]);
  });

  it('recognises a census by its root and header, not its name; other XML is listed as not read', async () => {
    const p = await parse({
      'a/whatever.dat': doc,
      'b/other.xml': '<?xml version="1.0"?><Message><Header><CollectionDetails><Collection>SEN2</Collection></CollectionDetails></Header></Message>',
      'c/feed.xml': '<rss><channel/></rss>',
    });
    expect(p.files.filter((f) => f.adapter === 'cin-census-xml').map((f) => f.file)).toContain('a/whatever.dat');
    expect(p.notes).toEqual(expect.arrayContaining([expect.stringMatching(/^b\/other\.xml: not read \(XML, but not a CIN census/), expect.stringMatching(/^c\/feed\.xml: not read/)]));
  });

  it('rejects a census without a collection year', async () => {
    const noYear = doc.replace(/<Year>2017<\/Year><ReferenceDate>2017-03-31<\/ReferenceDate>/, '');
    await expect(parse({ 'c.xml': noYear })).rejects.toThrow(/without Header\/CollectionDetails\/Year/);
  });

  it('quarantines bad records with element and line, and still reads what is nested in them', async () => {
    const bad = census(2017, [
      child(
        '7',
        details(
          // no CINreferralDate: DfE 8600; the plan and the conference in it are still read
          '<DateOfInitialCPC>2016-09-01</DateOfInitialCPC>',
          '<ChildProtectionPlans><CPPstartDate>2016-09-01</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP></ChildProtectionPlans>',
        ),
        details('<CINreferralDate>2016-05-01</CINreferralDate>', '<CINclosureDate>2016-04-01</CINclosureDate>', '<ReferralNFA>false</ReferralNFA>'),
        details(
          '<CINreferralDate>2016-06-31</CINreferralDate>',
          '<ReferralNFA>false</ReferralNFA>',
          '<Section47><DateOfInitialCPC>2016-07-04</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired></Section47>',
          '<ChildProtectionPlans><CPPstartDate>2016-07-04</CPPstartDate><CPPendDate>2016-07-01</CPPendDate><Reviews><CPPreviewDate>2016-10-01</CPPreviewDate></Reviews></ChildProtectionPlans>',
        ),
      ),
    ]);
    const p = await parse({ 'c.xml': bad });
    const lineOf = (needle: string) => bad.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(p.quarantine.map((q) => [q.line, q.column, q.value, q.reason])).toEqual([
      // the CINdetails' own line: there is no CINreferralDate element to point at
      [lineOf('<DateOfInitialCPC>2016-09-01') - 1, 'CINreferralDate', null, expect.stringMatching(/^CINreferralDate is empty \(DfE rule 8600\)/)],
      [lineOf('<CINclosureDate>2016-04-01'), 'CINclosureDate', '2016-04-01', 'CINclosureDate is before CINreferralDate'],
      [lineOf('2016-06-31'), 'CINreferralDate', '2016-06-31', "'2016-06-31' is not a real date"],
      [lineOf('<DateOfInitialCPC>2016-07-04'), 'S47ActualStartDate', null, 'S47ActualStartDate is empty'],
      [lineOf('<CPPendDate>2016-07-01'), 'CPPendDate', '2016-07-01', 'CPPendDate is before CPPstartDate'],
      [lineOf('<CPPreviewDate>2016-10-01'), 'CPPreviewDate', '2016-10-01', 'belongs to a plan that was quarantined'],
    ]);
    expect(table(p, 'referral')).toEqual([]);
    expect(table(p, 'cp_plan').map((x) => x.start_date)).toEqual(['2016-09-01']);
    expect(table(p, 'icpc').map((x) => [x.icpc_date, x.s47_id])).toEqual([
      ['2016-09-01', null],
      ['2016-07-04', null],
    ]);
    // the conference of the enquiry with no start date is counted, with a warning (DfE 8615)
    expect(p.warnings).toEqual([{ rule: '8615', file: 'c.xml', line: lineOf('<DateOfInitialCPC>2016-07-04'), message: expect.stringMatching(/no usable start date/) }]);
    expect(p.files.find((f) => f.table === 'referral')).toMatchObject({ rowsRead: 3, rowsLoaded: 0, rowsQuarantined: 3 });
  });

  it('counts a conference recorded at both the s47 and the CIN details level once, linked, with DfE 2884', async () => {
    const twice = census(2017, [
      child(
        '9',
        details(
          '<CINreferralDate>2016-05-01</CINreferralDate>',
          '<DateOfInitialCPC>2016-05-20</DateOfInitialCPC>',
          '<Section47><S47ActualStartDate>2016-05-02</S47ActualStartDate><DateOfInitialCPC>2016-05-20</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired></Section47>',
          '<ReferralNFA>false</ReferralNFA>',
        ),
      ),
    ]);
    const p = await parse({ 'c.xml': twice });
    expect(table(p, 'icpc').map((i) => [i.icpc_date, i.s47_id])).toEqual([['2016-05-20', 'S47/9/2016-05-02']]);
    expect(p.warnings.map((w) => w.rule)).toEqual(['2884']);
  });
});
