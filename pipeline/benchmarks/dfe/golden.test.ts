/*
 * Golden tests on the real DfE files in data/dfe: England, region and SN
 * (mean) comparators for four LAs, three indicators and three years each,
 * with the SN model by year (indicators.md v2): every year here is 2023/24 or
 * earlier, so the 2021 groupings; before v2 the 2025 model was used for every
 * year, and those figures are kept for Wigan at the end, with the model
 * forced (`--sn-model 2025`). Every expected number was worked out from the CSV rows outside
 * this code base (the rows and the arithmetic are in the comment above each
 * expectation), so a change in rounding, population year or SN handling
 * shows up here. The CLA file starts in 2021, so cla_per_10k is checked for
 * 2022-2024 (and 2015-2017 must be null, in comparators.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { comparators, type DfeDataset } from './comparators.ts';
import { loadRealDataset } from './real-files.ts';

let ds: DfeDataset;
beforeAll(() => {
  ds = loadRealDataset().dataset;
});

describe('Wigan 359 (region North West, SN model by year, mean)', () => {
  it('icpc_per_10k 2015 (2014/15)', () => {
    const c = comparators(ds, { indicator: 'icpc_per_10k', year: 2015, laOldCode: '359', snStat: 'mean' });
    // C4 ICPC / ONS mid-(Y-1) population
    // England: 10000 * 71410 / 11535489 = 61.9046 -> 61.9
    expect(c.england.value).toBe(61.9);
    // North West: 10000 * 11000 / 1515151 = 72.6000 -> 72.6
    expect(c.region.value).toBe(72.6);
    // neighbours (SN model 2021, the model for the year) 342 372 807 371 370 384 808 332 357 812:
    //   St. Helens 342: 10000 * 359 / 36464 = 98.4533 -> 98.5
    //   Rotherham 372: 10000 * 567 / 56556 = 100.2546 -> 100.3
    //   Redcar and Cleveland 807: 10000 * 146 / 27360 = 53.3626 -> 53.4
    //   Doncaster 371: 10000 * 516 / 64614 = 79.8589 -> 79.9
    //   Barnsley 370: 10000 * 399 / 49045 = 81.3539 -> 81.4
    //   Wakefield 384: 10000 * 488 / 69071 = 70.6519 -> 70.7
    //   Stockton-on-Tees 808: 10000 * 388 / 42660 = 90.9517 -> 91.0
    //   Dudley 332: 10000 * 437 / 67510 = 64.7312 -> 64.7
    //   Tameside 357: 10000 * 272 / 49070 = 55.4310 -> 55.4
    //   North East Lincolnshire 812: 10000 * 403 / 33996 = 118.5434 -> 118.5
    //   mean = (98.5 + 100.3 + 53.4 + 79.9 + 81.4 + 70.7 + 91.0 + 64.7 + 55.4 + 118.5) / 10 = 81.3800 -> 81.4
    expect(c.sn).toMatchObject({ value: 81.4, n: 10, of: 10 });
    expect(c.sn.note).toContain("SN model 2021 is the oldest model bundled: DfE's groupings in force in 2014/15 were older");
    expect(c.sn.source).toMatch(/SN model 2021 mean of 10\/10$/);
  });
  it('icpc_per_10k 2016 (2015/16)', () => {
    const c = comparators(ds, { indicator: 'icpc_per_10k', year: 2016, laOldCode: '359', snStat: 'mean' });
    // C4 ICPC / ONS mid-(Y-1) population
    // England: 10000 * 73050 / 11593891 = 63.0073 -> 63.0
    expect(c.england.value).toBe(63.0);
    // North West: 10000 * 12090 / 1521065 = 79.4838 -> 79.5
    expect(c.region.value).toBe(79.5);
    // neighbours (SN model 2021, the model for the year) 342 372 807 371 370 384 808 332 357 812:
    //   St. Helens 342: 10000 * 337 / 36297 = 92.8451 -> 92.8
    //   Rotherham 372: 10000 * 612 / 56392 = 108.5260 -> 108.5
    //   Redcar and Cleveland 807: 10000 * 233 / 27404 = 85.0241 -> 85.0
    //   Doncaster 371: 10000 * 532 / 64453 = 82.5408 -> 82.5
    //   Barnsley 370: 10000 * 488 / 49139 = 99.3101 -> 99.3
    //   Wakefield 384: 10000 * 218 / 69461 = 31.3845 -> 31.4
    //   Stockton-on-Tees 808: 10000 * 352 / 42861 = 82.1259 -> 82.1
    //   Dudley 332: 10000 * 595 / 67529 = 88.1103 -> 88.1
    //   Tameside 357: 10000 * 244 / 49338 = 49.4548 -> 49.5
    //   North East Lincolnshire 812: 10000 * 376 / 33772 = 111.3348 -> 111.3
    //   mean = (92.8 + 108.5 + 85.0 + 82.5 + 99.3 + 31.4 + 82.1 + 88.1 + 49.5 + 111.3) / 10 = 83.0500 -> 83.1
    expect(c.sn).toMatchObject({ value: 83.1, n: 10, of: 10 });
    expect(c.sn.note).toContain("SN model 2021 is the oldest model bundled: DfE's groupings in force in 2015/16 were older");
    expect(c.sn.source).toMatch(/SN model 2021 mean of 10\/10$/);
  });
  it('icpc_per_10k 2017 (2016/17)', () => {
    const c = comparators(ds, { indicator: 'icpc_per_10k', year: 2017, laOldCode: '359', snStat: 'mean' });
    // C4 ICPC / ONS mid-(Y-1) population
    // England: 10000 * 76930 / 11671521 = 65.9126 -> 65.9
    expect(c.england.value).toBe(65.9);
    // North West: 10000 * 12800 / 1531857 = 83.5587 -> 83.6
    expect(c.region.value).toBe(83.6);
    // neighbours (SN model 2021, the model for the year) 342 372 807 371 370 384 808 332 357 812:
    //   St. Helens 342: 10000 * 257 / 36387 = 70.6296 -> 70.6
    //   Rotherham 372: 10000 * 505 / 56509 = 89.3663 -> 89.4
    //   Redcar and Cleveland 807: 10000 * 259 / 27308 = 94.8440 -> 94.8
    //   Doncaster 371: 10000 * 565 / 64440 = 87.6785 -> 87.7
    //   Barnsley 370: 10000 * 279 / 49174 = 56.7373 -> 56.7
    //   Wakefield 384: 10000 * 323 / 70137 = 46.0527 -> 46.1
    //   Stockton-on-Tees 808: 10000 * 433 / 42981 = 100.7422 -> 100.7
    //   Dudley 332: 10000 * 658 / 67539 = 97.4252 -> 97.4
    //   Tameside 357: 10000 * 433 / 49702 = 87.1192 -> 87.1
    //   North East Lincolnshire 812: 10000 * 306 / 33714 = 90.7635 -> 90.8
    //   mean = (70.6 + 89.4 + 94.8 + 87.7 + 56.7 + 46.1 + 100.7 + 97.4 + 87.1 + 90.8) / 10 = 82.1300 -> 82.1
    expect(c.sn).toMatchObject({ value: 82.1, n: 10, of: 10 });
    expect(c.sn.note).toContain("SN model 2021 is the oldest model bundled: DfE's groupings in force in 2016/17 were older");
    expect(c.sn.source).toMatch(/SN model 2021 mean of 10\/10$/);
  });
  it('cpp_repeat_pct 2015 (2014/15)', () => {
    const c = comparators(ds, { indicator: 'cpp_repeat_pct', year: 2015, laOldCode: '359', snStat: 'mean' });
    // D3 CPP_subsequent_percent as published
    // England: 16.6 -> 16.6
    expect(c.england.value).toBe(16.6);
    // North West: 17.8 -> 17.8
    expect(c.region.value).toBe(17.8);
    // neighbours (SN model 2021, the model for the year) 342 372 807 371 370 384 808 332 357 812:
    //   St. Helens 342: 16.9 -> 16.9
    //   Rotherham 372: 10.3 -> 10.3
    //   Redcar and Cleveland 807: 13.7 -> 13.7
    //   Doncaster 371: 18.8 -> 18.8
    //   Barnsley 370: 14.4 -> 14.4
    //   Wakefield 384: 14.8 -> 14.8
    //   Stockton-on-Tees 808: 17.4 -> 17.4
    //   Dudley 332: 17.5 -> 17.5
    //   Tameside 357: 20.9 -> 20.9
    //   North East Lincolnshire 812: 12.9 -> 12.9
    //   mean = (16.9 + 10.3 + 13.7 + 18.8 + 14.4 + 14.8 + 17.4 + 17.5 + 20.9 + 12.9) / 10 = 15.7600 -> 15.8
    expect(c.sn).toMatchObject({ value: 15.8, n: 10, of: 10 });
    expect(c.sn.note).toContain("SN model 2021 is the oldest model bundled: DfE's groupings in force in 2014/15 were older");
    expect(c.sn.source).toMatch(/SN model 2021 mean of 10\/10$/);
  });
  it('cpp_repeat_pct 2016 (2015/16)', () => {
    const c = comparators(ds, { indicator: 'cpp_repeat_pct', year: 2016, laOldCode: '359', snStat: 'mean' });
    // D3 CPP_subsequent_percent as published
    // England: 17.9 -> 17.9
    expect(c.england.value).toBe(17.9);
    // North West: 18.2 -> 18.2
    expect(c.region.value).toBe(18.2);
    // neighbours (SN model 2021, the model for the year) 342 372 807 371 370 384 808 332 357 812:
    //   St. Helens 342: 17.3 -> 17.3
    //   Rotherham 372: 12.7 -> 12.7
    //   Redcar and Cleveland 807: 20.1 -> 20.1
    //   Doncaster 371: 17.7 -> 17.7
    //   Barnsley 370: 15.6 -> 15.6
    //   Wakefield 384: 14.6 -> 14.6
    //   Stockton-on-Tees 808: 20.4 -> 20.4
    //   Dudley 332: 16.9 -> 16.9
    //   Tameside 357: 21.6 -> 21.6
    //   North East Lincolnshire 812: 26.6 -> 26.6
    //   mean = (17.3 + 12.7 + 20.1 + 17.7 + 15.6 + 14.6 + 20.4 + 16.9 + 21.6 + 26.6) / 10 = 18.3500 -> 18.4
    expect(c.sn).toMatchObject({ value: 18.4, n: 10, of: 10 });
    expect(c.sn.note).toContain("SN model 2021 is the oldest model bundled: DfE's groupings in force in 2015/16 were older");
    expect(c.sn.source).toMatch(/SN model 2021 mean of 10\/10$/);
  });
  it('cpp_repeat_pct 2017 (2016/17)', () => {
    const c = comparators(ds, { indicator: 'cpp_repeat_pct', year: 2017, laOldCode: '359', snStat: 'mean' });
    // D3 CPP_subsequent_percent as published
    // England: 18.7 -> 18.7
    expect(c.england.value).toBe(18.7);
    // North West: 18.4 -> 18.4
    expect(c.region.value).toBe(18.4);
    // neighbours (SN model 2021, the model for the year) 342 372 807 371 370 384 808 332 357 812:
    //   St. Helens 342: 23.5 -> 23.5
    //   Rotherham 372: 20.9 -> 20.9
    //   Redcar and Cleveland 807: 9.4 -> 9.4
    //   Doncaster 371: 16.1 -> 16.1
    //   Barnsley 370: 10.4 -> 10.4
    //   Wakefield 384: 10.1 -> 10.1
    //   Stockton-on-Tees 808: 19.9 -> 19.9
    //   Dudley 332: 15.5 -> 15.5
    //   Tameside 357: 16 -> 16.0
    //   North East Lincolnshire 812: 20.1 -> 20.1
    //   mean = (23.5 + 20.9 + 9.4 + 16.1 + 10.4 + 10.1 + 19.9 + 15.5 + 16.0 + 20.1) / 10 = 16.1900 -> 16.2
    expect(c.sn).toMatchObject({ value: 16.2, n: 10, of: 10 });
    expect(c.sn.note).toContain("SN model 2021 is the oldest model bundled: DfE's groupings in force in 2016/17 were older");
    expect(c.sn.source).toMatch(/SN model 2021 mean of 10\/10$/);
  });
  it('cla_per_10k 2022 (2021/22)', () => {
    const c = comparators(ds, { indicator: 'cla_per_10k', year: 2022, laOldCode: '359', snStat: 'mean' });
    // CLA file children_count / population_estimate ("at 31 March" rows)
    // England: 10000 * 82090 / 11762878 = 69.7873 -> 69.8
    expect(c.england.value).toBe(69.8);
    // North West: 10000 * 15200 / 1562105 = 97.3046 -> 97.3
    expect(c.region.value).toBe(97.3);
    // neighbours (SN model 2021, the model for the year) 342 372 807 371 370 384 808 332 357 812:
    //   St. Helens 342: 10000 * 470 / 36676 = 128.1492 -> 128.1
    //   Rotherham 372: 10000 * 556 / 56349 = 98.6708 -> 98.7
    //   Redcar and Cleveland 807: 10000 * 341 / 27176 = 125.4784 -> 125.5
    //   Doncaster 371: 10000 * 589 / 64097 = 91.8920 -> 91.9
    //   Barnsley 370: 10000 * 346 / 50093 = 69.0715 -> 69.1
    //   Wakefield 384: 10000 * 650 / 73684 = 88.2145 -> 88.2
    //   Stockton-on-Tees 808: 10000 * 574 / 43175 = 132.9473 -> 132.9
    //   Dudley 332: 10000 * 583 / 68457 = 85.1629 -> 85.2
    //   Tameside 357: 10000 * 666 / 51138 = 130.2358 -> 130.2
    //   North East Lincolnshire 812: 10000 * 615 / 33020 = 186.2508 -> 186.3
    //   mean = (128.1 + 98.7 + 125.5 + 91.9 + 69.1 + 88.2 + 132.9 + 85.2 + 130.2 + 186.3) / 10 = 113.6100 -> 113.6
    expect(c.sn).toMatchObject({ value: 113.6, n: 10, of: 10 });
    expect(c.sn.note).toBeUndefined();
  });
  it('cla_per_10k 2023 (2022/23)', () => {
    const c = comparators(ds, { indicator: 'cla_per_10k', year: 2023, laOldCode: '359', snStat: 'mean' });
    // CLA file children_count / population_estimate ("at 31 March" rows)
    // England: 10000 * 83750 / 11901267 = 70.3707 -> 70.4
    expect(c.england.value).toBe(70.4);
    // North West: 10000 * 15140 / 1585260 = 95.5048 -> 95.5
    expect(c.region.value).toBe(95.5);
    // neighbours (SN model 2021, the model for the year) 342 372 807 371 370 384 808 332 357 812:
    //   St. Helens 342: 10000 * 469 / 36945 = 126.9455 -> 126.9
    //   Rotherham 372: 10000 * 542 / 57205 = 94.7470 -> 94.7
    //   Redcar and Cleveland 807: 10000 * 403 / 27239 = 147.9496 -> 147.9
    //   Doncaster 371: 10000 * 540 / 65165 = 82.8666 -> 82.9
    //   Barnsley 370: 10000 * 398 / 50706 = 78.4917 -> 78.5
    //   Wakefield 384: 10000 * 634 / 74766 = 84.7979 -> 84.8
    //   Stockton-on-Tees 808: 10000 * 577 / 44008 = 131.1125 -> 131.1
    //   Dudley 332: 10000 * 588 / 69051 = 85.1545 -> 85.2
    //   Tameside 357: 10000 * 655 / 51744 = 126.5847 -> 126.6
    //   North East Lincolnshire 812: 10000 * 574 / 33142 = 173.1941 -> 173.2
    //   mean = (126.9 + 94.7 + 147.9 + 82.9 + 78.5 + 84.8 + 131.1 + 85.2 + 126.6 + 173.2) / 10 = 113.1800 -> 113.2
    expect(c.sn).toMatchObject({ value: 113.2, n: 10, of: 10 });
    expect(c.sn.note).toBeUndefined();
  });
  it('cla_per_10k 2024 (2023/24)', () => {
    const c = comparators(ds, { indicator: 'cla_per_10k', year: 2024, laOldCode: '359', snStat: 'mean' });
    // CLA file children_count / population_estimate ("at 31 March" rows)
    // England: 10000 * 83530 / 12059476 = 69.2650 -> 69.3
    expect(c.england.value).toBe(69.3);
    // North West: 10000 * 15070 / 1607440 = 93.7516 -> 93.8
    expect(c.region.value).toBe(93.8);
    // neighbours (SN model 2021, the model for the year) 342 372 807 371 370 384 808 332 357 812:
    //   St. Helens 342: 10000 * 488 / 37296 = 130.8451 -> 130.8
    //   Rotherham 372: 10000 * 502 / 58441 = 85.8986 -> 85.9
    //   Redcar and Cleveland 807: 10000 * 419 / 27485 = 152.4468 -> 152.4
    //   Doncaster 371: 10000 * 524 / 66679 = 78.5855 -> 78.6
    //   Barnsley 370: 10000 * 404 / 51150 = 78.9834 -> 79.0
    //   Wakefield 384: 10000 * 682 / 76266 = 89.4239 -> 89.4
    //   Stockton-on-Tees 808: 10000 * 581 / 44466 = 130.6616 -> 130.7
    //   Dudley 332: 10000 * 573 / 70105 = 81.7345 -> 81.7
    //   Tameside 357: 10000 * 644 / 52288 = 123.1640 -> 123.2
    //   North East Lincolnshire 812: 10000 * 469 / 33331 = 140.7098 -> 140.7
    //   mean = (130.8 + 85.9 + 152.4 + 78.6 + 79.0 + 89.4 + 130.7 + 81.7 + 123.2 + 140.7) / 10 = 109.2400 -> 109.2
    expect(c.sn).toMatchObject({ value: 109.2, n: 10, of: 10 });
    expect(c.sn.note).toBeUndefined();
  });
});

describe('Lancashire 888 (region North West, SN model by year, mean)', () => {
  it('icpc_per_10k 2015 (2014/15)', () => {
    const c = comparators(ds, { indicator: 'icpc_per_10k', year: 2015, laOldCode: '888', snStat: 'mean' });
    // C4 ICPC / ONS mid-(Y-1) population
    // England: 10000 * 71410 / 11535489 = 61.9046 -> 61.9
    expect(c.england.value).toBe(61.9);
    // North West: 10000 * 11000 / 1515151 = 72.6000 -> 72.6
    expect(c.region.value).toBe(72.6);
    // neighbours (SN model 2021, the model for the year) 891 381 830 343 351 808 886 860 359 896:
    //   Nottinghamshire 891: 10000 * 1097 / 161663 = 67.8572 -> 67.9
    //   Calderdale 381: 10000 * 276 / 45585 = 60.5462 -> 60.5
    //   Derbyshire 830: 10000 * 957 / 153468 = 62.3583 -> 62.4
    //   Sefton 343: 10000 * 443 / 53312 = 83.0957 -> 83.1
    //   Bury 351: 10000 * 321 / 42839 = 74.9317 -> 74.9
    //   Stockton-on-Tees 808: 10000 * 388 / 42660 = 90.9517 -> 91.0
    //   Kent 886: 10000 * 1798 / 325144 = 55.2986 -> 55.3
    //   Staffordshire 860: 10000 * 730 / 168565 = 43.3067 -> 43.3
    //   Wigan 359: 10000 * 532 / 67430 = 78.8966 -> 78.9
    //   Cheshire West and Chester 896: 10000 * 361 / 66534 = 54.2580 -> 54.3
    //   mean = (67.9 + 60.5 + 62.4 + 83.1 + 74.9 + 91.0 + 55.3 + 43.3 + 78.9 + 54.3) / 10 = 67.1600 -> 67.2
    expect(c.sn).toMatchObject({ value: 67.2, n: 10, of: 10 });
    expect(c.sn.note).toContain("SN model 2021 is the oldest model bundled: DfE's groupings in force in 2014/15 were older");
    expect(c.sn.source).toMatch(/SN model 2021 mean of 10\/10$/);
  });
  it('icpc_per_10k 2016 (2015/16)', () => {
    const c = comparators(ds, { indicator: 'icpc_per_10k', year: 2016, laOldCode: '888', snStat: 'mean' });
    // C4 ICPC / ONS mid-(Y-1) population
    // England: 10000 * 73050 / 11593891 = 63.0073 -> 63.0
    expect(c.england.value).toBe(63.0);
    // North West: 10000 * 12090 / 1521065 = 79.4838 -> 79.5
    expect(c.region.value).toBe(79.5);
    // neighbours (SN model 2021, the model for the year) 891 381 830 343 351 808 886 860 359 896:
    //   Nottinghamshire 891: 10000 * 1173 / 161259 = 72.7401 -> 72.7
    //   Calderdale 381: 10000 * 239 / 45659 = 52.3446 -> 52.3
    //   Derbyshire 830: 10000 * 998 / 152625 = 65.3890 -> 65.4
    //   Sefton 343: 10000 * 385 / 52902 = 72.7761 -> 72.8
    //   Bury 351: 10000 * 393 / 43018 = 91.3571 -> 91.4
    //   Stockton-on-Tees 808: 10000 * 352 / 42861 = 82.1259 -> 82.1
    //   Kent 886: 10000 * 1549 / 326112 = 47.4990 -> 47.5
    //   Staffordshire 860: 10000 * 852 / 167421 = 50.8897 -> 50.9
    //   Wigan 359: 10000 * 567 / 67041 = 84.5751 -> 84.6
    //   Cheshire West and Chester 896: 10000 * 450 / 66703 = 67.4632 -> 67.5
    //   mean = (72.7 + 52.3 + 65.4 + 72.8 + 91.4 + 82.1 + 47.5 + 50.9 + 84.6 + 67.5) / 10 = 68.7200 -> 68.7
    expect(c.sn).toMatchObject({ value: 68.7, n: 10, of: 10 });
    expect(c.sn.note).toContain("SN model 2021 is the oldest model bundled: DfE's groupings in force in 2015/16 were older");
    expect(c.sn.source).toMatch(/SN model 2021 mean of 10\/10$/);
  });
  it('icpc_per_10k 2017 (2016/17)', () => {
    const c = comparators(ds, { indicator: 'icpc_per_10k', year: 2017, laOldCode: '888', snStat: 'mean' });
    // C4 ICPC / ONS mid-(Y-1) population
    // England: 10000 * 76930 / 11671521 = 65.9126 -> 65.9
    expect(c.england.value).toBe(65.9);
    // North West: 10000 * 12800 / 1531857 = 83.5587 -> 83.6
    expect(c.region.value).toBe(83.6);
    // neighbours (SN model 2021, the model for the year) 891 381 830 343 351 808 886 860 359 896:
    //   Nottinghamshire 891: 10000 * 1173 / 161581 = 72.5952 -> 72.6
    //   Calderdale 381: 10000 * 366 / 45898 = 79.7420 -> 79.7
    //   Derbyshire 830: 10000 * 1271 / 151891 = 83.6784 -> 83.7
    //   Sefton 343: 10000 * 406 / 52918 = 76.7225 -> 76.7
    //   Bury 351: 10000 * 268 / 43345 = 61.8295 -> 61.8
    //   Stockton-on-Tees 808: 10000 * 433 / 42981 = 100.7422 -> 100.7
    //   Kent 886: 10000 * 1494 / 327405 = 45.6316 -> 45.6
    //   Staffordshire 860: 10000 * 766 / 166990 = 45.8710 -> 45.9
    //   Wigan 359: 10000 * 491 / 67110 = 73.1635 -> 73.2
    //   Cheshire West and Chester 896: 10000 * 333 / 67203 = 49.5514 -> 49.6
    //   mean = (72.6 + 79.7 + 83.7 + 76.7 + 61.8 + 100.7 + 45.6 + 45.9 + 73.2 + 49.6) / 10 = 68.9500 -> 69.0
    expect(c.sn).toMatchObject({ value: 69.0, n: 10, of: 10 });
    expect(c.sn.note).toContain("SN model 2021 is the oldest model bundled: DfE's groupings in force in 2016/17 were older");
    expect(c.sn.source).toMatch(/SN model 2021 mean of 10\/10$/);
  });
  it('cpp_repeat_pct 2015 (2014/15)', () => {
    const c = comparators(ds, { indicator: 'cpp_repeat_pct', year: 2015, laOldCode: '888', snStat: 'mean' });
    // D3 CPP_subsequent_percent as published
    // England: 16.6 -> 16.6
    expect(c.england.value).toBe(16.6);
    // North West: 17.8 -> 17.8
    expect(c.region.value).toBe(17.8);
    // neighbours (SN model 2021, the model for the year) 891 381 830 343 351 808 886 860 359 896:
    //   Nottinghamshire 891: 26.6 -> 26.6
    //   Calderdale 381: 20.7 -> 20.7
    //   Derbyshire 830: 13.2 -> 13.2
    //   Sefton 343: 19.8 -> 19.8
    //   Bury 351: 20.1 -> 20.1
    //   Stockton-on-Tees 808: 17.4 -> 17.4
    //   Kent 886: 18.4 -> 18.4
    //   Staffordshire 860: 13.5 -> 13.5
    //   Wigan 359: 20.9 -> 20.9
    //   Cheshire West and Chester 896: 10 -> 10.0
    //   mean = (26.6 + 20.7 + 13.2 + 19.8 + 20.1 + 17.4 + 18.4 + 13.5 + 20.9 + 10.0) / 10 = 18.0600 -> 18.1
    expect(c.sn).toMatchObject({ value: 18.1, n: 10, of: 10 });
    expect(c.sn.note).toContain("SN model 2021 is the oldest model bundled: DfE's groupings in force in 2014/15 were older");
    expect(c.sn.source).toMatch(/SN model 2021 mean of 10\/10$/);
  });
  it('cpp_repeat_pct 2016 (2015/16)', () => {
    const c = comparators(ds, { indicator: 'cpp_repeat_pct', year: 2016, laOldCode: '888', snStat: 'mean' });
    // D3 CPP_subsequent_percent as published
    // England: 17.9 -> 17.9
    expect(c.england.value).toBe(17.9);
    // North West: 18.2 -> 18.2
    expect(c.region.value).toBe(18.2);
    // neighbours (SN model 2021, the model for the year) 891 381 830 343 351 808 886 860 359 896:
    //   Nottinghamshire 891: 18.6 -> 18.6
    //   Calderdale 381: 17 -> 17.0
    //   Derbyshire 830: 15.7 -> 15.7
    //   Sefton 343: 20.7 -> 20.7
    //   Bury 351: 20.1 -> 20.1
    //   Stockton-on-Tees 808: 20.4 -> 20.4
    //   Kent 886: 20.1 -> 20.1
    //   Staffordshire 860: 17.3 -> 17.3
    //   Wigan 359: 22.8 -> 22.8
    //   Cheshire West and Chester 896: 17.3 -> 17.3
    //   mean = (18.6 + 17.0 + 15.7 + 20.7 + 20.1 + 20.4 + 20.1 + 17.3 + 22.8 + 17.3) / 10 = 19.0000 -> 19.0
    expect(c.sn).toMatchObject({ value: 19.0, n: 10, of: 10 });
    expect(c.sn.note).toContain("SN model 2021 is the oldest model bundled: DfE's groupings in force in 2015/16 were older");
    expect(c.sn.source).toMatch(/SN model 2021 mean of 10\/10$/);
  });
  it('cpp_repeat_pct 2017 (2016/17)', () => {
    const c = comparators(ds, { indicator: 'cpp_repeat_pct', year: 2017, laOldCode: '888', snStat: 'mean' });
    // D3 CPP_subsequent_percent as published
    // England: 18.7 -> 18.7
    expect(c.england.value).toBe(18.7);
    // North West: 18.4 -> 18.4
    expect(c.region.value).toBe(18.4);
    // neighbours (SN model 2021, the model for the year) 891 381 830 343 351 808 886 860 359 896:
    //   Nottinghamshire 891: 24.9 -> 24.9
    //   Calderdale 381: 18.4 -> 18.4
    //   Derbyshire 830: 18.3 -> 18.3
    //   Sefton 343: 21.4 -> 21.4
    //   Bury 351: 22.9 -> 22.9
    //   Stockton-on-Tees 808: 19.9 -> 19.9
    //   Kent 886: 19.4 -> 19.4
    //   Staffordshire 860: 16.4 -> 16.4
    //   Wigan 359: 18.6 -> 18.6
    //   Cheshire West and Chester 896: 14.5 -> 14.5
    //   mean = (24.9 + 18.4 + 18.3 + 21.4 + 22.9 + 19.9 + 19.4 + 16.4 + 18.6 + 14.5) / 10 = 19.4700 -> 19.5
    expect(c.sn).toMatchObject({ value: 19.5, n: 10, of: 10 });
    expect(c.sn.note).toContain("SN model 2021 is the oldest model bundled: DfE's groupings in force in 2016/17 were older");
    expect(c.sn.source).toMatch(/SN model 2021 mean of 10\/10$/);
  });
  it('cla_per_10k 2022 (2021/22)', () => {
    const c = comparators(ds, { indicator: 'cla_per_10k', year: 2022, laOldCode: '888', snStat: 'mean' });
    // CLA file children_count / population_estimate ("at 31 March" rows)
    // England: 10000 * 82090 / 11762878 = 69.7873 -> 69.8
    expect(c.england.value).toBe(69.8);
    // North West: 10000 * 15200 / 1562105 = 97.3046 -> 97.3
    expect(c.region.value).toBe(97.3);
    // neighbours (SN model 2021, the model for the year) 891 381 830 343 351 808 886 860 359 896:
    //   Nottinghamshire 891: 10000 * 958 / 163312 = 58.6607 -> 58.7
    //   Calderdale 381: 10000 * 337 / 45035 = 74.8307 -> 74.8
    //   Derbyshire 830: 10000 * 911 / 151515 = 60.1261 -> 60.1
    //   Sefton 343: 10000 * 594 / 52996 = 112.0839 -> 112.1
    //   Bury 351: 10000 * 359 / 43767 = 82.0253 -> 82.0
    //   Stockton-on-Tees 808: 10000 * 574 / 43175 = 132.9473 -> 132.9
    //   Kent 886: 10000 * 1777 / 336091 = 52.8726 -> 52.9
    //   Staffordshire 860: 10000 * 1303 / 168962 = 77.1179 -> 77.1
    //   Wigan 359: 10000 * 614 / 68033 = 90.2503 -> 90.3
    //   Cheshire West and Chester 896: 10000 * 537 / 69410 = 77.3664 -> 77.4
    //   mean = (58.7 + 74.8 + 60.1 + 112.1 + 82.0 + 132.9 + 52.9 + 77.1 + 90.3 + 77.4) / 10 = 81.8300 -> 81.8
    expect(c.sn).toMatchObject({ value: 81.8, n: 10, of: 10 });
    expect(c.sn.note).toBeUndefined();
  });
  it('cla_per_10k 2023 (2022/23)', () => {
    const c = comparators(ds, { indicator: 'cla_per_10k', year: 2023, laOldCode: '888', snStat: 'mean' });
    // CLA file children_count / population_estimate ("at 31 March" rows)
    // England: 10000 * 83750 / 11901267 = 70.3707 -> 70.4
    expect(c.england.value).toBe(70.4);
    // North West: 10000 * 15140 / 1585260 = 95.5048 -> 95.5
    expect(c.region.value).toBe(95.5);
    // neighbours (SN model 2021, the model for the year) 891 381 830 343 351 808 886 860 359 896:
    //   Nottinghamshire 891: 10000 * 956 / 166161 = 57.5346 -> 57.5
    //   Calderdale 381: 10000 * 356 / 45129 = 78.8850 -> 78.9
    //   Derbyshire 830: 10000 * 995 / 153164 = 64.9630 -> 65.0
    //   Sefton 343: 10000 * 611 / 53472 = 114.2654 -> 114.3
    //   Bury 351: 10000 * 349 / 43930 = 79.4446 -> 79.4
    //   Stockton-on-Tees 808: 10000 * 577 / 44008 = 131.1125 -> 131.1
    //   Kent 886: 10000 * 1938 / 343294 = 56.4531 -> 56.5
    //   Staffordshire 860: 10000 * 1385 / 170630 = 81.1698 -> 81.2
    //   Wigan 359: 10000 * 676 / 69385 = 97.4274 -> 97.4
    //   Cheshire West and Chester 896: 10000 * 582 / 70396 = 82.6752 -> 82.7
    //   mean = (57.5 + 78.9 + 65.0 + 114.3 + 79.4 + 131.1 + 56.5 + 81.2 + 97.4 + 82.7) / 10 = 84.4000 -> 84.4
    expect(c.sn).toMatchObject({ value: 84.4, n: 10, of: 10 });
    expect(c.sn.note).toBeUndefined();
  });
  it('cla_per_10k 2024 (2023/24)', () => {
    const c = comparators(ds, { indicator: 'cla_per_10k', year: 2024, laOldCode: '888', snStat: 'mean' });
    // CLA file children_count / population_estimate ("at 31 March" rows)
    // England: 10000 * 83530 / 12059476 = 69.2650 -> 69.3
    expect(c.england.value).toBe(69.3);
    // North West: 10000 * 15070 / 1607440 = 93.7516 -> 93.8
    expect(c.region.value).toBe(93.8);
    // neighbours (SN model 2021, the model for the year) 891 381 830 343 351 808 886 860 359 896:
    //   Nottinghamshire 891: 10000 * 955 / 169377 = 56.3831 -> 56.4
    //   Calderdale 381: 10000 * 363 / 45184 = 80.3382 -> 80.3
    //   Derbyshire 830: 10000 * 1056 / 154974 = 68.1405 -> 68.1
    //   Sefton 343: 10000 * 581 / 54154 = 107.2866 -> 107.3
    //   Bury 351: 10000 * 344 / 44344 = 77.5753 -> 77.6
    //   Stockton-on-Tees 808: 10000 * 581 / 44466 = 130.6616 -> 130.7
    //   Kent 886: 10000 * 1956 / 350198 = 55.8541 -> 55.9
    //   Staffordshire 860: 10000 * 1307 / 173441 = 75.3570 -> 75.4
    //   Wigan 359: 10000 * 733 / 70691 = 103.6907 -> 103.7
    //   Cheshire West and Chester 896: 10000 * 570 / 71193 = 80.0641 -> 80.1
    //   mean = (56.4 + 80.3 + 68.1 + 107.3 + 77.6 + 130.7 + 55.9 + 75.4 + 103.7 + 80.1) / 10 = 83.5500 -> 83.6
    expect(c.sn).toMatchObject({ value: 83.6, n: 10, of: 10 });
    expect(c.sn.note).toBeUndefined();
  });
});

describe('Camden 202 (region London, SN model by year, mean)', () => {
  it('icpc_per_10k 2015 (2014/15)', () => {
    const c = comparators(ds, { indicator: 'icpc_per_10k', year: 2015, laOldCode: '202', snStat: 'mean' });
    // C4 ICPC / ONS mid-(Y-1) population
    // England: 10000 * 71410 / 11535489 = 61.9046 -> 61.9
    expect(c.england.value).toBe(61.9);
    // London: 10000 * 10730 / 1893858 = 56.6568 -> 56.7
    expect(c.region.value).toBe(56.7);
    // neighbours (SN model 2021, the model for the year) 213 205 207 206 212 352 203 870 309 302:
    //   Westminster 213: 10000 * 158 / 35272 = 44.7947 -> 44.8
    //   Hammersmith and Fulham 205: 10000 * 217 / 32823 = 66.1122 -> 66.1
    //   Kensington and Chelsea 207: 10000 * 100 / 26199 = 38.1694 -> 38.2
    //   Islington 206: 10000 * 224 / 36944 = 60.6323 -> 60.6
    //   Wandsworth 212: 10000 * 298 / 58888 = 50.6045 -> 50.6
    //   Manchester 352: 10000 * 1149 / 115938 = 99.1047 -> 99.1
    //   Greenwich 203: 10000 * 365 / 64030 = 57.0045 -> 57.0
    //   Reading 870: 10000 * 301 / 35970 = 83.6808 -> 83.7
    //   Haringey 309: 10000 * 410 / 59116 = 69.3552 -> 69.4
    //   Barnet 302: 10000 * 304 / 86720 = 35.0554 -> 35.1
    //   mean = (44.8 + 66.1 + 38.2 + 60.6 + 50.6 + 99.1 + 57.0 + 83.7 + 69.4 + 35.1) / 10 = 60.4600 -> 60.5
    expect(c.sn).toMatchObject({ value: 60.5, n: 10, of: 10 });
    expect(c.sn.note).toContain("SN model 2021 is the oldest model bundled: DfE's groupings in force in 2014/15 were older");
    expect(c.sn.source).toMatch(/SN model 2021 mean of 10\/10$/);
  });
  it('icpc_per_10k 2016 (2015/16)', () => {
    const c = comparators(ds, { indicator: 'icpc_per_10k', year: 2016, laOldCode: '202', snStat: 'mean' });
    // C4 ICPC / ONS mid-(Y-1) population
    // England: 10000 * 73050 / 11593891 = 63.0073 -> 63.0
    expect(c.england.value).toBe(63.0);
    // London: 10000 * 10530 / 1911775 = 55.0797 -> 55.1
    expect(c.region.value).toBe(55.1);
    // neighbours (SN model 2021, the model for the year) 213 205 207 206 212 352 203 870 309 302:
    //   Westminster 213: 10000 * 133 / 34940 = 38.0653 -> 38.1
    //   Hammersmith and Fulham 205: 10000 * 186 / 32628 = 57.0063 -> 57.0
    //   Kensington and Chelsea 207: 10000 * 103 / 26012 = 39.5971 -> 39.6
    //   Islington 206: 10000 * 242 / 37327 = 64.8324 -> 64.8
    //   Wandsworth 212: 10000 * 372 / 59403 = 62.6231 -> 62.6
    //   Manchester 352: 10000 * 1018 / 118879 = 85.6333 -> 85.6
    //   Greenwich 203: 10000 * 376 / 65099 = 57.7582 -> 57.8
    //   Reading 870: 10000 * 430 / 36659 = 117.2973 -> 117.3
    //   Haringey 309: 10000 * 347 / 59372 = 58.4451 -> 58.4
    //   Barnet 302: 10000 * 350 / 87154 = 40.1588 -> 40.2
    //   mean = (38.1 + 57.0 + 39.6 + 64.8 + 62.6 + 85.6 + 57.8 + 117.3 + 58.4 + 40.2) / 10 = 62.1400 -> 62.1
    expect(c.sn).toMatchObject({ value: 62.1, n: 10, of: 10 });
    expect(c.sn.note).toContain("SN model 2021 is the oldest model bundled: DfE's groupings in force in 2015/16 were older");
    expect(c.sn.source).toMatch(/SN model 2021 mean of 10\/10$/);
  });
  it('icpc_per_10k 2017 (2016/17)', () => {
    const c = comparators(ds, { indicator: 'icpc_per_10k', year: 2017, laOldCode: '202', snStat: 'mean' });
    // C4 ICPC / ONS mid-(Y-1) population
    // England: 10000 * 76930 / 11671521 = 65.9126 -> 65.9
    expect(c.england.value).toBe(65.9);
    // London: 10000 * 12150 / 1927705 = 63.0283 -> 63.0
    expect(c.region.value).toBe(63.0);
    // neighbours (SN model 2021, the model for the year) 213 205 207 206 212 352 203 870 309 302:
    //   Westminster 213: 10000 * 150 / 34434 = 43.5616 -> 43.6
    //   Hammersmith and Fulham 205: 10000 * 188 / 32815 = 57.2909 -> 57.3
    //   Kensington and Chelsea 207: 10000 * 111 / 25422 = 43.6630 -> 43.7
    //   Islington 206: 10000 * 411 / 37370 = 109.9813 -> 110.0
    //   Wandsworth 212: 10000 * 529 / 60012 = 88.1490 -> 88.1
    //   Manchester 352: 10000 * 1343 / 121888 = 110.1831 -> 110.2
    //   Greenwich 203: 10000 * 409 / 66106 = 61.8703 -> 61.9
    //   Reading 870: 10000 * 528 / 36883 = 143.1554 -> 143.2
    //   Haringey 309: 10000 * 481 / 59225 = 81.2157 -> 81.2
    //   Barnet 302: 10000 * 315 / 88135 = 35.7406 -> 35.7
    //   mean = (43.6 + 57.3 + 43.7 + 110.0 + 88.1 + 110.2 + 61.9 + 143.2 + 81.2 + 35.7) / 10 = 77.4900 -> 77.5
    expect(c.sn).toMatchObject({ value: 77.5, n: 10, of: 10 });
    expect(c.sn.note).toContain("SN model 2021 is the oldest model bundled: DfE's groupings in force in 2016/17 were older");
    expect(c.sn.source).toMatch(/SN model 2021 mean of 10\/10$/);
  });
  it('cpp_repeat_pct 2015 (2014/15)', () => {
    const c = comparators(ds, { indicator: 'cpp_repeat_pct', year: 2015, laOldCode: '202', snStat: 'mean' });
    // D3 CPP_subsequent_percent as published
    // England: 16.6 -> 16.6
    expect(c.england.value).toBe(16.6);
    // London: 13.8 -> 13.8
    expect(c.region.value).toBe(13.8);
    // neighbours (SN model 2021, the model for the year) 213 205 207 206 212 352 203 870 309 302:
    //   Westminster 213: 4.5 -> 4.5
    //   Hammersmith and Fulham 205: 16.7 -> 16.7
    //   Kensington and Chelsea 207: 20 -> 20.0
    //   Islington 206: 13.9 -> 13.9
    //   Wandsworth 212: 8.3 -> 8.3
    //   Manchester 352: 18.3 -> 18.3
    //   Greenwich 203: 11.6 -> 11.6
    //   Reading 870: 23.8 -> 23.8
    //   Haringey 309: 22.5 -> 22.5
    //   Barnet 302: 15.2 -> 15.2
    //   mean = (4.5 + 16.7 + 20.0 + 13.9 + 8.3 + 18.3 + 11.6 + 23.8 + 22.5 + 15.2) / 10 = 15.4800 -> 15.5
    expect(c.sn).toMatchObject({ value: 15.5, n: 10, of: 10 });
    expect(c.sn.note).toContain("SN model 2021 is the oldest model bundled: DfE's groupings in force in 2014/15 were older");
    expect(c.sn.source).toMatch(/SN model 2021 mean of 10\/10$/);
  });
  it('cpp_repeat_pct 2016 (2015/16)', () => {
    const c = comparators(ds, { indicator: 'cpp_repeat_pct', year: 2016, laOldCode: '202', snStat: 'mean' });
    // D3 CPP_subsequent_percent as published
    // England: 17.9 -> 17.9
    expect(c.england.value).toBe(17.9);
    // London: 14 -> 14.0
    expect(c.region.value).toBe(14.0);
    // neighbours (SN model 2021, the model for the year) 213 205 207 206 212 352 203 870 309 302:
    //   Westminster 213: "c"
    //   Hammersmith and Fulham 205: 10.5 -> 10.5
    //   Kensington and Chelsea 207: 16.5 -> 16.5
    //   Islington 206: 22.2 -> 22.2
    //   Wandsworth 212: 12.5 -> 12.5
    //   Manchester 352: 19.6 -> 19.6
    //   Greenwich 203: 16.3 -> 16.3
    //   Reading 870: 21.8 -> 21.8
    //   Haringey 309: 14.2 -> 14.2
    //   Barnet 302: 16.5 -> 16.5
    //   mean = (10.5 + 16.5 + 22.2 + 12.5 + 19.6 + 16.3 + 21.8 + 14.2 + 16.5) / 9 = 16.6778 -> 16.7
    expect(c.sn).toMatchObject({ value: 16.7, n: 9, of: 10 });
    expect(c.sn.note).toContain("SN model 2021 is the oldest model bundled: DfE's groupings in force in 2015/16 were older");
    expect(c.sn.source).toMatch(/SN model 2021 mean of 9\/10$/);
  });
  it('cpp_repeat_pct 2017 (2016/17)', () => {
    const c = comparators(ds, { indicator: 'cpp_repeat_pct', year: 2017, laOldCode: '202', snStat: 'mean' });
    // D3 CPP_subsequent_percent as published
    // England: 18.7 -> 18.7
    expect(c.england.value).toBe(18.7);
    // London: 14.8 -> 14.8
    expect(c.region.value).toBe(14.8);
    // neighbours (SN model 2021, the model for the year) 213 205 207 206 212 352 203 870 309 302:
    //   Westminster 213: 4.9 -> 4.9
    //   Hammersmith and Fulham 205: 17.6 -> 17.6
    //   Kensington and Chelsea 207: 27.8 -> 27.8
    //   Islington 206: 12.1 -> 12.1
    //   Wandsworth 212: 14.5 -> 14.5
    //   Manchester 352: 18.8 -> 18.8
    //   Greenwich 203: 11.8 -> 11.8
    //   Reading 870: 28.9 -> 28.9
    //   Haringey 309: 13.8 -> 13.8
    //   Barnet 302: 10.8 -> 10.8
    //   mean = (4.9 + 17.6 + 27.8 + 12.1 + 14.5 + 18.8 + 11.8 + 28.9 + 13.8 + 10.8) / 10 = 16.1000 -> 16.1
    expect(c.sn).toMatchObject({ value: 16.1, n: 10, of: 10 });
    expect(c.sn.note).toContain("SN model 2021 is the oldest model bundled: DfE's groupings in force in 2016/17 were older");
    expect(c.sn.source).toMatch(/SN model 2021 mean of 10\/10$/);
  });
  it('cla_per_10k 2022 (2021/22)', () => {
    const c = comparators(ds, { indicator: 'cla_per_10k', year: 2022, laOldCode: '202', snStat: 'mean' });
    // CLA file children_count / population_estimate ("at 31 March" rows)
    // England: 10000 * 82090 / 11762878 = 69.7873 -> 69.8
    expect(c.england.value).toBe(69.8);
    // London: 10000 * 9940 / 1894099 = 52.4788 -> 52.5
    expect(c.region.value).toBe(52.5);
    // neighbours (SN model 2021, the model for the year) 213 205 207 206 212 352 203 870 309 302:
    //   Westminster 213: 10000 * 171 / 30607 = 55.8696 -> 55.9
    //   Hammersmith and Fulham 205: 10000 * 215 / 31820 = 67.5676 -> 67.6
    //   Kensington and Chelsea 207: 10000 * 101 / 22879 = 44.1453 -> 44.1
    //   Islington 206: 10000 * 385 / 36604 = 105.1798 -> 105.2
    //   Wandsworth 212: 10000 * 243 / 59391 = 40.9153 -> 40.9
    //   Manchester 352: 10000 * 1384 / 126774 = 109.1707 -> 109.2
    //   Greenwich 203: 10000 * 460 / 65697 = 70.0184 -> 70.0
    //   Reading 870: 10000 * 234 / 36334 = 64.4025 -> 64.4
    //   Haringey 309: 10000 * 387 / 54366 = 71.1842 -> 71.2
    //   Barnet 302: 10000 * 333 / 89160 = 37.3486 -> 37.3
    //   mean = (55.9 + 67.6 + 44.1 + 105.2 + 40.9 + 109.2 + 70.0 + 64.4 + 71.2 + 37.3) / 10 = 66.5800 -> 66.6
    expect(c.sn).toMatchObject({ value: 66.6, n: 10, of: 10 });
    expect(c.sn.note).toBeUndefined();
  });
  it('cla_per_10k 2023 (2022/23)', () => {
    const c = comparators(ds, { indicator: 'cla_per_10k', year: 2023, laOldCode: '202', snStat: 'mean' });
    // CLA file children_count / population_estimate ("at 31 March" rows)
    // England: 10000 * 83750 / 11901267 = 70.3707 -> 70.4
    expect(c.england.value).toBe(70.4);
    // London: 10000 * 9680 / 1902276 = 50.8864 -> 50.9
    expect(c.region.value).toBe(50.9);
    // neighbours (SN model 2021, the model for the year) 213 205 207 206 212 352 203 870 309 302:
    //   Westminster 213: 10000 * 182 / 30499 = 59.6741 -> 59.7
    //   Hammersmith and Fulham 205: 10000 * 208 / 32057 = 64.8844 -> 64.9
    //   Kensington and Chelsea 207: 10000 * 105 / 23093 = 45.4683 -> 45.5
    //   Islington 206: 10000 * 325 / 36428 = 89.2171 -> 89.2
    //   Wandsworth 212: 10000 * 236 / 58887 = 40.0768 -> 40.1
    //   Manchester 352: 10000 * 1336 / 129061 = 103.5169 -> 103.5
    //   Greenwich 203: 10000 * 414 / 65678 = 63.0348 -> 63.0
    //   Reading 870: 10000 * 250 / 37342 = 66.9487 -> 66.9
    //   Haringey 309: 10000 * 372 / 53950 = 68.9527 -> 69.0
    //   Barnet 302: 10000 * 330 / 91011 = 36.2594 -> 36.3
    //   mean = (59.7 + 64.9 + 45.5 + 89.2 + 40.1 + 103.5 + 63.0 + 66.9 + 69.0 + 36.3) / 10 = 63.8100 -> 63.8
    expect(c.sn).toMatchObject({ value: 63.8, n: 10, of: 10 });
    expect(c.sn.note).toBeUndefined();
  });
  it('cla_per_10k 2024 (2023/24)', () => {
    const c = comparators(ds, { indicator: 'cla_per_10k', year: 2024, laOldCode: '202', snStat: 'mean' });
    // CLA file children_count / population_estimate ("at 31 March" rows)
    // England: 10000 * 83530 / 12059476 = 69.2650 -> 69.3
    expect(c.england.value).toBe(69.3);
    // London: 10000 * 9640 / 1911649 = 50.4277 -> 50.4
    expect(c.region.value).toBe(50.4);
    // neighbours (SN model 2021, the model for the year) 213 205 207 206 212 352 203 870 309 302:
    //   Westminster 213: 10000 * 174 / 30255 = 57.5112 -> 57.5
    //   Hammersmith and Fulham 205: 10000 * 205 / 31920 = 64.2231 -> 64.2
    //   Kensington and Chelsea 207: 10000 * 122 / 23037 = 52.9583 -> 53.0
    //   Islington 206: 10000 * 299 / 36129 = 82.7590 -> 82.8
    //   Wandsworth 212: 10000 * 218 / 58764 = 37.0975 -> 37.1
    //   Manchester 352: 10000 * 1302 / 130700 = 99.6174 -> 99.6
    //   Greenwich 203: 10000 * 422 / 65472 = 64.4550 -> 64.5
    //   Reading 870: 10000 * 266 / 38261 = 69.5225 -> 69.5
    //   Haringey 309: 10000 * 334 / 53756 = 62.1326 -> 62.1
    //   Barnet 302: 10000 * 330 / 92958 = 35.4999 -> 35.5
    //   mean = (57.5 + 64.2 + 53.0 + 82.8 + 37.1 + 99.6 + 64.5 + 69.5 + 62.1 + 35.5) / 10 = 62.5800 -> 62.6
    expect(c.sn).toMatchObject({ value: 62.6, n: 10, of: 10 });
    expect(c.sn.note).toBeUndefined();
  });
});

describe('Kent 886 (region South East, SN model by year, mean)', () => {
  it('icpc_per_10k 2015 (2014/15)', () => {
    const c = comparators(ds, { indicator: 'icpc_per_10k', year: 2015, laOldCode: '886', snStat: 'mean' });
    // C4 ICPC / ONS mid-(Y-1) population
    // England: 10000 * 71410 / 11535489 = 61.9046 -> 61.9
    expect(c.england.value).toBe(61.9);
    // South East: 10000 * 11380 / 1892670 = 60.1267 -> 60.1
    expect(c.region.value).toBe(60.1);
    // neighbours (SN model 2021, the model for the year) 881 845 866 885 888 941 891 937 935 860:
    //   Essex 881: 10000 * 700 / 299781 = 23.3504 -> 23.4
    //   East Sussex 845: 10000 * 625 / 104364 = 59.8866 -> 59.9
    //   Swindon 866: 10000 * 309 / 48845 = 63.2613 -> 63.3
    //   Worcestershire 885: 10000 * 649 / 115285 = 56.2953 -> 56.3
    //   Lancashire 888: 10000 * 1298 / 244269 = 53.1381 -> 53.1
    //   West Northamptonshire 941: did not exist
    //   Nottinghamshire 891: 10000 * 1097 / 161663 = 67.8572 -> 67.9
    //   Warwickshire 937: 10000 * 636 / 112721 = 56.4225 -> 56.4
    //   Suffolk 935: 10000 * 676 / 149826 = 45.1190 -> 45.1
    //   Staffordshire 860: 10000 * 730 / 168565 = 43.3067 -> 43.3
    //   mean = (23.4 + 59.9 + 63.3 + 56.3 + 53.1 + 67.9 + 56.4 + 45.1 + 43.3) / 9 = 52.0778 -> 52.1
    expect(c.sn).toMatchObject({ value: 52.1, n: 9, of: 10 });
    expect(c.sn.note).toContain("SN model 2021 is the oldest model bundled: DfE's groupings in force in 2014/15 were older");
    expect(c.sn.source).toMatch(/SN model 2021 mean of 9\/10$/);
  });
  it('icpc_per_10k 2016 (2015/16)', () => {
    const c = comparators(ds, { indicator: 'icpc_per_10k', year: 2016, laOldCode: '886', snStat: 'mean' });
    // C4 ICPC / ONS mid-(Y-1) population
    // England: 10000 * 73050 / 11593891 = 63.0073 -> 63.0
    expect(c.england.value).toBe(63.0);
    // South East: 10000 * 11410 / 1902826 = 59.9634 -> 60.0
    expect(c.region.value).toBe(60.0);
    // neighbours (SN model 2021, the model for the year) 881 845 866 885 888 941 891 937 935 860:
    //   Essex 881: 10000 * 869 / 301867 = 28.7875 -> 28.8
    //   East Sussex 845: 10000 * 483 / 104500 = 46.2201 -> 46.2
    //   Swindon 866: 10000 * 346 / 49318 = 70.1569 -> 70.2
    //   Worcestershire 885: 10000 * 795 / 115430 = 68.8729 -> 68.9
    //   Lancashire 888: 10000 * 1935 / 244736 = 79.0648 -> 79.1
    //   West Northamptonshire 941: did not exist
    //   Nottinghamshire 891: 10000 * 1173 / 161259 = 72.7401 -> 72.7
    //   Warwickshire 937: 10000 * 618 / 113133 = 54.6260 -> 54.6
    //   Suffolk 935: 10000 * 668 / 149963 = 44.5443 -> 44.5
    //   Staffordshire 860: 10000 * 852 / 167421 = 50.8897 -> 50.9
    //   mean = (28.8 + 46.2 + 70.2 + 68.9 + 79.1 + 72.7 + 54.6 + 44.5 + 50.9) / 9 = 57.3222 -> 57.3
    expect(c.sn).toMatchObject({ value: 57.3, n: 9, of: 10 });
    expect(c.sn.note).toContain("SN model 2021 is the oldest model bundled: DfE's groupings in force in 2015/16 were older");
    expect(c.sn.source).toMatch(/SN model 2021 mean of 9\/10$/);
  });
  it('icpc_per_10k 2017 (2016/17)', () => {
    const c = comparators(ds, { indicator: 'icpc_per_10k', year: 2017, laOldCode: '886', snStat: 'mean' });
    // C4 ICPC / ONS mid-(Y-1) population
    // England: 10000 * 76930 / 11671521 = 65.9126 -> 65.9
    expect(c.england.value).toBe(65.9);
    // South East: 10000 * 11490 / 1913978 = 60.0320 -> 60.0
    expect(c.region.value).toBe(60.0);
    // neighbours (SN model 2021, the model for the year) 881 845 866 885 888 941 891 937 935 860:
    //   Essex 881: 10000 * 795 / 304021 = 26.1495 -> 26.1
    //   East Sussex 845: 10000 * 627 / 104219 = 60.1618 -> 60.2
    //   Swindon 866: 10000 * 387 / 49839 = 77.6500 -> 77.7
    //   Worcestershire 885: 10000 * 827 / 116203 = 71.1686 -> 71.2
    //   Lancashire 888: 10000 * 2277 / 245765 = 92.6495 -> 92.6
    //   West Northamptonshire 941: did not exist
    //   Nottinghamshire 891: 10000 * 1173 / 161581 = 72.5952 -> 72.6
    //   Warwickshire 937: 10000 * 555 / 113681 = 48.8208 -> 48.8
    //   Suffolk 935: 10000 * 631 / 149935 = 42.0849 -> 42.1
    //   Staffordshire 860: 10000 * 766 / 166990 = 45.8710 -> 45.9
    //   mean = (26.1 + 60.2 + 77.7 + 71.2 + 92.6 + 72.6 + 48.8 + 42.1 + 45.9) / 9 = 59.6889 -> 59.7
    expect(c.sn).toMatchObject({ value: 59.7, n: 9, of: 10 });
    expect(c.sn.note).toContain("SN model 2021 is the oldest model bundled: DfE's groupings in force in 2016/17 were older");
    expect(c.sn.source).toMatch(/SN model 2021 mean of 9\/10$/);
  });
  it('cpp_repeat_pct 2015 (2014/15)', () => {
    const c = comparators(ds, { indicator: 'cpp_repeat_pct', year: 2015, laOldCode: '886', snStat: 'mean' });
    // D3 CPP_subsequent_percent as published
    // England: 16.6 -> 16.6
    expect(c.england.value).toBe(16.6);
    // South East: 17.1 -> 17.1
    expect(c.region.value).toBe(17.1);
    // neighbours (SN model 2021, the model for the year) 881 845 866 885 888 941 891 937 935 860:
    //   Essex 881: 14.2 -> 14.2
    //   East Sussex 845: 20.4 -> 20.4
    //   Swindon 866: 19.2 -> 19.2
    //   Worcestershire 885: 22.7 -> 22.7
    //   Lancashire 888: 14.1 -> 14.1
    //   West Northamptonshire 941: did not exist
    //   Nottinghamshire 891: 26.6 -> 26.6
    //   Warwickshire 937: 19.8 -> 19.8
    //   Suffolk 935: 18.4 -> 18.4
    //   Staffordshire 860: 13.5 -> 13.5
    //   mean = (14.2 + 20.4 + 19.2 + 22.7 + 14.1 + 26.6 + 19.8 + 18.4 + 13.5) / 9 = 18.7667 -> 18.8
    expect(c.sn).toMatchObject({ value: 18.8, n: 9, of: 10 });
    expect(c.sn.note).toContain("SN model 2021 is the oldest model bundled: DfE's groupings in force in 2014/15 were older");
    expect(c.sn.source).toMatch(/SN model 2021 mean of 9\/10$/);
  });
  it('cpp_repeat_pct 2016 (2015/16)', () => {
    const c = comparators(ds, { indicator: 'cpp_repeat_pct', year: 2016, laOldCode: '886', snStat: 'mean' });
    // D3 CPP_subsequent_percent as published
    // England: 17.9 -> 17.9
    expect(c.england.value).toBe(17.9);
    // South East: 20.7 -> 20.7
    expect(c.region.value).toBe(20.7);
    // neighbours (SN model 2021, the model for the year) 881 845 866 885 888 941 891 937 935 860:
    //   Essex 881: 17.5 -> 17.5
    //   East Sussex 845: 24.9 -> 24.9
    //   Swindon 866: 19 -> 19.0
    //   Worcestershire 885: 18.9 -> 18.9
    //   Lancashire 888: 18.1 -> 18.1
    //   West Northamptonshire 941: did not exist
    //   Nottinghamshire 891: 18.6 -> 18.6
    //   Warwickshire 937: 18.1 -> 18.1
    //   Suffolk 935: 24.1 -> 24.1
    //   Staffordshire 860: 17.3 -> 17.3
    //   mean = (17.5 + 24.9 + 19.0 + 18.9 + 18.1 + 18.6 + 18.1 + 24.1 + 17.3) / 9 = 19.6111 -> 19.6
    expect(c.sn).toMatchObject({ value: 19.6, n: 9, of: 10 });
    expect(c.sn.note).toContain("SN model 2021 is the oldest model bundled: DfE's groupings in force in 2015/16 were older");
    expect(c.sn.source).toMatch(/SN model 2021 mean of 9\/10$/);
  });
  it('cpp_repeat_pct 2017 (2016/17)', () => {
    const c = comparators(ds, { indicator: 'cpp_repeat_pct', year: 2017, laOldCode: '886', snStat: 'mean' });
    // D3 CPP_subsequent_percent as published
    // England: 18.7 -> 18.7
    expect(c.england.value).toBe(18.7);
    // South East: 22.2 -> 22.2
    expect(c.region.value).toBe(22.2);
    // neighbours (SN model 2021, the model for the year) 881 845 866 885 888 941 891 937 935 860:
    //   Essex 881: 17.1 -> 17.1
    //   East Sussex 845: 28.3 -> 28.3
    //   Swindon 866: 20.2 -> 20.2
    //   Worcestershire 885: 19.9 -> 19.9
    //   Lancashire 888: 18 -> 18.0
    //   West Northamptonshire 941: did not exist
    //   Nottinghamshire 891: 24.9 -> 24.9
    //   Warwickshire 937: 20.8 -> 20.8
    //   Suffolk 935: 17.3 -> 17.3
    //   Staffordshire 860: 16.4 -> 16.4
    //   mean = (17.1 + 28.3 + 20.2 + 19.9 + 18.0 + 24.9 + 20.8 + 17.3 + 16.4) / 9 = 20.3222 -> 20.3
    expect(c.sn).toMatchObject({ value: 20.3, n: 9, of: 10 });
    expect(c.sn.note).toContain("SN model 2021 is the oldest model bundled: DfE's groupings in force in 2016/17 were older");
    expect(c.sn.source).toMatch(/SN model 2021 mean of 9\/10$/);
  });
  it('cla_per_10k 2022 (2021/22)', () => {
    const c = comparators(ds, { indicator: 'cla_per_10k', year: 2022, laOldCode: '886', snStat: 'mean' });
    // CLA file children_count / population_estimate ("at 31 March" rows)
    // England: 10000 * 82090 / 11762878 = 69.7873 -> 69.8
    expect(c.england.value).toBe(69.8);
    // South East: 10000 * 10850 / 1935696 = 56.0522 -> 56.1
    expect(c.region.value).toBe(56.1);
    // neighbours (SN model 2021, the model for the year) 881 845 866 885 888 941 891 937 935 860:
    //   Essex 881: 10000 * 1118 / 313609 = 35.6495 -> 35.6
    //   East Sussex 845: 10000 * 627 / 101959 = 61.4953 -> 61.5
    //   Swindon 866: 10000 * 331 / 51418 = 64.3743 -> 64.4
    //   Worcestershire 885: 10000 * 891 / 117810 = 75.6303 -> 75.6
    //   Lancashire 888: 10000 * 1934 / 250615 = 77.1702 -> 77.2
    //   West Northamptonshire 941: 10000 * 658 / 92050 = 71.4829 -> 71.5
    //   Nottinghamshire 891: 10000 * 958 / 163312 = 58.6607 -> 58.7
    //   Warwickshire 937: 10000 * 821 / 119601 = 68.6449 -> 68.6
    //   Suffolk 935: 10000 * 915 / 147057 = 62.2208 -> 62.2
    //   Staffordshire 860: 10000 * 1303 / 168962 = 77.1179 -> 77.1
    //   mean = (35.6 + 61.5 + 64.4 + 75.6 + 77.2 + 71.5 + 58.7 + 68.6 + 62.2 + 77.1) / 10 = 65.2400 -> 65.2
    expect(c.sn).toMatchObject({ value: 65.2, n: 10, of: 10 });
    expect(c.sn.note).toBeUndefined();
  });
  it('cla_per_10k 2023 (2022/23)', () => {
    const c = comparators(ds, { indicator: 'cla_per_10k', year: 2023, laOldCode: '886', snStat: 'mean' });
    // CLA file children_count / population_estimate ("at 31 March" rows)
    // England: 10000 * 83750 / 11901267 = 70.3707 -> 70.4
    expect(c.england.value).toBe(70.4);
    // South East: 10000 * 11260 / 1968026 = 57.2147 -> 57.2
    expect(c.region.value).toBe(57.2);
    // neighbours (SN model 2021, the model for the year) 881 845 866 885 888 941 891 937 935 860:
    //   Essex 881: 10000 * 1163 / 318238 = 36.5450 -> 36.5
    //   East Sussex 845: 10000 * 654 / 102962 = 63.5186 -> 63.5
    //   Swindon 866: 10000 * 337 / 52152 = 64.6188 -> 64.6
    //   Worcestershire 885: 10000 * 998 / 118963 = 83.8916 -> 83.9
    //   Lancashire 888: 10000 * 1870 / 254199 = 73.5644 -> 73.6
    //   West Northamptonshire 941: 10000 * 688 / 93509 = 73.5758 -> 73.6
    //   Nottinghamshire 891: 10000 * 956 / 166161 = 57.5346 -> 57.5
    //   Warwickshire 937: 10000 * 778 / 122673 = 63.4206 -> 63.4
    //   Suffolk 935: 10000 * 981 / 148478 = 66.0704 -> 66.1
    //   Staffordshire 860: 10000 * 1385 / 170630 = 81.1698 -> 81.2
    //   mean = (36.5 + 63.5 + 64.6 + 83.9 + 73.6 + 73.6 + 57.5 + 63.4 + 66.1 + 81.2) / 10 = 66.3900 -> 66.4
    expect(c.sn).toMatchObject({ value: 66.4, n: 10, of: 10 });
    expect(c.sn.note).toBeUndefined();
  });
  it('cla_per_10k 2024 (2023/24)', () => {
    const c = comparators(ds, { indicator: 'cla_per_10k', year: 2024, laOldCode: '886', snStat: 'mean' });
    // CLA file children_count / population_estimate ("at 31 March" rows)
    // England: 10000 * 83530 / 12059476 = 69.2650 -> 69.3
    expect(c.england.value).toBe(69.3);
    // South East: 10000 * 11150 / 2001043 = 55.7209 -> 55.7
    expect(c.region.value).toBe(55.7);
    // neighbours (SN model 2021, the model for the year) 881 845 866 885 888 941 891 937 935 860:
    //   Essex 881: 10000 * 1152 / 324479 = 35.5031 -> 35.5
    //   East Sussex 845: 10000 * 659 / 104092 = 63.3094 -> 63.3
    //   Swindon 866: 10000 * 320 / 53326 = 60.0083 -> 60.0
    //   Worcestershire 885: 10000 * 1043 / 119662 = 87.1622 -> 87.2
    //   Lancashire 888: 10000 * 1750 / 257657 = 67.9198 -> 67.9
    //   West Northamptonshire 941: 10000 * 648 / 95133 = 68.1152 -> 68.1
    //   Nottinghamshire 891: 10000 * 955 / 169377 = 56.3831 -> 56.4
    //   Warwickshire 937: 10000 * 805 / 126202 = 63.7866 -> 63.8
    //   Suffolk 935: 10000 * 928 / 150935 = 61.4834 -> 61.5
    //   Staffordshire 860: 10000 * 1307 / 173441 = 75.3570 -> 75.4
    //   mean = (35.5 + 63.3 + 60.0 + 87.2 + 67.9 + 68.1 + 56.4 + 63.8 + 61.5 + 75.4) / 10 = 63.9100 -> 63.9
    expect(c.sn).toMatchObject({ value: 63.9, n: 10, of: 10 });
    expect(c.sn.note).toBeUndefined();
  });
});

describe('Wigan 359, --sn-model 2025 forced (the figures the default gave before v2)', () => {
  it('icpc_per_10k 2015 (2014/15)', () => {
    const c = comparators(ds, { indicator: 'icpc_per_10k', year: 2015, laOldCode: '359', snModel: '2025', snStat: 'mean' });
    // C4 ICPC / ONS mid-(Y-1) population
    // England: 10000 * 71410 / 11535489 = 61.9046 -> 61.9
    expect(c.england.value).toBe(61.9);
    // North West: 10000 * 11000 / 1515151 = 72.6000 -> 72.6
    expect(c.region.value).toBe(72.6);
    // neighbours 888 925 343 877 860 332 929 884 808 893:
    //   Lancashire 888: 10000 * 1298 / 244269 = 53.1381 -> 53.1
    //   Lincolnshire 925: 10000 * 690 / 141135 = 48.8894 -> 48.9
    //   Sefton 343: 10000 * 443 / 53312 = 83.0957 -> 83.1
    //   Warrington 877: 10000 * 337 / 44487 = 75.7525 -> 75.8
    //   Staffordshire 860: 10000 * 730 / 168565 = 43.3067 -> 43.3
    //   Dudley 332: 10000 * 437 / 67510 = 64.7312 -> 64.7
    //   Northumberland 929: 10000 * 358 / 59721 = 59.9454 -> 59.9
    //   Herefordshire, County of 884: 10000 * 244 / 35508 = 68.7169 -> 68.7
    //   Stockton-on-Tees 808: 10000 * 388 / 42660 = 90.9517 -> 91.0
    //   Shropshire 893: 10000 * 334 / 59542 = 56.0949 -> 56.1
    //   mean = (53.1 + 48.9 + 83.1 + 75.8 + 43.3 + 64.7 + 59.9 + 68.7 + 91.0 + 56.1) / 10 = 64.4600 -> 64.5
    expect(c.sn).toMatchObject({ value: 64.5, n: 10, of: 10 });
  });
  it('icpc_per_10k 2016 (2015/16)', () => {
    const c = comparators(ds, { indicator: 'icpc_per_10k', year: 2016, laOldCode: '359', snModel: '2025', snStat: 'mean' });
    // C4 ICPC / ONS mid-(Y-1) population
    // England: 10000 * 73050 / 11593891 = 63.0073 -> 63.0
    expect(c.england.value).toBe(63.0);
    // North West: 10000 * 12090 / 1521065 = 79.4838 -> 79.5
    expect(c.region.value).toBe(79.5);
    // neighbours 888 925 343 877 860 332 929 884 808 893:
    //   Lancashire 888: 10000 * 1935 / 244736 = 79.0648 -> 79.1
    //   Lincolnshire 925: 10000 * 718 / 141869 = 50.6101 -> 50.6
    //   Sefton 343: 10000 * 385 / 52902 = 72.7761 -> 72.8
    //   Warrington 877: 10000 * 343 / 44439 = 77.1845 -> 77.2
    //   Staffordshire 860: 10000 * 852 / 167421 = 50.8897 -> 50.9
    //   Dudley 332: 10000 * 595 / 67529 = 88.1103 -> 88.1
    //   Northumberland 929: 10000 * 431 / 59097 = 72.9309 -> 72.9
    //   Herefordshire, County of 884: 10000 * 365 / 35276 = 103.4698 -> 103.5
    //   Stockton-on-Tees 808: 10000 * 352 / 42861 = 82.1259 -> 82.1
    //   Shropshire 893: 10000 * 298 / 59048 = 50.4674 -> 50.5
    //   mean = (79.1 + 50.6 + 72.8 + 77.2 + 50.9 + 88.1 + 72.9 + 103.5 + 82.1 + 50.5) / 10 = 72.7700 -> 72.8
    expect(c.sn).toMatchObject({ value: 72.8, n: 10, of: 10 });
  });
  it('icpc_per_10k 2017 (2016/17)', () => {
    const c = comparators(ds, { indicator: 'icpc_per_10k', year: 2017, laOldCode: '359', snModel: '2025', snStat: 'mean' });
    // C4 ICPC / ONS mid-(Y-1) population
    // England: 10000 * 76930 / 11671521 = 65.9126 -> 65.9
    expect(c.england.value).toBe(65.9);
    // North West: 10000 * 12800 / 1531857 = 83.5587 -> 83.6
    expect(c.region.value).toBe(83.6);
    // neighbours 888 925 343 877 860 332 929 884 808 893:
    //   Lancashire 888: 10000 * 2277 / 245765 = 92.6495 -> 92.6
    //   Lincolnshire 925: 10000 * 701 / 143038 = 49.0080 -> 49.0
    //   Sefton 343: 10000 * 406 / 52918 = 76.7225 -> 76.7
    //   Warrington 877: 10000 * 323 / 44494 = 72.5941 -> 72.6
    //   Staffordshire 860: 10000 * 766 / 166990 = 45.8710 -> 45.9
    //   Dudley 332: 10000 * 658 / 67539 = 97.4252 -> 97.4
    //   Northumberland 929: 10000 * 451 / 58743 = 76.7751 -> 76.8
    //   Herefordshire, County of 884: 10000 * 175 / 34913 = 50.1246 -> 50.1
    //   Stockton-on-Tees 808: 10000 * 433 / 42981 = 100.7422 -> 100.7
    //   Shropshire 893: 10000 * 273 / 59028 = 46.2492 -> 46.2
    //   mean = (92.6 + 49.0 + 76.7 + 72.6 + 45.9 + 97.4 + 76.8 + 50.1 + 100.7 + 46.2) / 10 = 70.8000 -> 70.8
    expect(c.sn).toMatchObject({ value: 70.8, n: 10, of: 10 });
  });
  it('cpp_repeat_pct 2015 (2014/15)', () => {
    const c = comparators(ds, { indicator: 'cpp_repeat_pct', year: 2015, laOldCode: '359', snModel: '2025', snStat: 'mean' });
    // D3 CPP_subsequent_percent as published
    // England: 16.6 -> 16.6
    expect(c.england.value).toBe(16.6);
    // North West: 17.8 -> 17.8
    expect(c.region.value).toBe(17.8);
    // neighbours 888 925 343 877 860 332 929 884 808 893:
    //   Lancashire 888: 14.1 -> 14.1
    //   Lincolnshire 925: 13.2 -> 13.2
    //   Sefton 343: 19.8 -> 19.8
    //   Warrington 877: 23.8 -> 23.8
    //   Staffordshire 860: 13.5 -> 13.5
    //   Dudley 332: 17.5 -> 17.5
    //   Northumberland 929: 6.7 -> 6.7
    //   Herefordshire, County of 884: 20.7 -> 20.7
    //   Stockton-on-Tees 808: 17.4 -> 17.4
    //   Shropshire 893: 21.5 -> 21.5
    //   mean = (14.1 + 13.2 + 19.8 + 23.8 + 13.5 + 17.5 + 6.7 + 20.7 + 17.4 + 21.5) / 10 = 16.8200 -> 16.8
    expect(c.sn).toMatchObject({ value: 16.8, n: 10, of: 10 });
  });
  it('cpp_repeat_pct 2016 (2015/16)', () => {
    const c = comparators(ds, { indicator: 'cpp_repeat_pct', year: 2016, laOldCode: '359', snModel: '2025', snStat: 'mean' });
    // D3 CPP_subsequent_percent as published
    // England: 17.9 -> 17.9
    expect(c.england.value).toBe(17.9);
    // North West: 18.2 -> 18.2
    expect(c.region.value).toBe(18.2);
    // neighbours 888 925 343 877 860 332 929 884 808 893:
    //   Lancashire 888: 18.1 -> 18.1
    //   Lincolnshire 925: 9.5 -> 9.5
    //   Sefton 343: 20.7 -> 20.7
    //   Warrington 877: 13.1 -> 13.1
    //   Staffordshire 860: 17.3 -> 17.3
    //   Dudley 332: 16.9 -> 16.9
    //   Northumberland 929: 9.1 -> 9.1
    //   Herefordshire, County of 884: 22.8 -> 22.8
    //   Stockton-on-Tees 808: 20.4 -> 20.4
    //   Shropshire 893: 11 -> 11.0
    //   mean = (18.1 + 9.5 + 20.7 + 13.1 + 17.3 + 16.9 + 9.1 + 22.8 + 20.4 + 11.0) / 10 = 15.8900 -> 15.9
    expect(c.sn).toMatchObject({ value: 15.9, n: 10, of: 10 });
  });
  it('cpp_repeat_pct 2017 (2016/17)', () => {
    const c = comparators(ds, { indicator: 'cpp_repeat_pct', year: 2017, laOldCode: '359', snModel: '2025', snStat: 'mean' });
    // D3 CPP_subsequent_percent as published
    // England: 18.7 -> 18.7
    expect(c.england.value).toBe(18.7);
    // North West: 18.4 -> 18.4
    expect(c.region.value).toBe(18.4);
    // neighbours 888 925 343 877 860 332 929 884 808 893:
    //   Lancashire 888: 18 -> 18.0
    //   Lincolnshire 925: 14.9 -> 14.9
    //   Sefton 343: 21.4 -> 21.4
    //   Warrington 877: 19.2 -> 19.2
    //   Staffordshire 860: 16.4 -> 16.4
    //   Dudley 332: 15.5 -> 15.5
    //   Northumberland 929: 6.8 -> 6.8
    //   Herefordshire, County of 884: 28.7 -> 28.7
    //   Stockton-on-Tees 808: 19.9 -> 19.9
    //   Shropshire 893: 24.1 -> 24.1
    //   mean = (18.0 + 14.9 + 21.4 + 19.2 + 16.4 + 15.5 + 6.8 + 28.7 + 19.9 + 24.1) / 10 = 18.4900 -> 18.5
    expect(c.sn).toMatchObject({ value: 18.5, n: 10, of: 10 });
  });
  it('cla_per_10k 2022 (2021/22)', () => {
    const c = comparators(ds, { indicator: 'cla_per_10k', year: 2022, laOldCode: '359', snModel: '2025', snStat: 'mean' });
    // CLA file children_count / population_estimate ("at 31 March" rows)
    // England: 10000 * 82090 / 11762878 = 69.7873 -> 69.8
    expect(c.england.value).toBe(69.8);
    // North West: 10000 * 15200 / 1562105 = 97.3046 -> 97.3
    expect(c.region.value).toBe(97.3);
    // neighbours 888 925 343 877 860 332 929 884 808 893:
    //   Lancashire 888: 10000 * 1934 / 250615 = 77.1702 -> 77.2
    //   Lincolnshire 925: 10000 * 736 / 144168 = 51.0516 -> 51.1
    //   Sefton 343: 10000 * 594 / 52996 = 112.0839 -> 112.1
    //   Warrington 877: 10000 * 329 / 43034 = 76.4512 -> 76.5
    //   Staffordshire 860: 10000 * 1303 / 168962 = 77.1179 -> 77.1
    //   Dudley 332: 10000 * 583 / 68457 = 85.1629 -> 85.2
    //   Northumberland 929: 10000 * 425 / 58401 = 72.7727 -> 72.8
    //   Herefordshire, County of 884: 10000 * 379 / 33784 = 112.1833 -> 112.2
    //   Stockton-on-Tees 808: 10000 * 574 / 43175 = 132.9473 -> 132.9
    //   Shropshire 893: 10000 * 609 / 58395 = 104.2898 -> 104.3
    //   mean = (77.2 + 51.1 + 112.1 + 76.5 + 77.1 + 85.2 + 72.8 + 112.2 + 132.9 + 104.3) / 10 = 90.1400 -> 90.1
    expect(c.sn).toMatchObject({ value: 90.1, n: 10, of: 10 });
  });
  it('cla_per_10k 2023 (2022/23)', () => {
    const c = comparators(ds, { indicator: 'cla_per_10k', year: 2023, laOldCode: '359', snModel: '2025', snStat: 'mean' });
    // CLA file children_count / population_estimate ("at 31 March" rows)
    // England: 10000 * 83750 / 11901267 = 70.3707 -> 70.4
    expect(c.england.value).toBe(70.4);
    // North West: 10000 * 15140 / 1585260 = 95.5048 -> 95.5
    expect(c.region.value).toBe(95.5);
    // neighbours 888 925 343 877 860 332 929 884 808 893:
    //   Lancashire 888: 10000 * 1870 / 254199 = 73.5644 -> 73.6
    //   Lincolnshire 925: 10000 * 728 / 145961 = 49.8763 -> 49.9
    //   Sefton 343: 10000 * 611 / 53472 = 114.2654 -> 114.3
    //   Warrington 877: 10000 * 332 / 43650 = 76.0596 -> 76.1
    //   Staffordshire 860: 10000 * 1385 / 170630 = 81.1698 -> 81.2
    //   Dudley 332: 10000 * 588 / 69051 = 85.1545 -> 85.2
    //   Northumberland 929: 10000 * 450 / 58588 = 76.8075 -> 76.8
    //   Herefordshire, County of 884: 10000 * 413 / 33977 = 121.5528 -> 121.6
    //   Stockton-on-Tees 808: 10000 * 577 / 44008 = 131.1125 -> 131.1
    //   Shropshire 893: 10000 * 654 / 59090 = 110.6786 -> 110.7
    //   mean = (73.6 + 49.9 + 114.3 + 76.1 + 81.2 + 85.2 + 76.8 + 121.6 + 131.1 + 110.7) / 10 = 92.0500 -> 92.1
    expect(c.sn).toMatchObject({ value: 92.1, n: 10, of: 10 });
  });
  it('cla_per_10k 2024 (2023/24)', () => {
    const c = comparators(ds, { indicator: 'cla_per_10k', year: 2024, laOldCode: '359', snModel: '2025', snStat: 'mean' });
    // CLA file children_count / population_estimate ("at 31 March" rows)
    // England: 10000 * 83530 / 12059476 = 69.2650 -> 69.3
    expect(c.england.value).toBe(69.3);
    // North West: 10000 * 15070 / 1607440 = 93.7516 -> 93.8
    expect(c.region.value).toBe(93.8);
    // neighbours 888 925 343 877 860 332 929 884 808 893:
    //   Lancashire 888: 10000 * 1750 / 257657 = 67.9198 -> 67.9
    //   Lincolnshire 925: 10000 * 752 / 147618 = 50.9423 -> 50.9
    //   Sefton 343: 10000 * 581 / 54154 = 107.2866 -> 107.3
    //   Warrington 877: 10000 * 354 / 44458 = 79.6257 -> 79.6
    //   Staffordshire 860: 10000 * 1307 / 173441 = 75.3570 -> 75.4
    //   Dudley 332: 10000 * 573 / 70105 = 81.7345 -> 81.7
    //   Northumberland 929: 10000 * 431 / 58941 = 73.1240 -> 73.1
    //   Herefordshire, County of 884: 10000 * 387 / 34260 = 112.9597 -> 113.0
    //   Stockton-on-Tees 808: 10000 * 581 / 44466 = 130.6616 -> 130.7
    //   Shropshire 893: 10000 * 714 / 59491 = 120.0182 -> 120.0
    //   mean = (67.9 + 50.9 + 107.3 + 79.6 + 75.4 + 81.7 + 73.1 + 113.0 + 130.7 + 120.0) / 10 = 89.9600 -> 90.0
    expect(c.sn).toMatchObject({ value: 90.0, n: 10, of: 10 });
  });
});
