/*
 * The comparator engine beyond the golden numbers: SN summaries with
 * suppressed or absent neighbours (n < 10, never a 0), mean/median rounding
 * done exactly, reorganised LAs (Cumbria, Northamptonshire: region and SN
 * even for a year the LA was not published), years without
 * published data, laInfo, and the period -> DfE year mapping.
 */
import { describe, expect, it } from 'vitest';
import { buildDataset, comparators, dfeTimePeriod, fyToTimePeriod, laInfo } from './comparators.ts';
import type { MeasureKind } from '../../../metrics/dfe.ts';
import type { DfeMeasureRow, GeoLevel } from './parse.ts';
import { loadRealDataset } from './real-files.ts';

function row(kind: MeasureKind, year: number, level: GeoLevel, code: string, measure: string, raw: string, region = 'North West'): DfeMeasureRow {
  const v = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : null;
  return {
    kind, time_period: year, level, measure, raw, value: v,
    old_la_code: level === 'Local authority' ? code : '', new_la_code: level === 'Local authority' ? `E0600${code}` : '',
    la_name: level === 'Local authority' ? `LA ${code}` : '', region_name: level === 'National' ? '' : region,
  };
}
const pct = (code: string, raw: string) => row('d3_repeat_plans', 2017, 'Local authority', code, 'CPP_subsequent_percent', raw);
const neighbours = ['101', '102', '103', '104', '105', '106', '107', '108', '109', '110'];

// these datasets hold only a 2025 model, forced here: which model a year takes is sn-model.test.ts's business
describe('SN summary', () => {
  // LA 100's ten neighbours: two suppressed ("c", "low"), one with no row (did not exist), seven with values
  const ds = buildDataset(
    [
      row('d3_repeat_plans', 2017, 'National', '', 'CPP_subsequent_percent', '18.7'),
      row('d3_repeat_plans', 2017, 'Regional', '', 'CPP_subsequent_percent', '18.4'),
      pct('100', '20.0'),
      pct('101', '10.0'), pct('102', 'c'), pct('103', '12.5'), pct('104', '20.0'), pct('105', 'low'),
      pct('106', '15.0'), pct('107', '9.9'), pct('108', '0'), pct('109', '30.0'),
    ],
    [{ model: '2025', old_la_code: '100', neighbours }],
  );

  it('is the mean of the neighbours with a value; suppressed and absent ones are left out, not counted as 0', () => {
    const c = comparators(ds, { indicator: 'cpp_repeat_pct', year: 2017, laOldCode: '100', snModel: '2025' });
    // values: 10.0, 12.5, 20.0, 15.0, 9.9, 0.0, 30.0 (n = 7)
    // mean = 97.4 / 7 = 13.914... -> 13.9   (with the three missing as 0 it would be 97.4 / 10 = 9.7)
    expect(c.sn).toMatchObject({ value: 13.9, n: 7, of: 10 });
    expect(c.sn.source).toBe('DfE D3 2017 (CPP_subsequent_percent as published), SN model 2025 mean of 7/10');
    expect(c.sn.note).toBe('no value for LA 102 (102): CPP_subsequent_percent suppressed ("c"); LA 105 (105): CPP_subsequent_percent suppressed ("low"); 110: did not exist in 2016/17');
    expect(c.england).toEqual({ value: 18.7, source: 'DfE D3 2017 (CPP_subsequent_percent as published), England' });
    expect(c.region.value).toBe(18.4);
  });

  it('gives the median on request (odd count: the middle value)', () => {
    // sorted: 0.0, 9.9, 10.0, 12.5, 15.0, 20.0, 30.0 -> 12.5
    expect(comparators(ds, { indicator: 'cpp_repeat_pct', year: 2017, laOldCode: '100', snModel: '2025', snStat: 'median' }).sn).toMatchObject({ value: 12.5, n: 7 });
  });

  it('rounds an even median and a mean half up, exactly', () => {
    const two = buildDataset([pct('100', '1'), pct('101', '10.0'), pct('102', '10.1')], [{ model: '2025', old_la_code: '100', neighbours }]);
    // (10.0 + 10.1) / 2 = 10.05 -> 10.1 (a float mean gives 10.049999... and toFixed 10.0)
    expect(comparators(two, { indicator: 'cpp_repeat_pct', year: 2017, laOldCode: '100', snModel: '2025', snStat: 'median' }).sn.value).toBe(10.1);
    expect(comparators(two, { indicator: 'cpp_repeat_pct', year: 2017, laOldCode: '100', snModel: '2025', snStat: 'mean' }).sn.value).toBe(10.1);
  });

  it('is null with the reasons when no neighbour has a value', () => {
    const none = buildDataset([pct('100', '1'), pct('101', 'c')], [{ model: '2025', old_la_code: '100', neighbours }]);
    const sn = comparators(none, { indicator: 'cpp_repeat_pct', year: 2017, laOldCode: '100', snModel: '2025' }).sn;
    expect(sn).toMatchObject({ value: null, n: 0, of: 10 });
    expect(sn.note).toMatch(/^no value for LA 101 \(101\): CPP_subsequent_percent suppressed \("c"\); 102: did not exist/);
  });
});

