import { describe, expect, it } from 'vitest';
import { decodeUtf8, guessWrongDelimiter, parseCsv } from './csv.ts';
import { InputRejected } from './errors.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('parseCsv', () => {
  it('reads a header and records with their line numbers', () => {
    const f = parseCsv('a,b\n1,2\n3,4\n', 'f.csv');
    expect(f.header).toEqual(['a', 'b']);
    expect(f.records).toEqual([
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', '4'] },
    ]);
  });

  it('handles CRLF, quoted commas, doubled quotes and newlines inside quotes (line numbers stay physical)', () => {
    const f = parseCsv('a,b\r\n"x, y","say ""hi"""\r\n"multi\r\nline",z\r\nlast,1', 'f.csv');
    expect(f.records[0]).toEqual({ line: 2, fields: ['x, y', 'say "hi"'] });
    expect(f.records[1]).toEqual({ line: 3, fields: ['multi\r\nline', 'z'] });
    expect(f.records[2]).toEqual({ line: 5, fields: ['last', '1'] });
  });

  it('keeps empty trailing fields and skips blank lines', () => {
    const f = parseCsv('a,b,c\n1,,\n\n2,3,\n', 'f.csv');
    expect(f.records.map((r) => r.fields)).toEqual([
      ['1', '', ''],
      ['2', '3', ''],
    ]);
    expect(f.records[1]!.line).toBe(4);
  });

  it('rejects an unterminated quote naming the line where it opened', () => {
    expect(() => parseCsv('a,b\n1,2\n"open,3\n4,5\n', 'f.csv')).toThrow(/f\.csv, line 3: .*never closed/);
  });

  it('rejects text after a closing quote', () => {
    expect(() => parseCsv('a,b\n"x"y,2\n', 'f.csv')).toThrow(InputRejected);
  });

  it('rejects an empty file', () => {
    expect(() => parseCsv('', 'f.csv')).toThrow(/f\.csv: is empty/);
  });
});

describe('decodeUtf8', () => {
  it('strips a BOM', () => {
    expect(decodeUtf8(enc('\uFEFFa,b'), 'f.csv')).toBe('a,b');
  });
  it('rejects Latin-1 with the line of the first bad byte', () => {
    const bytes = Uint8Array.from([...enc('a,b\n1,2\nJos'), 0xe9, ...enc(',3\n')]);
    expect(() => decodeUtf8(bytes, 'f.csv')).toThrow(/f\.csv, line 3: is not valid UTF-8 \(byte 0xe9 at offset 11\)/);
  });
  it('rejects binary (NUL bytes)', () => {
    expect(() => decodeUtf8(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00]), 'x.csv')).toThrow(/binary/);
  });
  it('accepts multi-byte UTF-8', () => {
    expect(decodeUtf8(enc('Zoë,Ł'), 'f.csv')).toBe('Zoë,Ł');
  });
});

describe('guessWrongDelimiter', () => {
  it('spots semicolon and tab files', () => {
    expect(guessWrongDelimiter(['a;b;c'])).toBe('semicolon');
    expect(guessWrongDelimiter(['a\tb'])).toBe('tab');
    expect(guessWrongDelimiter(['a', 'b'])).toBeNull();
  });
});
