/*
 * The command line: commander wiring only. Each command is a plain async
 * function in app/commands/; the one catch here turns our errors into the
 * exit codes of cli.md (1 failed, 2 bad usage, 3 input rejected) and a message,
 * never a stack trace (set SAFEGUARD_DEBUG=1 to see one).
 */
import { Command, CommanderError, Option } from 'commander';
import { SafeguardError } from './pipeline/errors.ts';
import { environmentError, errnoCause } from './pipeline/environment.ts';
import { guardStreams, outputFailure, processIo, safeIo } from './app/io.ts';
import type { Io } from './app/io.ts';
// Each command's module is loaded only when that command runs, so a command
// pays at start-up only for what it uses (the report writers' exceljs alone
// is a quarter of a second; the others about 50 ms together).
const commands = {
  demo: () => import('./app/commands/demo.ts'),
  report: () => import('./app/commands/report.ts'),
  ingest: () => import('./app/commands/ingest.ts'),
  benchmarks: () => import('./app/commands/benchmarks.ts'),
  indicators: () => import('./app/commands/indicators.ts'),
  snapshots: () => import('./app/commands/snapshots.ts'),
  published: () => import('./app/commands/published.ts'),
  trends: () => import('./app/commands/trends.ts'),
  records: () => import('./app/commands/records.ts'),
  changes: () => import('./app/commands/changes.ts'),
};

const DEFAULT_DB = './safeguard.duckdb';
const collect = (v: string, prev: string[]) => [...prev, v];

// options several commands share, each defined once (a new Option per command)
const options = {
  db: () => new Option('--db <file>', 'database file').default(DEFAULT_DB),
  la: () => new Option('--la <code>', 'the LA: DfE code (359) or ONS code (E08000010)'),
  extractDate: () => new Option('--extract-date <date>', 'the date the extract was taken (YYYY-MM-DD; default: found from the data, and said)'),
  snapshot: () => new Option('--snapshot <id>', 'a snapshot other than the latest'),
  suppress: () => new Option('--suppress', 'publication version: counts of 1 to 5 shown as c, with secondary suppression'),
  exportParquet: () => new Option('--export-parquet <dir>', "also write the snapshot's tables to Parquet, partitioned by LA and snapshot"),
  snStat: () => new Option('--sn-stat <stat>', 'statistical neighbours summarised by').choices(['mean', 'median']).default('mean'),
  snModel: () => new Option('--sn-model <model>', 'statistical-neighbour model for every year (default: the model in force for each year, 2021 up to 2023/24, 2025 from 2024/25)').choices(['2025', '2021']),
  reconcileTolerance: () => new Option('--reconcile-tolerance <n>', "flag a figure further than this from DfE's published one, in its unit").default('0.5'),
  reportOut: () => new Option('--out <dir>', 'where the reports go').default('out/reports'),
  ssdYears: () => new Option('--ssd-years <n>', "years of history an SSD extract holds: a number, or all for its whole history (D2I's scripts keep 6)").default('6'),
  reportPeriods: () => new Option('--period <p>', 'financial years for the tables (default: the latest four complete)').argParser(collect).default([]),
  // the trend charts (trends.md)
  rebase: () => new Option('--rebase <month>', 'a known change of process: SPC limits recalculated from this month (YYYY-MM; repeatable)').argParser(collect).default([]),
  annotations: () => new Option('--annotations <file>', 'CSV date,label[,rebase]: labelled markers on the trend charts (rebase Y starts a new phase)'),
  targets: () => new Option('--targets <file>', 'CSV indicator,target: the assurance icon for each indicator with a target'),
  commentary: () => new Option('--commentary <file>', 'CSV indicator,text: what each figure tells the board, printed under it in the workbook, Markdown and HTML'),
};
type TrendFlags = { rebase: string[]; annotations?: string; targets?: string };

