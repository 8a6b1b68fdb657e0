/*
 * Parsing DfE files into long rows and SN models: suppression codes and
 * blanks become null (never 0) with the raw cell kept, quoted empty strings
 * are read as empty, the CLA file keeps only the "at 31 March" population
 * type (with one summary count for the rest), both SN layouts give ten
 * ordered codes, and every row left out is accounted for.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../csv.ts';
import { InputRejected } from '../../errors.ts';
import { parseCell, parseDfeFile, parseDfeText, parseTimePeriod, SUPPRESSION_CODES } from './parse.ts';
import { loadRealDataset } from './real-files.ts';

const real = (name: string) => {
  const f = loadRealDataset().files.get(name);
  if (!f) throw new Error(`missing ${name}`);
  return f;
};

describe('cells', () => {
  it('reads suppression codes and blanks as null, numbers as numbers', () => {
    for (const code of SUPPRESSION_CODES) expect(parseCell(code)).toBeNull();
    expect(parseCell('')).toBeNull();
    expect(parseCell('LOW')).toBeNull();
    expect(parseCell('0')).toBe(0);
    expect(parseCell('22.6')).toBe(22.6);
    expect(parseCell('n/a')).toBeUndefined();
  });

  it('reads time periods', () => {
    expect(parseTimePeriod('2017')).toBe(2017);
    expect(parseTimePeriod('201617')).toBe(2017);
    expect(parseTimePeriod('201618')).toBeNull();
    expect(parseTimePeriod('2016/17')).toBeNull();
  });
});

describe('the real C4 file', () => {
  const c4 = () => real('c4_children_in_need_section_47s_and_icpcs_2013_to_2025.csv');

  it('gives one row per geography, year and measure, and skips nothing', () => {
    // 2,132 data lines x the 4 measure columns a comparator reads (Section47, ICPC,
    // Duration_0-10_days, Duration_11-15_days); the other 7 published columns are not kept
    expect(c4().measures).toHaveLength(2132 * 4);
    expect(c4().skipped).toEqual([]);
    expect(c4().skippedCounts).toEqual([]);
  });

  it('reads the quoted empty region of the National row as empty', () => {
    // line 2: 2025,Reporting year,National,E92000001,England,"","",,"","",...,230590,...
    const row = c4().measures.find((m) => m.level === 'National' && m.time_period === 2025 && m.measure === 'Section47');
    expect(row).toMatchObject({ region_name: '', old_la_code: '', la_name: '', value: 230590, raw: '230590' });
  });

  it('keeps suppressed cells as null with the code, never 0', () => {
    const suppressed = c4().measures.filter((m) => SUPPRESSION_CODES.includes(m.raw));
    expect(suppressed.length).toBeGreaterThan(0);
    expect(suppressed.every((m) => m.value === null)).toBe(true);
    // Hackney 2022 was not published (cyber attack): x
    const hackney = c4().measures.find((m) => m.old_la_code === '204' && m.time_period === 2022 && m.measure === 'ICPC');
    expect(hackney).toMatchObject({ value: null, raw: 'x', la_name: 'Hackney', region_name: 'Inner London' });
  });
});

describe('the real CLA file', () => {
  const cla = () => real('cla_number_and_rate_per_10k_children.csv');

  it('keeps only "at 31 March" rows and counts the rest once', () => {
    expect(cla().skippedCounts).toEqual([
      { reason: 'rows with population_type other than "Children looked after on 31 March each year" left out', count: 1670 },
    ]);
    expect(cla().skipped).toEqual([]);
    // 835 "at 31 March" rows x 2 measures
    expect(cla().measures).toHaveLength(1670);
    expect(new Set(cla().measures.map((m) => m.measure))).toEqual(new Set(['children_count', 'population_estimate']));
  });

  it('reads the columns by name (the CLA file has la_name before new_la_code)', () => {
    const wigan = cla().measures.find((m) => m.old_la_code === '359' && m.time_period === 2024 && m.measure === 'children_count');
    expect(wigan).toMatchObject({ new_la_code: 'E08000010', la_name: 'Wigan', region_name: 'North West' });
  });

  it('reads the rows of an LA that did not exist as x / z', () => {
    // 2024,...,909,Cumbria,E10000006,Children looked after on 31 March each year,x,z,z
    const cumbria = cla().measures.filter((m) => m.old_la_code === '909' && m.time_period === 2024);
    expect(cumbria.map((m) => [m.measure, m.value, m.raw])).toEqual([
      ['population_estimate', null, 'x'],
      ['children_count', null, 'z'],
    ]);
  });
});

describe('SN models', () => {
  it('reads the 2025 model: ten codes in order', () => {
    const sn = real('sn_model_2025_wide.csv');
    expect(sn.snRows).toHaveLength(153);
    expect(sn.skipped).toEqual([]);
    // 359,Wigan,5,North West,888,Very close,925,Very close,343,Close ,877,...
    expect(sn.snRows.find((r) => r.old_la_code === '359')).toEqual({
      model: '2025',
      old_la_code: '359',
      neighbours: ['888', '925', '343', '877', '860', '332', '929', '884', '808', '893'],
    });
    expect(sn.snRows.some((r) => r.old_la_code === '909' || r.old_la_code === '928')).toBe(false);
  });

  it('reads the 2021 layout: SN1/SNP pairs, trailing empty column, blank rows and the Old SNs section', () => {
    const sn = real('New_Statistical_Neighbour_Groupings_April_2021.csv');
    expect(sn.skipped).toEqual([
      { line: 154, reason: 'blank row' },
      { line: 155, reason: 'section heading "Old SNs:" (the groupings after it, of LAs since reorganised, are kept)' },
      { line: 156, reason: 'blank row' },
    ]);
    // 152 current rows + 835, 836, 837 (pre-2019 Dorset/Poole/Bournemouth) and 928 Northamptonshire
    expect(sn.snRows).toHaveLength(156);
    // 359,Wigan,359,5,North West,342,Extremely Close,372,Extremely Close,807,...
    expect(sn.snRows.find((r) => r.old_la_code === '359')?.neighbours).toEqual(['342', '372', '807', '371', '370', '384', '808', '332', '357', '812']);
    // last line: 928,Northamptonshire,928,1,East Midlands,886,Very Close,891,...
    expect(sn.snRows.find((r) => r.old_la_code === '928')?.neighbours).toEqual(['886', '891', '866', '860', '830', '881', '937', '885', '888', '887']);
    expect(sn.snRows.some((r) => r.old_la_code === '942')).toBe(false);
  });

  it('skips an SN row without ten codes, with its line', () => {
    const text = 'old_la_code,la_name,' + Array.from({ length: 10 }, (_, i) => `SN_${i + 1}`).join(',') + '\n' +
      '359,Wigan,888,925,343,877,860,332,929,884,808,\n' +
      '888,Lancashire,925,351,332,884,841,808,384,891,929,359\n';
    const p = parseDfeText(text, 'sn.csv');
    expect(p.snRows.map((r) => r.old_la_code)).toEqual(['888']);
    expect(p.skipped).toHaveLength(1);
    expect(p.skipped[0]).toMatchObject({ line: 2 });
    expect(p.skipped[0]?.reason).toMatch(/ten three-digit LA codes/);
  });
});

describe('rows that cannot be used', () => {
  const header = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,CPP_start,CPP_subsequent,CPP_subsequent_percent';
  const text = [
    header,
    '2017,Reporting year,Local authority,E92000001,England,E12000002,North West,359,E08000010,Wigan,x,452,84,18.6',
    '2017,Reporting year,Local authority,E92000001,England,E12000002,North West,359,E08000010,Wigan,x,452',
    '20X7,Reporting year,Local authority,E92000001,England,E12000002,North West,888,E10000017,Lancashire,x,1,1,1',
    '2017,Reporting year,Local authority,E92000001,England,E12000002,North West,,E10000017,Lancashire,x,1,1,1',
    '2017,Reporting year,Local authority,E92000001,England,E12000002,North West,343,E08000014,Sefton,x,n/a,,c',
    '2017,Reporting year,Local authority,E92000001,England,E12000002,North West,344,E08000015,Wirral,x,1,1,n/a',
    '201617,Reporting year,Local authority district,E92000001,England,E12000002,North West,343,E08000014,Sefton,x,1,1,1',
    '201617,Financial year,National,E92000001,England,,,,,,x,1,2,3',
  ].join('\r\n');

  const p = parseDfeText(text, 'd3.csv');

  it('lists each with its line and reason', () => {
    expect(p.kind).toBe('d3_repeat_plans');
    expect(p.skipped).toEqual([
      { line: 3, reason: 'has 12 fields; the header has 14' },
      { line: 4, reason: 'time_period "20X7" is not a year' },
      { line: 5, reason: 'a Local authority row without a three-digit old_la_code ("")' },
      // line 6's "n/a" is in CPP_start, which no comparator reads, so it is not read at all
      { line: 7, reason: 'column CPP_subsequent_percent: "n/a" is neither a number nor a suppression code (c x k low u z :)' },
    ]);
    expect(p.skippedCounts).toEqual([
      { reason: 'rows at geographic_level "Local authority district" left out (only National, Regional and Local authority are used)', count: 1 },
    ]);
  });

  it('keeps the usable cells of a partly bad row, blanks and codes as null', () => {
    const sefton = p.measures.filter((m) => m.old_la_code === '343');
    // only CPP_subsequent_percent is kept (cpp_repeat_pct's `dfe` formula): suppressed, so null with its code
    expect(sefton.map((m) => [m.measure, m.value, m.raw])).toEqual([['CPP_subsequent_percent', null, 'c']]);
    // Wirral's bad cell is skipped with its line; the row gives nothing else to keep
    expect(p.measures.filter((m) => m.old_la_code === '344')).toEqual([]);
  });

  it('reads the financial-year form of time_period', () => {
    expect(p.measures.filter((m) => m.level === 'National').map((m) => m.time_period)).toEqual([2017]);
  });

  it('rejects a file it does not recognise', () => {
    expect(() => parseDfeText('a,b\n1,2\n', 'mystery.csv')).toThrow(InputRejected);
    expect(() => parseDfeText('a,b\n1,2\n', 'mystery.csv')).toThrow(/mystery\.csv: has columns \[a, b\]; expected one of: c1_referrals/);
  });

  it('parses a CsvFile given a kind', () => {
    expect(parseDfeFile('d3_repeat_plans', parseCsv(text, 'd3.csv')).measures).toEqual(p.measures);
  });
});
