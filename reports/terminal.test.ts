/*
 * What the commands print: the indicators table fits a 120-column terminal
 * (issue "board papers": rows of 126 to 148 characters wrapped), numbers line
 * up, and long notes are wrapped, not cut.
 */
import { describe, expect, it } from 'vitest';
import { wiganDocument } from '../test-support/report-input.ts';
import { indicatorsTable, textTable, wrap } from './terminal.ts';

describe('the indicators table', () => {
  it('fits 120 columns, every line, with a published column and long notes', () => {
    const doc = wiganDocument();
    const r = doc.results[0]!;
    r.published = { value: 667, source: 'DfE C1 2014', difference: -40.6, tolerance: 0.5, reconciliation: 'differs' };
    r.notes.push(`part-year: ${'a long reason '.repeat(20)}`);
    const lines = indicatorsTable(doc).split('\n');
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(120);
    expect(lines.some((l) => /^referrals_per_10k\s+2013\/14/.test(l))).toBe(true);
  });

  it('right-aligns numbers, also those with a mark after them', () => {
    expect(textTable(['a', 'n'], [['x', '667.0!'], ['y', '5.8']]).split('\n')).toEqual(['a       n', 'x  667.0!', 'y     5.8']);
  });

  it('wraps at spaces with an indent, and leaves a short line alone', () => {
    expect(wrap('short')).toBe('short');
    const wrapped = wrap('word '.repeat(50).trim(), 40).split('\n');
    expect(wrapped.length).toBeGreaterThan(1);
    for (const l of wrapped) expect(l.length).toBeLessThanOrEqual(40);
    expect(wrapped[1]).toMatch(/^ {4}word/);
  });
});
