/*
 * What ingest adapters produce: rows for the internal tables (as text, cast
 * by the loader against schema.sql), the rows they could not use with the
 * reason, and an account of each file. The SSD adapter stages its rows in
 * DuckDB as it reads; the returns' adapters build records in memory, which
 * are staged once stacked (stacking.ts), checked by the DfE rules
 * (dfe-rules.ts) on the way. Problems are data, and the command decides what
 * they mean for the exit code.
 */

/** `legal_status`: a 903 LS code, its DfE description or both, loaded as the code (values.ts parseLegalStatus) */
export type ValueKind = 'id' | 'text' | 'date' | 'flag' | 'count' | 'legal_status';

export interface ColumnSpec {
  /** column name in the source file */
  source: string;
  /** column of the internal table (schema.sql) */
  target: string;
  kind: ValueKind;
  /** the column must be in the file's header */
  required?: boolean;
  /** a row with this value empty is a bad row */
  valueRequired?: boolean;
}

export interface TableRows {
  table: string;
  /** target column names, in the order of each row's values */
  columns: string[];
  rows: (string | null)[][];
  /** source file (relative path) and line of each row */
  files: string[];
  lines: number[];
}

export interface QuarantinedRow {
  file: string;
  line: number | null;
  column: string | null;
  value: string | null;
  reason: string;
}

export interface FileReport {
  file: string;
  adapter: string;
  table: string;
  bytes: number;
  sha256: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsQuarantined: number;
  columnsRead: string[];
  columnsIgnored: string[];
  /** a return's collection year (2016 = 2016/17), set when the returns are stacked: where its table's coverage starts (load.ts) */
  collectionYear?: number | null;
  /** which CSV reader read an SSD file: DuckDB's (one record per line) or csv.ts */
  reader?: 'duckdb' | 'csv.ts';
}

/**
 * An extract read into the staging area (staging.ts): the rows themselves and
 * the quarantine wait in temp tables on the connection that read them.
 */
export interface ParsedExtract {
  files: FileReport[];
  /** the internal tables staged, with their columns */
  tables: Map<string, string[]>;
  /** rows quarantined (listed in stage_quarantine) */
  quarantined: number;
  /** things the user should know that are not errors (ignored files and columns) */
  notes: string[];
  /**
   * records loaded that a DfE validation rule says to check before
   * trusting the figures they feed (dfe-rules.ts); `rule` is the DfE rule
   * number where DfE has one. A warning never removes a record.
   */
  warnings: ExtractWarning[];
  /** each return's date taken (ParsedReturn.takenOn) and the rule that gave it, for the extract date (extract-date.ts) */
  returnsTaken?: { label: string; date: string; rule: string }[];
}

// The returns (CIN census, SSDA903) as their adapters read them, before stacking.
export interface RecordWarning {
  rule: string | null;
  message: string;
}

export interface ExtractWarning {
  rule: string | null;
  file: string;
  line: number | null;
  message: string;
}

/** One record of one return, in the internal model's columns. */
export interface ReturnRecord {
  table: string;
  /** identity across returns: child and start date (plus `#n` for the n-th same-day record in one return) */
  key: string;
  /** the child the record belongs to (every record of a return has one) */
  child: string;
  values: Record<string, string | null>;
  file: string;
  line: number;
  /** source name of the child's ID, for quarantine reasons (`LAchildID`, `CHILD`) */
  childColumn: string;
  warnings: RecordWarning[];
}

export interface ReturnQuarantine extends QuarantinedRow {
  table: string;
}

export interface ParsedReturn {
  /** the return's format, for the DfE rules between consecutive returns of one format (dfe-rules.ts) */
  format: string;
  /** what the return is called in notes ("CIN census") */
  title: string;
  adapter: string;
  /** the return's file (CIN census) or folder (SSDA903) */
  label: string;
  /** collection year as the financial year's first calendar year (2016 = 2016/17); null if it has no dates */
  year: number | null;
  /** which rule gave the year, for the output ("from its file names", "from its ReferenceDate") */
  yearRule?: string;
  /** the date the return runs to (CIN ReferenceDate; SSDA903 latest date): orders two returns of one year */
  asOf: string | null;
  /**
   * The date the return was taken, for the extract date when none is given
   * (indicators.md v2, extract-date.ts): a CIN census's the earlier of its
   * ReferenceDate and its Source/DateTime. Absent: 31 March of its collection
   * year (an SSDA903 return's rule).
   */
  takenOn?: string | null;
  /** the internal tables the return speaks for: loaded even when it has no rows for them (indicators.md v2: a table with no records still gives no value) */
  tables: string[];
  records: ReturnRecord[];
  quarantine: ReturnQuarantine[];
  /** one per (file, internal table), rows read filled in */
  reports: FileReport[];
  notes: string[];
}
