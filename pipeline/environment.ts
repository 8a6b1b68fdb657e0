/*
 * Problems of the machine, not of safeguard or of the data (cli.md v2): a full
 * disk, a permission refused, a read-only folder, a path that is a file or does
 * not exist, a database that is damaged, in use, or not a database at all. Each
 * becomes RunFailed (exit 1) with the path, the cause in plain words and what to
 * do, so that "internal error" is left for faults in safeguard itself.
 *
 * Two sources: Node's file system errors (an errno `code` and a `path`) and
 * DuckDB's messages ("IO Error: ... \"<path>\": No space left on device"),
 * which carry the operating system's words rather than a code.
 */
import { RunFailed } from './errors.ts';

interface Cause {
  cause: string;
  todo: string;
}

const ERRNO: Record<string, Cause> = {
  ENOSPC: { cause: 'the disk is full', todo: 'free some space (or choose a folder on another disk) and run again' },
  EDQUOT: { cause: 'your disk quota is used up', todo: 'free some space (or choose a folder on another disk) and run again' },
  EACCES: { cause: 'permission denied', todo: 'check that you may read and write there, or choose another path' },
  EPERM: { cause: 'the operation is not permitted', todo: 'check that you own the file or folder, or choose another path' },
  EROFS: { cause: 'it is on a read-only file system', todo: 'choose a folder you can write to' },
  ENOTDIR: { cause: 'a part of the path is a file, not a folder', todo: 'check the path' },
  EEXIST: { cause: 'something already exists there that is not what safeguard expected (a file where a folder should be)', todo: 'move it or choose another path' },
  EISDIR: { cause: 'it is a folder, where a file was expected', todo: 'give the path of a file' },
  ENOENT: { cause: 'it does not exist (or the folder it would go in does not)', todo: 'check the path' },
  EIO: { cause: 'the disk reported a read or write error', todo: 'check the disk, then run again' },
  EMFILE: { cause: 'too many files are open', todo: 'close some programs and run again' },
  ENFILE: { cause: 'too many files are open on this machine', todo: 'close some programs and run again' },
  ENOMEM: { cause: 'the machine ran out of memory', todo: 'close some programs and run again' },
  ENAMETOOLONG: { cause: 'the path is too long', todo: 'choose a shorter path' },
  ELOOP: { cause: 'the path has a loop of symbolic links', todo: 'check the path' },
};

// the operating system's words in DuckDB's messages, most specific first
const DUCKDB_WORDS: [RegExp, string][] = [
  [/No space left on device|Could not write all bytes|disk is full/i, 'ENOSPC'],
  [/Disk quota exceeded/i, 'EDQUOT'],
  [/Read-only file system/i, 'EROFS'],
  [/Permission denied/i, 'EACCES'],
  [/Operation not permitted/i, 'EPERM'],
  [/Not a directory/i, 'ENOTDIR'],
  [/Is a directory/i, 'EISDIR'],
  [/No such file or directory/i, 'ENOENT'],
  [/Input\/output error/i, 'EIO'],
  [/Too many open files/i, 'EMFILE'],
];

/** The path a message about `path` should name: ':memory:' has none. */
function named(path: string | undefined): string {
  return path && path !== ':memory:' ? path : 'a working file';
}

/** The cause and remedy of an errno code, or undefined for a code that is not the machine's. */
export function errnoCause(code: string | undefined): Cause | undefined {
  return code ? ERRNO[code] : undefined;
}

/**
 * An environment problem as RunFailed, or null when `e` is not one (a bug, or
 * an error the caller knows better). `path` is what the caller was working on:
 * the database for DuckDB's errors, used when the message names no file.
 */
export function environmentError(e: unknown, path?: string): RunFailed | null {
  if (e instanceof RunFailed) return e;
  if (!(e instanceof Error)) return null;
  const errno = e as NodeJS.ErrnoException;
  const known = errnoCause(errno.code);
  if (known) return new RunFailed(`${named(errno.path ?? path)}: ${known.cause}; ${known.todo}`);
  const msg = e.message;
  // DuckDB's own words for a lock: a bare /lock/ matched "block" in "Corrupt database file ... in block ..." and called damage "in use"
  if (/Could not set lock on file|Conflicting lock is held/i.test(msg)) {
    return new RunFailed(`the database ${named(path)} is in use by another safeguard run; wait for it to finish and try again`);
  }
  if (/Corrupt database file|does not match stored checksum|Failed to (read|deserialize)|Checkpoint.*WAL|WAL.*corrupt|INTERNAL Error.*(block|WAL|storage)/i.test(msg)) {
    return new RunFailed(
      `the database ${named(path)} is damaged (DuckDB found data that fails its checks); restore it from a backup, ` +
        `or delete it (and ${named(path)}.wal) and ingest your extracts again`,
    );
  }
  if (/not a valid DuckDB database/i.test(msg)) return notADatabase(named(path));
  if (/Out of Memory Error|failed to allocate/i.test(msg)) {
    return new RunFailed(`the machine ran out of memory working on ${named(path)}; close some programs and run again`);
  }
  if (/^IO Error/i.test(msg)) {
    const file = /"([^"]+)"/.exec(msg)?.[1] ?? path;
    for (const [re, code] of DUCKDB_WORDS) {
      if (re.test(msg)) {
        const c = ERRNO[code]!;
        return new RunFailed(`${named(file)}: ${c.cause}; ${c.todo}`);
      }
    }
  }
  return null;
}

export function notADatabase(path: string): RunFailed {
  return new RunFailed(
    `${path} is not a safeguard database (not a DuckDB database file); safeguard opens nothing else as one, ` +
      'so the file is left as it was: give --db the database safeguard made, or a new file name',
  );
}