export function buildProgram(io: Io): Command {
  const program = new Command('safeguard')
    .description('Safeguarding partnership indicators from a case-system extract, benchmarked against DfE data')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });

  program
    .command('demo')
    .description('generate a synthetic extract for Wigan (359) and run the whole job on it, offline')
    .option('--out <dir>', 'where the demo extract, database and reports go', 'out/demo')
    .action(async (o: { out: string }) => (await commands.demo()).demo(o, io));

  program
    .command('run')
    .description('the monthly job in one step: ingest, benchmarks, indicators, reports')
    .argument('<extract_dir>')
    .addOption(options.la())
    .addOption(options.db())
    .addOption(options.reportOut())
    .addOption(options.reportPeriods())
    .addOption(options.extractDate())
    .addOption(options.suppress())
    .addOption(options.exportParquet())
    .addOption(options.snStat())
    .addOption(options.snModel())
    .addOption(options.reconcileTolerance())
    .addOption(options.rebase())
    .addOption(options.annotations())
    .addOption(options.targets())
    .addOption(options.ssdYears())
    .addOption(options.commentary())
    .action(async (dir: string, o: { la?: string; db: string; out: string; period: string[]; extractDate?: string; suppress?: boolean; exportParquet?: string; snStat: string; snModel?: string; reconcileTolerance: string; ssdYears: string; commentary?: string } & TrendFlags) =>
      (await commands.report()).runJob(dir, o, io),
    );

  program
    .command('report')
    .description("write the subgroup's tables (Markdown, CSV, Excel) and the scrutineer's trends (HTML)")
    .addOption(options.db())
    .addOption(options.reportOut())
    .addOption(options.reportPeriods())
    .addOption(options.snapshot())
    .addOption(options.suppress())
    .addOption(options.snStat())
    .addOption(options.snModel())
    .addOption(options.reconcileTolerance())
    .option('--published', "DfE's published figures for --la instead of an extract's (no database needed)")
    .addOption(options.la())
    .addOption(options.rebase())
    .addOption(options.annotations())
    .addOption(options.targets())
    .addOption(options.commentary())
    .action(async (o: { db: string; out: string; period: string[]; snapshot?: string; suppress?: boolean; snStat: string; snModel?: string; reconcileTolerance: string; published?: boolean; la?: string; commentary?: string } & TrendFlags) => {
      await (await commands.report()).report(o, io);
    });

  program
    .command('ingest')
    .description('load one extract folder as a new snapshot')
    .argument('<extract_dir>')
    .addOption(options.la())
    .addOption(options.db())
    .addOption(options.extractDate())
    .addOption(options.exportParquet())
    .addOption(options.ssdYears())
    .action(async (dir: string, o: { la?: string; db: string; extractDate?: string; exportParquet?: string; ssdYears: string }) => {
      await (await commands.ingest()).ingest(dir, o, io);
    });

  program
    .command('validate')
    .description('read and check an extract without loading it')
    .argument('<extract_dir>')
    .addOption(options.extractDate())
    .action(async (dir: string, o: { extractDate?: string }) => {
      await (await commands.ingest()).validate(dir, o, io);
    });

  const benchmarks = program.command('benchmarks').description('comparator data');
  benchmarks
    .command('import')
    .description("load DfE's published CSVs and/or plain benchmark CSVs (indicator,period,comparator,value[,source])")
    .argument('<files...>')
    .addOption(options.db())
    .action(async (files: string[], o: { db: string }) => (await commands.benchmarks()).importBenchmarks(files, o, io));

  program
    .command('indicators')
    .description('compute the indicators for one or more periods')
    .addOption(options.db())
    .option('--period <p>', 'period: 2016/17, 2013/14:2016/17, 2024-10 or 2024-01-01..2024-06-30 (repeatable)', collect, [])
    .addOption(new Option('--format <f>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .addOption(options.snapshot())
    .addOption(options.snStat())
    .addOption(options.snModel())
    .addOption(options.reconcileTolerance())
    .action(async (o: { db: string; period: string[]; format: string; snapshot?: string; snStat: string; snModel?: string; reconcileTolerance: string }) => (await commands.indicators()).indicators(o, io));

  program
    .command('published')
    .description("any LA's figures as DfE published them, with SN, region, England, rank and direction (no extract, no database)")
    .addOption(options.la())
    .option('--period <p>', 'financial year: 2023/24 or 2020/21:2023/24 (repeatable; default: the latest DfE has published)', collect, [])
    .addOption(new Option('--format <f>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .addOption(options.snStat())
    .addOption(options.snModel())
    .action(async (o: { la?: string; period: string[]; format: string; snStat: string; snModel?: string }) => (await commands.published()).published(o, io));

  program
    .command('trends')
    .description('the monthly series and its SPC (phases, rules, icons) for every indicator')
    .addOption(options.db())
    .option('--period-from <month>', 'start the series at this month (YYYY-MM) if later than the data')
    .addOption(new Option('--format <f>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .addOption(options.snapshot())
    .addOption(options.snStat())
    .addOption(options.snModel())
    .addOption(options.rebase())
    .addOption(options.annotations())
    .addOption(options.targets())
    .action(async (o: { db: string; periodFrom?: string; format: string; snapshot?: string; snStat: string; snModel: string } & TrendFlags) => (await commands.trends()).trends(o, io));

  program
    .command('records')
    .description('the records behind one figure, by its own rules (child-level: OFFICIAL-SENSITIVE, pseudonymous IDs)')
    .addOption(options.db())
    .option('--indicator <id>', 'the indicator (safeguard indicators lists them)')
    .option('--period <p>', 'one period: 2023/24, 2024-10 (12 months ending October 2024) or 2024-01-01..2024-01-31')
    .addOption(new Option('--part <part>', 'only the numerator, only the denominator, or what the definition leaves out').choices(['numerator', 'denominator', 'excluded']))
    .addOption(new Option('--format <f>', 'output format').choices(['csv', 'xlsx']).default('csv'))
    .option('--out <file>', 'write to this file (readable by you only) instead of standard output')
    .addOption(options.snapshot())
    .option('--reveal-ids', 'show identifiers as recorded instead of pseudonyms')
    .action(async (o: { db: string; indicator?: string; period?: string; part?: string; format: string; out?: string; snapshot?: string; revealIds?: boolean }) =>
      (await commands.records()).records(o, io),
    );

  program
    .command('changes')
    .description('the figures that moved between two snapshots, and the records that moved them, by kind')
    .addOption(options.db())
    .option('--from <id>', 'the earlier snapshot (default: the one loaded before --to)')
    .option('--to <id>', 'the later snapshot (default: the current one)')
    .option('--period <p>', 'period: 2023/24, 2021/22:2023/24, 2024-10 or 2024-01-01..2024-06-30 (repeatable; default: the latest four complete financial years)', collect, [])
    .addOption(new Option('--format <f>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .option('--records', 'list the records too (child-level: OFFICIAL-SENSITIVE, pseudonymous IDs)')
    .option('--reveal-ids', 'with --records: show identifiers as recorded instead of pseudonyms')
    .action(async (o: { db: string; from?: string; to?: string; period: string[]; format: string; records?: boolean; revealIds?: boolean }) =>
      (await commands.changes()).changes(o, io),
    );

  const snapshots = program.command('snapshots').description('the extracts loaded into the database');
  snapshots
    .command('list')
    .description('every snapshot: when taken, when loaded, rows and quarantined rows')
    .addOption(options.db())
    .action(async (o: { db: string }) => (await commands.snapshots()).listSnapshots(o, io));
  snapshots
    .command('delete')
    .description('remove one snapshot and all its rows')
    .argument('<id>')
    .addOption(options.db())
    .action(async (id: string, o: { db: string }) => (await commands.snapshots()).deleteSnapshot(id, o, io));

  program
    .command('quarantine')
    .description('list the rows an ingest could not use (child-level: OFFICIAL-SENSITIVE, pseudonymous IDs)')
    .addOption(options.db())
    .addOption(options.snapshot())
    .addOption(new Option('--format <f>', 'output format').choices(['table', 'csv']).default('table'))
    .option('--reveal-ids', 'show identifiers as recorded instead of pseudonyms')
    .action(async (o: { db: string; snapshot?: string; format: string; revealIds?: boolean }) => (await commands.snapshots()).quarantine(o, io));

  return program;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], given: Io = processIo): Promise<number> {
  // every file a run creates (database, its WAL, the pseudonym key, exports) is its owner's only
  process.umask(0o077);
  if (given === processIo) guardStreams();
  // every message, on both streams, made terminal-safe here, once (app/io.ts)
  const io = safeIo(given);
  const code = await runProgram(argv, io);
  if (given !== processIo) return code;
  // a write's failure arrives after the write returned: let it, then report any that was not a closed pipe
  await new Promise((resolve) => setImmediate(resolve));
  const failure = outputFailure();
  if (failure && code === 0) {
    const why = errnoCause(failure.error.code);
    io.err(`safeguard: could not write the results to standard ${failure.stream === 'stdout' ? 'output' : 'error'}: ${why ? `${why.cause}; ${why.todo}` : failure.error.message}`);
    return 1;
  }
  return code;
}

async function runProgram(argv: string[], io: Io): Promise<number> {
  try {
    await buildProgram(io).parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) return 0;
      return 2;
    }
    if (e instanceof SafeguardError) {
      io.err(`safeguard: ${e.message}`);
      return e.exitCode;
    }
    // a closed pipe that surfaced as a throw: the reader has all it wanted
    if ((e as NodeJS.ErrnoException | undefined)?.code === 'EPIPE') return 0;
    // a problem of the machine (full disk, permission, a path that is a file...) is not a fault of safeguard
    const env = environmentError(e);
    if (env) {
      io.err(`safeguard: ${env.message}`);
      return env.exitCode;
    }
    io.err(`safeguard: internal error: ${redactQuoted(e instanceof Error ? e.message.split('\n')[0]! : String(e))}`);
    if (process.env.SAFEGUARD_DEBUG) io.err(e instanceof Error ? (e.stack ?? '') : '');
    else io.err('This is a fault in safeguard, not in your data. Run again with SAFEGUARD_DEBUG=1 and report the output.');
    return 1;
  }
}

/**
 * An internal error's message with quoted text taken out: DuckDB quotes the
 * value it could not convert ("Could not convert string 'X' to ..."), which
 * could be a child's ID or date of birth. SAFEGUARD_DEBUG=1 shows it whole.
 */
function redactQuoted(message: string): string {
  return message.replace(/'[^']*'/g, "'…'").replace(/"[^"]*"/g, '"…"');
}