describe('values', () => {
  it('rounds a rate half up with exact arithmetic', () => {
    // 10000 * 23 / 200000 = 1.15 exactly -> 1.2 (as a float, 1.15 * 10 = 11.4999... would give 1.1)
    const ds = buildDataset([
      row('c4_s47_icpc', 2017, 'National', '', 'ICPC', '23'),
      row('ons_population', 2016, 'National', '', 'population_estimate', '200000'),
    ]);
    expect(comparators(ds, { indicator: 'icpc_per_10k', year: 2017, laOldCode: '359' }).england.value).toBe(1.2);
  });

  it('uses the ONS population of mid-(Y-1), not mid-Y', () => {
    const ds = buildDataset([
      row('c4_s47_icpc', 2017, 'National', '', 'ICPC', '100'),
      row('ons_population', 2016, 'National', '', 'population_estimate', '20000'),
      row('ons_population', 2017, 'National', '', 'population_estimate', '10000'),
    ]);
    // 10000 * 100 / 20000 = 50.0
    expect(comparators(ds, { indicator: 'icpc_per_10k', year: 2017, laOldCode: '359' }).england).toEqual({
      value: 50, source: 'DfE C4 2017 (ICPC x 10,000 / ONS mid-2016 population), England',
    });
  });

  it('computes icpc_within_15wd_pct from the duration counts; a suppressed part gives null, not a smaller number', () => {
    const ds = buildDataset([
      row('c4_s47_icpc', 2017, 'National', '', 'ICPC', '468'),
      row('c4_s47_icpc', 2017, 'National', '', 'Duration_0-10_days', '120'),
      row('c4_s47_icpc', 2017, 'National', '', 'Duration_11-15_days', '281'),
      row('c4_s47_icpc', 2017, 'Regional', '', 'ICPC', '50'),
      row('c4_s47_icpc', 2017, 'Regional', '', 'Duration_0-10_days', 'c'),
      row('c4_s47_icpc', 2017, 'Regional', '', 'Duration_11-15_days', '40'),
      row('c4_s47_icpc', 2017, 'Local authority', '359', 'ICPC', '0'),
    ]);
    const c = comparators(ds, { indicator: 'icpc_within_15wd_pct', year: 2017, laOldCode: '359' });
    // (120 + 281) / 468 * 100 = 85.68... -> 85.7
    expect(c.england.value).toBe(85.7);
    expect(c.region).toMatchObject({ value: null, note: 'Duration_0-10_days suppressed ("c")' });
    expect(c.england.source).toBe('DfE C4 2017 ((Duration_0-10_days + Duration_11-15_days)/ICPC), England');
  });
});

