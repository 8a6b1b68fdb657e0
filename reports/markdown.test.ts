/* The board-paper Markdown: a committed snapshot of the fixture, and escaping. */
import { describe, expect, it } from 'vitest';
import { wiganReportInput } from '../test-support/report-input.ts';
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
});
