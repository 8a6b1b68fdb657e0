/*
 * The CIN census adapter (extract.md section 3): one DfE children-in-need
 * census XML file in, records for the internal model out, keyed by child and
 * start date for stacking (stacking.ts). A file is a CIN census when its root
 * is `Message` and its header says `Collection` CIN. Its collection year is
 * the one ending on its `ReferenceDate` where given (the census counts to
 * that date), else the header's `Year` (2017 = 2016/17); where the two
 * disagree a note says so (extract.md, "Stacked returns").
 *
 * The file is read with the safe streaming XML reader (xml.ts): one `Child` at
 * a time is gathered into a small tree, turned into records and dropped, so a
 * county's census of tens of MB never becomes a whole-document tree.
 *
 * Mapping (schema.sql):
 * - ChildIdentifiers, ChildCharacteristics -> person;
 * - CINdetails -> referral (CINreferralDate, CINclosureDate, ReferralNFA...);
 * - Section47 -> s47_enquiry; its DateOfInitialCPC -> an icpc linked to it;
 * - DateOfInitialCPC directly under CINdetails -> an icpc with no s47;
 *   the same conference at both levels (DfE 2884) is one conference;
 * - ChildProtectionPlans -> cp_plan (NumberOfPreviousCPP as previous_plans:
 *   1 or more makes the plan a repeat even when the earlier plan is not in
 *   the data); each Reviews/CPPreviewDate -> cp_review.
 * A referral dated after the ReferenceDate is after the data collection
 * period (DfE rule 8600): it is loaded with a warning, never silently.
 * The census has no transfer-in conferences. A record that cannot be used (a
 * missing or impossible date, an end before its start) is quarantined with
 * the element and line; the records nested in it are still read.
 */
import { createHash } from 'node:crypto';
import { InputRejected } from '../errors.ts';
import { parseCount, parseDate, parseFlag, parseId, parseText, shorten } from '../values.ts';
import type { Parsed } from '../values.ts';
import { KeyMaker, financialYear, recordId, yearLabel } from './stacking.ts';
import type { FileReport, ParsedReturn, RecordWarning, ReturnQuarantine, ReturnRecord } from './types.ts';
import { looksLikeXml, readXml } from './xml.ts';
import { emptyOutput } from './adapter.ts';
import type { InputAdapter } from './adapter.ts';

export const ADAPTER = 'cin-census-xml';

/** The CIN census adapter (adapter.ts): XML files by content; one that is XML of another kind is noted as not read. */
export const CIN_CENSUS_XML: InputAdapter = {
  name: ADAPTER,
  title: 'a CIN census',
  reads: 'CIN census XML, recognised by content',
  sources: { person: 'the CIN census', referral: 'the CIN census', s47_enquiry: 'the CIN census', icpc: 'the CIN census', cp_plan: 'the CIN census', cp_review: 'the CIN census' },
  recognise: (file) => looksLikeXml(file.bytes),
  async read(files, ctx) {
    const out = emptyOutput();
    for (const { at, file } of files) {
      try {
        const census = readCinCensus(file.path, file.bytes, ctx.latest);
        if (census) out.returns.push(census);
        else out.notes.push({ at, text: `${file.path}: not read (XML, but not a CIN census: no Message/Header with Collection CIN)` });
      } catch (error) {
        if (!(error instanceof InputRejected)) throw error;
        out.problems.push({ at, error });
      }
    }
    return out;
  },
};

interface Node {
  name: string;
  line: number;
  text: string;
  children: Node[];
}

const TABLES = ['person', 'referral', 's47_enquiry', 'icpc', 'cp_plan', 'cp_review'] as const;
type Table = (typeof TABLES)[number];

/** The elements read for each table (reported as the file's columns read). */
const ELEMENTS: Record<Table, string[]> = {
  person: ['LAchildID', 'PersonBirthDate', 'ExpectedPersonBirthDate', 'GenderCurrent', 'PersonDeathDate', 'UPN', 'Ethnicity'],
  referral: ['CINreferralDate', 'CINclosureDate', 'ReferralNFA', 'PrimaryNeedCode', 'ReferralSource'],
  s47_enquiry: ['S47ActualStartDate'],
  icpc: ['DateOfInitialCPC'],
  cp_plan: ['CPPstartDate', 'CPPendDate', 'InitialCategoryOfAbuse', 'LatestCategoryOfAbuse', 'NumberOfPreviousCPP'],
  cp_review: ['CPPreviewDate'],
};