describe('on the real files', () => {
  const { dataset: ds } = loadRealDataset();

  it('finds a real SN group with suppressed neighbours: Lancashire 888, cpp_repeat_pct 2014/15, SN model 2025 forced', () => {
    // Darlington 841: CPP_subsequent_percent "c"; the other nine:
    // (13.2 + 20.1 + 17.5 + 20.7 + 17.4 + 14.8 + 26.6 + 6.7 + 20.9) / 9 = 17.544 -> 17.5
    const sn = comparators(ds, { indicator: 'cpp_repeat_pct', year: 2015, laOldCode: '888', snModel: '2025' }).sn;
    expect(sn).toMatchObject({ value: 17.5, n: 9, of: 10, note: 'no value for Darlington (841): CPP_subsequent_percent suppressed ("c")' });
  });

  it('has no CLA comparators before the CLA file starts (2021)', () => {
    const c = comparators(ds, { indicator: 'cla_per_10k', year: 2017, laOldCode: '359' });
    for (const b of [c.england, c.region, c.sn]) {
      expect(b.value).toBeNull();
      expect(b.note).toBe('DfE CLA has no figures for 2017 (2016/17); years loaded: 2021 to 2025');
    }
  });

  it('has no comparators for a local-only indicator', () => {
    expect(comparators(ds, { indicator: 'cpp_repeat_2y_pct', year: 2017, laOldCode: '359' }).sn).toMatchObject({ value: null, note: 'cpp_repeat_2y_pct has no DfE published equivalent' });
  });

  it('uses London as the region of a London borough (DfE tags Camden "Inner London")', () => {
    expect(laInfo(ds, '202')).toEqual({ code: '202', ons_code: 'E09000007', name: 'Camden', region: 'London' });
    expect(comparators(ds, { indicator: 'icpc_per_10k', year: 2017, laOldCode: '202' }).region.source).toMatch(/, London$/);
  });

  it('accepts the ONS code', () => {
    expect(comparators(ds, { indicator: 'icpc_per_10k', year: 2017, laOldCode: 'E08000010' })).toEqual(comparators(ds, { indicator: 'icpc_per_10k', year: 2017, laOldCode: '359' }));
  });

  it('says so for an unknown LA', () => {
    const c = comparators(ds, { indicator: 'icpc_per_10k', year: 2017, laOldCode: '999' });
    expect(c.england.value).toBe(65.9);
    expect(c.region).toMatchObject({ value: null, note: 'LA "999" is not in the DfE files' });
  });
});

