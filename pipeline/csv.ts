/*
 * An RFC 4180 CSV reader that knows where every record came from. Case-system
 * extracts arrive with BOMs, CRLF, quoted newlines and the odd broken row; the
 * user must be told the file, line and column of anything we cannot read, so we
 * parse here rather than hand files to a reader that only says "row 1234".
 *
 * Decoding is strict UTF-8: a Latin-1 or binary file is rejected with the byte
 * offset rather than read as mojibake that would silently change IDs, and a
 * UTF-16 file is named as such, with how to save it as UTF-8.
 *
 * DuckDB's reader reads most SSD files (ingest/ssd-csv.ts); this one reads
 * what DuckDB provably cannot number line by line or count (a quoted line
 * break, a blank line, a lone CR, a stray comma past the last column, a row
 * over 32 MiB: ssd-csv.ts's header, pinned in ingest/readers.test.ts), the
 * files given as bytes, and the benchmark CSVs.
 */
import { InputRejected } from './errors.ts';

export interface CsvRecord {
  /** 1-based physical line on which the record starts */
  line: number;
  fields: string[];
}

export interface CsvFile {
  header: string[];
  /** line of the header (normally 1) */
  headerLine: number;
  records: CsvRecord[];
}

/** Decodes a file's bytes as UTF-8 (BOM allowed), or rejects the file. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  const nul = bytes.indexOf(0);
  if (looksLikeUtf16(bytes)) {
    throw new InputRejected(
      { file },
      'is UTF-16 text; safeguard reads UTF-8: save it as UTF-8 (Excel: Save As "CSV UTF-8 (Comma delimited)"; Notepad: Save As, Encoding "UTF-8")',
    );
  }
  if (nul >= 0) {
    throw new InputRejected({ file, line: lineAtByte(bytes, nul) }, 'contains a NUL byte: this is a binary file, not CSV text');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new InputRejected(
      { file, line: lineAtByte(bytes, at) },
      `is not valid UTF-8 (byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at offset ${at}); save it as UTF-8 (it may be Latin-1/Windows-1252)`,
    );
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Splits CSV text into records. Blank lines are skipped (they are not rows).
 * An unterminated quoted field rejects the whole file: everything after it
 * would otherwise be swallowed into one field.
 */
export function parseCsv(text: string, file: string, delimiter = ','): CsvFile {
  const records: CsvRecord[] = [];
  const n = text.length;
  const delim = delimiter.charCodeAt(0);
  let i = 0;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let fieldStart = i;
    let quoted = false;
    let endOfRecord = false;
    // a record that is an empty line: skip
    const c0 = text.charCodeAt(i);
    if (c0 === 10 || c0 === 13) {
      i += c0 === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      line++;
      continue;
    }
    // a line with no quote, and no CR but the one of a CRLF ending, is split at
    // the delimiters directly: the loop below would find the same fields, one
    // character at a time (most lines of most files are such lines)
    const lf = text.indexOf('\n', i);
    const end = lf < 0 ? n : text.charCodeAt(lf - 1) === 13 ? lf - 1 : lf;
    const plain = text.slice(i, end);
    if (plain.indexOf('"') < 0 && plain.indexOf('\r') < 0) {
      records.push({ line, fields: plain.split(delimiter) });
      i = lf < 0 ? n : lf + 1;
      line++;
      continue;
    }
    while (i < n && !endOfRecord) {
      const c = text.charCodeAt(i);
      if (c === 34 /* " */ && i === fieldStart) {
        // quoted field
        quoted = true;
        let j = i + 1;
        let buf = '';
        let closed = false;
        while (j < n) {
          const q = text.indexOf('"', j);
          if (q < 0) break;
          const chunk = text.slice(j, q);
          line += countNewlines(chunk);
          buf += chunk;
          if (text.charCodeAt(q + 1) === 34) {
            buf += '"';
            j = q + 2;
            continue;
          }
          j = q + 1;
          closed = true;
          break;
        }
        if (!closed) {
          throw new InputRejected({ file, line: startLine }, 'has a quoted field that is never closed (unbalanced quotes, or the file was cut off)');
        }
        field = buf;
        i = j;
        // after the closing quote: delimiter, end of line or end of file
        const after = text.charCodeAt(i);
        if (i < n && after !== delim && after !== 10 && after !== 13) {
          throw new InputRejected({ file, line }, 'has text after a closing quote (a stray " inside a field)');
        }
        continue;
      }
      if (c === delim) {
        fields.push(quoted ? field : text.slice(fieldStart, i));
        i++;
        fieldStart = i;
        field = '';
        quoted = false;
        continue;
      }
      if (c === 10 || c === 13) {
        fields.push(quoted ? field : text.slice(fieldStart, i));
        i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
        line++;
        endOfRecord = true;
        continue;
      }
      i++;
    }
    if (!endOfRecord) fields.push(quoted ? field : text.slice(fieldStart, i));
    records.push({ line: startLine, fields });
  }
  const first = records.shift();
  if (!first) throw new InputRejected({ file }, 'is empty: expected a header row');
  return { header: first.fields.map((h) => h.trim()), headerLine: first.line, records };
}

/** If a header reads as one column but holds `;` or tab, the file is not comma-separated. */
export function guessWrongDelimiter(header: string[]): string | null {
  if (header.length !== 1) return null;
  const h = header[0] ?? '';
  if (h.includes(';')) return 'semicolon';
  if (h.includes('\t')) return 'tab';
  if (h.includes('|')) return 'pipe';
  return null;
}

/**
 * UTF-16 (what Excel's "Unicode Text" and some case systems write): a UTF-16
 * byte order mark, or, without one, text whose every other byte is NUL in its
 * first line (ASCII characters in UTF-16). Either would otherwise be called a
 * binary file.
 */
export function looksLikeUtf16(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  const n = Math.min(bytes.length - (bytes.length % 2), 64);
  if (n < 4) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0 && bytes[i + 1] !== 0) evenNul++;
    if (bytes[i + 1] === 0 && bytes[i] !== 0) oddNul++;
  }
  return evenNul === n / 2 || oddNul === n / 2;
}

function countNewlines(s: string): number {
  let k = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) k++;
    else if (c === 13 && s.charCodeAt(i + 1) !== 10) k++;
  }
  return k;
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}

/** Offset of the first byte that does not begin a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += len;
  }
  return i;
}