/**
 * Reads one file if it is a CIN census; null if it is XML of another kind
 * (the caller lists it as not read). Throws InputRejected for a file that is
 * not safe or not well-formed XML, or a census without a collection year.
 */
export function readCinCensus(relPath: string, bytes: Uint8Array, latestDate: string): ParsedReturn | null {
  const reader = new CensusReader(relPath, latestDate);
  readXml(bytes, relPath, reader);
  if (!reader.isCensus) return null;
  if (reader.year === null) {
    throw new InputRejected({ file: relPath }, 'is a CIN census without Header/CollectionDetails/Year: its collection year is needed to stack it with other returns');
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const reports: FileReport[] = TABLES.map((table) => ({
    file: relPath,
    adapter: ADAPTER,
    table,
    bytes: bytes.length,
    sha256,
    rowsRead: reader.read[table],
    rowsLoaded: 0,
    rowsQuarantined: 0,
    columnsRead: ELEMENTS[table].filter((e) => reader.elementsSeen.has(e)),
    columnsIgnored: [],
  }));
  // the collection year ends on the ReferenceDate where given; the header Year otherwise (and a note where they disagree)
  const headerYear = reader.year;
  const year = reader.referenceDate ? financialYear(reader.referenceDate) : headerYear;
  const notes: string[] = [];
  if (reader.referenceDate && year !== headerYear) {
    notes.push(`${relPath}: the header Year says ${yearLabel(headerYear)} and the ReferenceDate ${reader.referenceDate} ends ${yearLabel(year)}: read as the census for ${yearLabel(year)} (the ReferenceDate decides)`);
  }
  return {
    format: 'cin-census',
    title: 'CIN census',
    adapter: ADAPTER,
    label: relPath,
    year,
    yearRule: reader.referenceDate ? 'from its ReferenceDate' : 'from its header Year (no ReferenceDate)',
    asOf: reader.referenceDate ?? `${headerYear + 1}-03-31`,
    // indicators.md v2: the earlier of ReferenceDate and the date of Source/DateTime (the file's making)
    takenOn: [reader.referenceDate, reader.madeOn].filter((d) => d !== null).sort()[0] ?? null,
    tables: [...TABLES],
    records: reader.records,
    quarantine: reader.quarantine,
    reports,
    notes,
  };
}

class CensusReader {
  isCensus = false;
  year: number | null = null;
  referenceDate: string | null = null;
  /** the date of Header/Source/DateTime (when the file was made), for the extract date */
  madeOn: string | null = null;
  readonly records: ReturnRecord[] = [];
  readonly quarantine: ReturnQuarantine[] = [];
  readonly read: Record<Table, number> = { person: 0, referral: 0, s47_enquiry: 0, icpc: 0, cp_plan: 0, cp_review: 0 };
  readonly elementsSeen = new Set<string>();
  private readonly keys = new KeyMaker();
  private depth = 0;
  private path: string[] = [];
  /** the subtree being gathered (a Header or a Child), innermost last */
  private building: Node[] = [];

  constructor(
    private readonly file: string,
    private readonly latest: string,
  ) {}

  open(name: string, line: number): boolean | void {
    this.depth++;
    this.path.push(name);
    if (this.depth === 1) {
      if (name !== 'Message') return true; // not a census: stop here
      return;
    }
    if (this.depth === 2 && name === 'Children' && !this.isCensus) {
      return true; // no CIN header before the children: not a census
    }
    const gather = this.building.length > 0 || (this.depth === 2 && name === 'Header') || (this.depth === 3 && name === 'Child' && this.path[1] === 'Children');
    if (gather) {
      const node: Node = { name, line, text: '', children: [] };
      this.building.at(-1)?.children.push(node);
      this.building.push(node);
    }
  }

  text(text: string): void {
    const n = this.building.at(-1);
    if (n && n.text.length < 10_000) n.text += text;
  }

  close(name: string): boolean | void {
    this.depth--;
    this.path.pop();
    const node = this.building.length > 0 ? this.building.pop()! : null;
    if (node && this.building.length === 0) {
      if (name === 'Header') return this.header(node);
      if (name === 'Child') this.child(node);
    }
  }

  /** Returns true (stop) when the header shows another collection. */
  private header(h: Node): boolean {
    const details = find(h, 'CollectionDetails');
    const collection = details ? value(details, 'Collection') : null;
    if (collection?.toUpperCase() !== 'CIN') return true;
    this.isCensus = true;
    const year = details ? value(details, 'Year') : null;
    const yearNode = details ? find(details, 'Year') : undefined;
    if (year !== null) {
      if (!/^\d{4}$/.test(year)) throw new InputRejected({ file: this.file, line: yearNode?.line }, `has the collection Year '${shorten(year, 200)}'; expected four digits, e.g. 2017 for 2016/17`);
      this.year = Number(year) - 1;
    }
    const ref = details ? find(details, 'ReferenceDate') : undefined;
    if (ref) {
      const d = parseDate(ref.text, this.latest);
      if (!d.ok) throw new InputRejected({ file: this.file, line: ref.line }, `has a ReferenceDate that cannot be read: ${d.reason}`);
      this.referenceDate = d.value;
      if (this.year === null && d.value) this.year = financialYear(d.value);
      // the ReferenceDate may come before the children or after them: 8600 is checked when the file is read (readCinCensus)
    }
    // a DateTime that cannot be read is no date (it only bounds the extract date): YYYY-MM-DDThh:mm:ss
    const made = find(h, 'Source') ? value(find(h, 'Source')!, 'DateTime') : null;
    const madeDate = made !== null ? parseDate(made.trim().slice(0, 10), this.latest) : null;
    if (madeDate?.ok) this.madeOn = madeDate.value;
    return false;
  }

  private child(c: Node): void {
    const ids = find(c, 'ChildIdentifiers');
    const idNode = ids ? find(ids, 'LAchildID') : undefined;
    const idParsed = parseId(idNode?.text ?? '');
    this.read.person++;
    if (!idParsed.ok || idParsed.value === null) {
      this.bad('person', idNode?.line ?? c.line, 'LAchildID', idParsed.ok ? null : idNode?.text ?? null, idParsed.ok ? 'LAchildID is empty: none of the child\'s records can be read' : idParsed.reason);
      return;
    }
    const child = idParsed.value;
    this.elementsSeen.add('LAchildID');

    // person
    const person: Record<string, string | null> = { person_id: child };
    const personOk = this.fields(person, 'person', ids ?? c, [
      ['PersonBirthDate', 'dob', 'date'],
      ['ExpectedPersonBirthDate', 'expected_dob', 'date'],
      ['GenderCurrent', 'sex', 'text'],
      ['PersonDeathDate', 'death_date', 'date'],
      ['UPN', 'upn', 'text'],
    ]);
    const characteristics = find(c, 'ChildCharacteristics');
    const ethnicityOk = !personOk || !characteristics || this.fields(person, 'person', characteristics, [['Ethnicity', 'ethnicity', 'text']]);
    // a quarantined person row leaves the child's records to the check after stacking (another return may describe the child)
    if (personOk && ethnicityOk) this.push('person', child, child, person, ids?.line ?? c.line, []);

    // per referral: the referral, its enquiries and conferences, its plans
    const icpcs: { date: string; s47: string | null; referral: string | null; line: number; level: 's47' | 'cin'; warnings: RecordWarning[] }[] = [];
    for (const d of c.children.filter((n) => n.name === 'CINdetails')) {
      this.read.referral++;
      let referralId: string | null = null;
      const referral: Record<string, string | null> = { person_id: child };
      const dateNode = find(d, 'CINreferralDate');
      if (!dateNode || dateNode.text.trim() === '') {
        this.bad('referral', dateNode?.line ?? d.line, 'CINreferralDate', null, 'CINreferralDate is empty (DfE rule 8600): no referral is counted for this CINdetails; the enquiries, conferences and plans in it are still read');
      } else if (
        this.fields(referral, 'referral', d, [
          ['CINreferralDate', 'referral_date', 'date'],
          ['CINclosureDate', 'close_date', 'date'],
          ['ReferralNFA', 'nfa', 'flag'],
          ['PrimaryNeedCode', 'primary_need_code', 'text'],
          ['ReferralSource', 'referral_source_code', 'text'],
        ]) &&
        this.ordered(referral, 'referral', d, 'referral_date', 'close_date', 'CINclosureDate', 'CINreferralDate')
      ) {
        const key = this.keys.make('referral', `${child}/${referral.referral_date}`);
        referralId = recordId('referral', key);
        referral.referral_id = referralId;
        const warnings: RecordWarning[] =
          this.referenceDate && referral.referral_date! > this.referenceDate
            ? [{ rule: '8600', message: 'a referral is dated after the census ReferenceDate, after the data collection period: it is loaded as given; check the referral date' }]
            : [];
        this.push('referral', key, child, referral, d.line, warnings);
      }

      for (const s of d.children.filter((n) => n.name === 'Section47')) {
        this.read.s47_enquiry++;
        const s47: Record<string, string | null> = { person_id: child, referral_id: referralId };
        let s47Id: string | null = null;
        const startNode = find(s, 'S47ActualStartDate');
        if (!startNode || startNode.text.trim() === '') {
          this.bad('s47_enquiry', startNode?.line ?? s.line, 'S47ActualStartDate', null, 'S47ActualStartDate is empty');
        } else if (this.fields(s47, 's47_enquiry', s, [['S47ActualStartDate', 'start_date', 'date']])) {
          const key = this.keys.make('s47_enquiry', `${child}/${s47.start_date}`);
          s47Id = recordId('s47_enquiry', key);
          s47.s47_id = s47Id;
          this.push('s47_enquiry', key, child, s47, s.line, []);
        }
        const cpc = find(s, 'DateOfInitialCPC');
        if (cpc && cpc.text.trim() !== '') {
          const date = this.date(cpc, 'icpc');
          if (date) {
            const warnings: RecordWarning[] =
              s47Id === null
                ? [{ rule: '8615', message: 'an initial child protection conference is recorded in a section 47 enquiry with no usable start date: the ICPC is counted, with no enquiry' }]
                : [];
            icpcs.push({ date, s47: s47Id, referral: referralId, line: cpc.line, level: 's47', warnings });
          }
        }
      }

      const cinCpc = d.children.find((n) => n.name === 'DateOfInitialCPC');
      if (cinCpc && cinCpc.text.trim() !== '') {
        const date = this.date(cinCpc, 'icpc');
        if (date) icpcs.push({ date, s47: null, referral: referralId, line: cinCpc.line, level: 'cin', warnings: [] });
      }

      for (const p of d.children.filter((n) => n.name === 'ChildProtectionPlans')) this.plan(p, child, referralId);
    }

    // one conference recorded at the s47 and at the CIN details level (DfE 2884) is one conference
    const s47Dates = new Set(icpcs.filter((i) => i.level === 's47').map((i) => i.date));
    for (const i of icpcs) {
      if (i.level === 'cin' && s47Dates.has(i.date)) {
        const twin = icpcs.find((x) => x.level === 's47' && x.date === i.date)!;
        twin.warnings.push({ rule: '2884', message: 'an initial child protection conference is recorded at both the section 47 and the CIN details level: it is counted once, linked to its enquiry' });
        this.read.icpc--; // one conference, read once
        continue;
      }
      const key = this.keys.make('icpc', `${child}/${i.date}`);
      this.push('icpc', key, child, { icpc_id: recordId('icpc', key), person_id: child, icpc_date: i.date, s47_id: i.s47, referral_id: i.referral }, i.line, i.warnings);
    }
  }

  private plan(p: Node, child: string, referralId: string | null): void {
    this.read.cp_plan++;
    const reviewNodes = (find(p, 'Reviews')?.children ?? []).filter((n) => n.name === 'CPPreviewDate');
    this.read.cp_review += reviewNodes.length;
    const plan: Record<string, string | null> = { person_id: child, referral_id: referralId };
    const startNode = find(p, 'CPPstartDate');
    const reviewsGo = (why: string) => {
      for (const r of reviewNodes) this.bad('cp_review', r.line, 'CPPreviewDate', r.text.trim() || null, why);
    };
    if (!startNode || startNode.text.trim() === '') {
      this.bad('cp_plan', startNode?.line ?? p.line, 'CPPstartDate', null, 'CPPstartDate is empty');
      reviewsGo('belongs to a plan with no start date (quarantined)');
      return;
    }
    const ok =
      this.fields(plan, 'cp_plan', p, [
        ['CPPstartDate', 'start_date', 'date'],
        ['CPPendDate', 'end_date', 'date'],
        ['InitialCategoryOfAbuse', 'initial_category', 'text'],
        ['LatestCategoryOfAbuse', 'latest_category', 'text'],
        ['NumberOfPreviousCPP', 'previous_plans', 'count'],
      ]) && this.ordered(plan, 'cp_plan', p, 'start_date', 'end_date', 'CPPendDate', 'CPPstartDate');
    if (!ok) {
      reviewsGo('belongs to a plan that was quarantined');
      return;
    }
    const key = this.keys.make('cp_plan', `${child}/${plan.start_date}`);
    const planId = recordId('cp_plan', key);
    plan.cp_plan_id = planId;
    this.push('cp_plan', key, child, plan, p.line, []);
    for (const r of reviewNodes) {
      const date = this.date(r, 'cp_review');
      if (!date) continue;
      const rkey = this.keys.make('cp_review', `${key}/${date}`);
      this.push('cp_review', rkey, child, { cp_review_id: recordId('cp_review', rkey), cp_plan_id: planId, review_date: date, person_id: child }, r.line, []);
    }
  }

  /** Reads the named child elements into `into`; quarantines the record (false) at the first bad value. */
  private fields(into: Record<string, string | null>, table: Table, parent: Node, spec: [string, string, 'date' | 'text' | 'flag' | 'count'][]): boolean {
    for (const [element, column, kind] of spec) {
      const n = find(parent, element);
      if (!n) continue;
      this.elementsSeen.add(element);
      const parsed: Parsed<string | null> =
        kind === 'date' ? parseDate(n.text, this.latest) : kind === 'flag' ? flagText(n.text) : kind === 'count' ? countText(n.text) : parseText(n.text);
      if (!parsed.ok) {
        this.bad(table, n.line, element, shorten(n.text.trim(), 200), parsed.reason);
        return false;
      }
      into[column] = parsed.value;
    }
    return true;
  }

  /** An end before its start is a bad row (extract.md). */
  private ordered(rec: Record<string, string | null>, table: Table, node: Node, start: string, end: string, endElement: string, startElement: string): boolean {
    const s = rec[start];
    const e = rec[end];
    if (s && e && e < s) {
      this.bad(table, find(node, endElement)?.line ?? node.line, endElement, e, `${endElement} is before ${startElement}`);
      return false;
    }
    return true;
  }

  private date(n: Node, table: Table): string | null {
    this.elementsSeen.add(n.name);
    if (table === 'icpc') this.read.icpc++;
    const d = parseDate(n.text, this.latest);
    if (!d.ok) {
      this.bad(table, n.line, n.name, shorten(n.text.trim(), 200), d.reason);
      return null;
    }
    return d.value;
  }

  private push(table: Table, key: string, child: string, values: Record<string, string | null>, line: number, warnings: RecordWarning[]): void {
    this.records.push({ table, key, child, values, file: this.file, line, childColumn: 'LAchildID', warnings });
  }

  private bad(table: Table, line: number, column: string, value: string | null, reason: string): void {
    this.quarantine.push({ table, file: this.file, line, column, value, reason });
  }
}

function find(n: Node, name: string): Node | undefined {
  return n.children.find((c) => c.name === name);
}

function value(n: Node, name: string): string | null {
  const v = find(n, name)?.text.trim();
  return v === undefined || v === '' ? null : v;
}

function flagText(raw: string): Parsed<string | null> {
  const f = parseFlag(raw);
  return f.ok ? { ok: true, value: f.value === null ? null : String(f.value) } : f;
}

function countText(raw: string): Parsed<string | null> {
  const c = parseCount(raw);
  return c.ok ? { ok: true, value: c.value === null ? null : String(c.value) } : c;
}