describe('reorganised LAs', () => {
  const { dataset: ds } = loadRealDataset();
  const icpc = (laOldCode: string, year: number, snModel: '2025' | '2021' = '2025') => comparators(ds, { indicator: 'icpc_per_10k', year, laOldCode, snModel });

  it('laInfo describes each LA as last published, by either code', () => {
    expect(laInfo(ds, '909')).toEqual({ code: '909', ons_code: 'E10000006', name: 'Cumbria', region: 'North West' });
    expect(laInfo(ds, 'E06000063')).toEqual({ code: '942', ons_code: 'E06000063', name: 'Cumberland', region: 'North West' });
    expect(laInfo(ds, '943')).toEqual({ code: '943', ons_code: 'E06000064', name: 'Westmorland and Furness', region: 'North West' });
    expect(laInfo(ds, '928')).toEqual({ code: '928', ons_code: 'E10000021', name: 'Northamptonshire', region: 'East Midlands' });
    expect(laInfo(ds, '941')).toEqual({ code: '941', ons_code: 'E06000062', name: 'West Northamptonshire', region: 'East Midlands' });
    // Gateshead's ONS code changed (E08000020 -> E08000037): the old one still resolves
    expect(laInfo(ds, 'E08000020')).toEqual({ code: '390', ons_code: 'E08000037', name: 'Gateshead', region: 'North East' });
    expect(laInfo(ds, '999')).toBeNull();
    expect(laInfo(ds, 'E99999999')).toBeNull();
  });

  it('Cumbria 909 is not in SN model 2025, and says which model has it', () => {
    const c = icpc('909', 2017);
    expect(c.england.value).toBe(65.9);
    expect(c.region.value).toBe(83.6);
    expect(c.sn).toMatchObject({ value: null, note: 'Cumbria (909) is not in SN model 2025; it is in SN model 2021' });
  });

  it('Cumbria 909 in SN model 2021, 2016/17: North Northamptonshire (940) did not exist yet, so 9 of 10', () => {
    // 925 10000*701/143038 = 49.0; 926 10000*1149/166800 = 68.9; 830 10000*1271/151891 = 83.7;
    // 891 10000*1173/161581 = 72.6; 860 10000*766/166990 = 45.9; 885 10000*827/116203 = 71.2;
    // 935 10000*631/149935 = 42.1; 940 no row in C4 2017; 893 10000*273/59028 = 46.2; 878 10000*635/142159 = 44.7
    // mean = 524.3 / 9 = 58.255... -> 58.3
    const sn = icpc('909', 2017, '2021').sn;
    expect(sn).toMatchObject({ value: 58.3, n: 9, of: 10, note: 'no value for North Northamptonshire (940): did not exist in 2016/17' });
  });

  // issue 17: a year the LA was not published still has its region and neighbours; only its own
  // value and rank are missing (published.test.ts). Before, region and SN were null here too.
  it('Cumbria 909 did not exist in 2023/24: region and SN still formed, from the region row and the neighbours', () => {
    const c = icpc('909', 2024, '2021');
    expect(c.england.value).toBe(59.9);
    // North West C4 2024: 10000 * 10620 / 1607440 = 66.0678 -> 66.1
    expect(c.region.value).toBe(66.1);
    // model 2021 neighbours 925 926 830 891 860 885 935 940 893 878, 2024 ICPC / mid-2023:
    // 925 10000*559/147618 = 37.9; 926 10000*631/170640 = 37.0; 830 10000*1178/154974 = 76.0;
    // 891 10000*791/169377 = 46.7; 860 10000*804/173441 = 46.4; 885 10000*831/119662 = 69.4;
    // 935 10000*454/150935 = 30.1; 940 10000*618/81494 = 75.8; 893 10000*271/59491 = 45.6; 878 10000*789/147790 = 53.4
    // mean = 518.3 / 10 = 51.83 -> 51.8
    expect(c.sn).toMatchObject({ value: 51.8, n: 10, of: 10 });
    expect(c.sn.note).toBeUndefined();
  });

  it('Cumberland 942 did not exist in 2016/17 (its neighbours did), and is not in SN model 2021', () => {
    // model 2025 neighbours 943 925 884 888 813 384 860 929 371 370, 2017 ICPC / mid-2016; 943 did not exist:
    // 925 49.0; 884 50.1; 888 92.6; 813 10000*180/34924 = 51.5; 384 10000*323/70137 = 46.1; 860 45.9;
    // 929 76.8; 371 10000*565/64440 = 87.7; 370 10000*279/49174 = 56.7
    // mean = 556.4 / 9 = 61.822 -> 61.8
    expect(icpc('942', 2017).sn).toMatchObject({
      value: 61.8, n: 9, of: 10, note: 'no value for Westmorland and Furness (943): did not exist in 2016/17',
    });
    expect(icpc('942', 2024).sn).toMatchObject({ n: 10, of: 10 });
    expect(icpc('942', 2024, '2021').sn).toMatchObject({ value: null, note: 'Cumberland (942) is not in SN model 2021; it is in SN model 2025' });
  });

  it('Northamptonshire 928 has comparators up to 2020/21 (model 2021, Old SNs section), none after', () => {
    // 886 10000*1498/334424 = 44.8; 891 10000*1189/162873 = 73.0; 866 10000*282/51300 = 55.0;
    // 860 10000*860/167502 = 51.3; 830 10000*1169/151111 = 77.4; 881 10000*896/311057 = 28.8;
    // 937 10000*527/117914 = 44.7; 885 10000*767/117526 = 65.3; 888 10000*968/249415 = 38.8; 887 10000*267/63695 = 41.9
    // mean = 521.0 / 10 = 52.1
    expect(icpc('928', 2021, '2021').sn).toMatchObject({ value: 52.1, n: 10, of: 10 });
    // and after its abolition, from the same ten neighbours' 2022 figures (ICPC / mid-2021):
    // 886 10000*1696/336091 = 50.5; 891 10000*1030/163312 = 63.1; 866 10000*312/51418 = 60.7;
    // 860 10000*829/168962 = 49.1; 830 10000*1038/151515 = 68.5; 881 10000*881/313609 = 28.1;
    // 937 10000*576/119601 = 48.2; 885 10000*734/117810 = 62.3; 888 10000*740/250615 = 29.5; 887 10000*312/63817 = 48.9
    // mean = 508.9 / 10 = 50.89 -> 50.9
    expect(icpc('928', 2022, '2021').sn).toMatchObject({ value: 50.9, n: 10, of: 10 });
    expect(icpc('928', 2021).sn.note).toBe('Northamptonshire (928) is not in SN model 2025; it is in SN model 2021');
    expect(icpc('940', 2021).region.source).toMatch(/, East Midlands$/);
    expect(icpc('940', 2021).region.value).not.toBeNull();
  });

  it('a neighbour created later leaves a gap, not a borrowed figure: Kent 886, model 2021, 2016/17', () => {
    // West Northamptonshire 941 has no 2017 row; the other nine:
    // (26.1 + 60.2 + 77.7 + 71.2 + 92.6 + 72.6 + 48.8 + 42.1 + 45.9) / 9 = 537.2 / 9 = 59.688... -> 59.7
    expect(icpc('886', 2017, '2021').sn).toMatchObject({ value: 59.7, n: 9, of: 10, note: 'no value for West Northamptonshire (941): did not exist in 2016/17' });
  });

  it('CLA file: Cumberland has x/z rows before 2024; its 2022/23 region and SN come from the region row and its neighbours', () => {
    const c = comparators(ds, { indicator: 'cla_per_10k', year: 2023, laOldCode: '942' });
    // North West: 10000 * 15140 / 1585260 = 95.5048 -> 95.5
    expect(c.region.value).toBe(95.5);
    // by year: 942 is not in the 2021 groupings, so the 2025 model; 943 did not exist; the other nine:
    // 925 10000*728/145961 = 49.9; 884 10000*413/33977 = 121.6; 888 10000*1870/254199 = 73.6; 813 10000*188/34448 = 54.6;
    // 384 10000*634/74766 = 84.8; 860 10000*1385/170630 = 81.2; 929 10000*450/58588 = 76.8; 371 10000*540/65165 = 82.9;
    // 370 10000*398/50706 = 78.5; mean = 703.9 / 9 = 78.211 -> 78.2
    expect(c.sn).toMatchObject({ value: 78.2, n: 9, of: 10 });
    expect(c.sn.note).toBe('Cumberland (942) is not in SN model 2021, the model for 2022/23, so SN model 2025 is used; no value for Westmorland and Furness (943): did not exist in 2022/23');
  });
});

describe('periods', () => {
  it('maps a financial year label to its DfE time_period', () => {
    expect(fyToTimePeriod('2016/17')).toBe(2017);
    expect(fyToTimePeriod('1999/00')).toBe(2000);
    expect(fyToTimePeriod('2016/18')).toBeNull();
    expect(fyToTimePeriod('2016-17')).toBeNull();
  });

  it('gives a DfE year only for exactly a financial year', () => {
    expect(dfeTimePeriod({ start: '2016-04-01', end: '2017-03-31' })).toEqual({ timePeriod: 2017 });
    for (const p of [
      { start: '2023-11-01', end: '2024-10-31' },
      { start: '2016-04-01', end: '2017-03-30' },
      { start: '2016-04-01', end: '2018-03-31' },
    ]) {
      const r = dfeTimePeriod(p);
      expect(r.timePeriod).toBeNull();
      expect(r.note).toMatch(/^DfE publishes financial years only \(1 April to 31 March\); .* is not one, so there is no DfE comparator$/);
    }
  });
});
