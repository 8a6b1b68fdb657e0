/* The board-paper Markdown: a committed snapshot of the fixture, and escaping. */
import { describe, expect, it } from 'vitest';
import { wiganReportInput, wiganRestatement } from '../test-support/report-input.ts';
import { escapeMarkdown, renderMarkdown } from './markdown.ts';

describe('renderMarkdown', () => {
  it('matches the committed snapshot (unsuppressed)', async () => {
    await expect(renderMarkdown(wiganReportInput())).toMatchFileSnapshot('__snapshots__/report.md');
  });

  it('matches the committed snapshot (published, suppressed)', async () => {
    await expect(renderMarkdown(wiganReportInput({ suppress: true }))).toMatchFileSnapshot('__snapshots__/report-suppressed.md');
  });

  it("prints the board's published figures for ICPCs in 15 working days", () => {
    const md = renderMarkdown(wiganReportInput());
    const section = md.slice(md.indexOf('### ICPCs held within 15 working days'));
    expect(section).toContain('| Numerator | 376 | 492 | 501 | 401 |');
    expect(section).toContain('| Wigan | 94.5 | 95.3 | 91.6 | 85.7 |');
    expect(section).toContain('| Statistical neighbours | 67.5 | 82.5 | 80.9 | 80.9 |');
    expect(section).toContain('| North West | 70.9 | 74.1 | 74.4 | 74.4 |');
    expect(section).toContain('| England | 69.3 | 74.8 | 76.7 | 76.7 |');
    expect(section).toContain('| Direction of travel | Not rated | Better ↑ | Worse ↓ | Worse ↓ |');
  });

  it('escapes text so a title cannot break a table or inject HTML', () => {
    expect(escapeMarkdown('a | b <script>x</script> *c* [d](e)\nf')).toBe('a \\| b \\<script\\>x\\</script\\> \\*c\\* \\[d\\](e) f');
    const input = wiganReportInput();
    for (const r of input.doc.results) if (r.indicator === 'cla_per_10k') r.title = 'Looked | after <img src=x onerror=alert(1)>';
    for (const d of input.definitions) if (d.id === 'cla_per_10k') d.title = 'Looked | after <img src=x onerror=alert(1)>';
    const md = renderMarkdown(input);
    expect(md).not.toMatch(/(?<!\\)<img/);
    expect(md).toContain('### Looked \\| after \\<img src=x onerror=alert(1)\\>');
    // every summary row still has the same number of cells as the header
    const summary = md.slice(md.indexOf('## Summary'), md.indexOf('## Front door')).split('\n').filter((l) => l.startsWith('|'));
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    for (const line of summary) expect(cells(line)).toBe(cells(summary[0]!));
  });

  describe('restated since the last snapshot (the fixture: test-support/report-input.ts wiganRestatement)', () => {
    const md = renderMarkdown(wiganReportInput({ restatement: wiganRestatement() }));
    const section = (title: string) => md.slice(md.indexOf(`### ${title}`), md.indexOf('\n### ', md.indexOf(`### ${title}`) + 1));

    it('marks each figure that moved, with what it was, under it', () => {
      const icpc = section('ICPCs held within 15 working days');
      expect(icpc).toContain('| Wigan | 94.5 | 95.3 | 91.6 | 85.7 † |');
      expect(icpc).toContain('| Restated since the last snapshot |  |  |  | † was 84.4 (+1.3) |');
      // a value that became, or stopped being, no value is said in words; so is a move in the counts alone
      const rereferrals = section('Re-referrals within 12 months');
      expect(rereferrals).toContain('| Wigan | x † | 14.5 † | 15.6 | 16.7 |');
      expect(rereferrals).toContain('| Restated since the last snapshot | † was 14.2, now no value | † had no value |  |  |');
      expect(section('CP plans reviewed within required timescales')).toContain('| Restated since the last snapshot |  | † counts were 199 / 202 (value unchanged) |  |  |');
      // an indicator that did not move has no such row, and the summary marks the latest year's figure
      expect(section('Children looked after at period end per 10,000')).not.toContain('Restated');
      expect(md).toMatch(/\| ICPCs held within 15 working days[^\n]* \| High \| 85\.7 † \|/);
    });

    it('ends with the list: both extracts, what a restatement is, every move, what was not compared', () => {
      const list = md.slice(md.indexOf('## Restated since the last snapshot'));
      expect(md.indexOf('## Restated since the last snapshot')).toBeGreaterThan(md.indexOf('## Key'));
      expect(list).toContain('Extract snap-2017-04-10-a1 taken on 2017-04-10, against extract snap-2017-03-10-b7 taken on 2017-03-10, the snapshot loaded before it. 6 figures moved since then');
      expect(list).toContain('late recording, corrected dates, deleted or merged records. The safeguard changes command lists the records that moved each figure (child-level, OFFICIAL-SENSITIVE');
      expect(list).toContain('| Indicator | Period | Earlier (numerator / denominator / value) | Now (numerator / denominator / value) | Move |');
      expect(list).toContain('| ICPCs held within 15 working days of the start of the s47 enquiry (%) | 2016/17 | 390 / 462 / 84.4 | 401 / 468 / 85.7 | +1.3 |');
      expect(list).toContain('| Re-referrals within 12 months (%) | 2013/14 | 480 / 3,390 / 14.2 | x / 3,390 / x | now no value |');
      expect(list).toContain('| Re-referrals within 12 months (%) | 2014/15 | x / 3,522 / x | 512 / 3,522 / 14.5 | now a value |');
      expect(list).toContain('| 2015/16 | 7 / 270 / 2.6 | 5 / 271 / 1.8 | -0.8 |');
      expect(list).toContain('| CP plans reviewed within required timescales (%) | 2014/15 | 199 / 202 / 98.5 | 200 / 203 / 98.5 | 0.0 |');
      expect(list).toContain('- not compared: 2017/18, part-year');
      expect(md).toContain('- † = restated since the last snapshot (extract snap-2017-03-10-b7, taken on 2017-03-10)');
    });

    it('never works a move out itself: one given without its difference prints x', () => {
      const restatement = wiganRestatement();
      restatement.moves = restatement.moves.map((m) => (m.indicator === 'icpc_within_15wd_pct' ? { ...m, difference: null } : m));
      const out = renderMarkdown(wiganReportInput({ restatement }));
      expect(out).toContain('| 2016/17 | 390 / 462 / 84.4 | 401 / 468 / 85.7 | x |');
      expect(out).toContain('| Restated since the last snapshot |  |  |  | † was 84.4 |');
    });

    it('says nothing of restatements without an earlier snapshot', () => {
      const plain = renderMarkdown(wiganReportInput());
      expect(plain).not.toContain('†');
      expect(plain).not.toContain('Restated');
    });

    it('never prints a withheld count through a mark or the list (--suppress)', () => {
      const published = renderMarkdown(wiganReportInput({ restatement: wiganRestatement(), suppress: true }));
      const list = published.slice(published.indexOf('## Restated since the last snapshot'));
      // 2015/16: 5 of 271 now, withheld; the earlier 7 of 270 is shown, the move (which gives 1.8 back) is not
      expect(list).toContain('| 2015/16 | 7 / 270 / 2.6 | c / 271 / c | c |');
      // 2016/17: 4 of 259 then, withheld; the move would give it back
      expect(list).toContain('| 2016/17 | c / 259 / c | 8 / 260 / 3.1 | c |');
      // 3 late reviews both times (the complement): the numerator is withheld at both ends
      expect(list).toContain('| 2014/15 | c / 202 / c | c / 203 / c | c |');
      const plans = published.slice(published.indexOf('### Children on a plan at period end who have been on it for 2 years'));
      expect(plans).toContain('| Wigan | 2.8 | 2.8 | c † | 3.1 † |');
      expect(plans).toContain('| Restated since the last snapshot |  |  | † was 2.6 | † was c |');
      // the withheld earlier value (1.5), count (4) and the two moves, which the plain version prints
      const leaks = /4 \/ 259|was 1\.5|\(-0\.8\)|-0\.8 \||\(\+1\.6\)|\+1\.6 \|/;
      expect(md).toMatch(leaks);
      expect(published).not.toMatch(leaks);
      // the unaffected moves are as in the plain version
      expect(list).toContain('| 2016/17 | 390 / 462 / 84.4 | 401 / 468 / 85.7 | +1.3 |');
    });
  });
});
