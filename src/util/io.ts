/**
 * Reading input files. Only regular files are read: a named pipe, socket or device would block the run
 * or never end. Errors say what went wrong in words (`permission denied`), not only an errno code.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { within } from './paths.ts';

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EIO: 'input/output error',
  EBUSY: 'resource busy',
  EPIPE: 'broken pipe',
};

/** The reason an I/O error gives, in words: `permission denied`, `is a directory`, `not a regular file (a named pipe)`. */
export function ioReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code && REASONS[err.code]) return REASONS[err.code]!;
  const message = String(err?.message ?? e);
  // Node's system errors read `CODE: description, syscall 'path'`.
  const described = /^E[A-Z0-9]+: ([^,]+),/.exec(message);
  return described ? described[1]! : message || String(err?.code ?? 'unknown error');
}

function kind(st: Stats): string {
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  return 'a special file';
}

/** What a path that is not a regular file is: "not a regular file (a named pipe)". */
export function notRegularReason(st: Stats): string {
  return notRegular(st).message;
}

/** The error for what is not a regular file: EISDIR for a directory, else ENOTREG (sglint's own code). */
function notRegular(st: Stats): NodeJS.ErrnoException {
  if (st.isDirectory()) return Object.assign(new Error(REASONS.EISDIR!), { code: 'EISDIR' });
  return Object.assign(new Error(`not a regular file (${kind(st)})`), { code: 'ENOTREG' });
}

/** Thrown by readRegularFile when the file is larger than maxBytes. */
export class FileTooLarge extends Error {
  constructor(readonly size: number) {
    super(`${size} bytes`);
  }
}

/** The directory reads are confined to (its real path), once confineReads is called. */
let confinedTo: string | undefined;

/**
 * From now on, refuse to read files whose real path lies outside `root`: the Action confines every
 * read (inputs, local modules, variable files, config, policies, baselines) to the workspace, so that
 * a change under review cannot make it read and print a file from elsewhere on the runner.
 */
export function confineReads(root: string): void {
  confinedTo = realpathSync(root);
}

/**
 * The bytes of a regular file. Anything else (a directory, named pipe, socket, device) is refused with
 * an error whose ioReason() says what it is; a pipe is opened without blocking, so nothing waits on a
 * writer. `maxBytes`: larger files are not read (FileTooLarge).
 */
/** False when reads are confined (confineReads) and `path` lies outside; true for a path that does not exist. */
export function mayRead(path: string): boolean {
  if (confinedTo === undefined) return true;
  try {
    return within(confinedTo, realpathSync(path));
  } catch {
    return true;
  }
}

export function readRegularFile(path: string, maxBytes = Infinity): Buffer {
  if (!mayRead(path)) {
    throw Object.assign(new Error(`outside the workspace (${confinedTo}); not read`), { code: 'EOUTSIDE' });
  }
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    // A socket cannot be opened (ENXIO); say what it is rather than the open's error.
    let st: Stats;
    try {
      st = statSync(path);
    } catch {
      throw e;
    }
    throw st.isFile() ? e : notRegular(st);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw notRegular(st);
    if (st.size > maxBytes) throw new FileTooLarge(st.size);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
