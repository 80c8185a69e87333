/**
 * Reading input files and writing the user's files. Only regular files are read: a named pipe, socket or
 * device would block the run or never end. A file is written whole or not at all (writeFileSafely).
 * Errors say what went wrong in words (`permission denied`), not only an errno code.
 */
import { accessSync, closeSync, constants, fchmodSync, fstatSync, fsyncSync, lstatSync, openSync, readFileSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
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

/**
 * Where writeFileSafely writes (the file a link leads to, so that a link stays a link), and the mode to
 * keep; undefined when the file is to be written in place as it is: it is not a regular file (`-o
 * /dev/stderr`, a named pipe, a device), it is reached through /dev or /proc (`/dev/stdout` redirected to
 * a file: the file another process has open), it is not the user's own or has other names (a new file
 * would change its owner or part it from its other names), it is read-only (the write fails as it would
 * in place), or it is a link to nothing (the write creates what it points to).
 */
function replacement(path: string): { target: string; mode?: number } | undefined {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
    try {
      lstatSync(path);
      return undefined;
    } catch {
      return { target: path };
    }
  }
  if (!st.isFile() || st.nlink > 1 || (process.getuid !== undefined && st.uid !== process.getuid())) return undefined;
  try {
    let target = resolve(path);
    for (let hops = 0; lstatSync(target).isSymbolicLink(); hops++) {
      if (hops === 40 || SPECIAL.test(target)) return undefined;
      target = resolve(dirname(target), readlinkSync(target));
    }
    if (SPECIAL.test(target)) return undefined;
    accessSync(target, constants.W_OK);
    return { target, mode: st.mode & 0o7777 };
  } catch {
    return undefined;
  }
}

/** Paths that stand for devices and open file descriptors (`/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1`). */
const SPECIAL = /^\/(dev|proc)\//;

/**
 * Writes a file of the user's (a report, a baseline, a starter config) whole or not at all: the content
 * goes to a new file beside it, which then replaces it, so that a crash or a full disk leaves the old
 * file as it was (and no new file behind). An existing file keeps its mode. What cannot be replaced so
 * (see replacement), or a directory that takes no new file, is written in place. Errors are those of
 * the write, as writeFileSync throws them.
 */
export function writeFileSafely(path: string, data: string): void {
  const r = replacement(path);
  if (!r) return writeFileSync(path, data);
  const temp = join(dirname(r.target), `.${basename(r.target)}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, 'wx', 0o666);
  } catch {
    return writeFileSync(path, data);
  }
  try {
    try {
      if (r.mode !== undefined) fchmodSync(fd, r.mode);
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, r.target);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    throw e;
  }
}
