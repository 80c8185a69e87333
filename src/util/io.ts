/** I/O errors in words (`permission denied`), not only an errno code. */
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

/** The reason an I/O error gives, in words: `permission denied`, `is a directory`. */
export function ioReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code && REASONS[err.code]) return REASONS[err.code]!;
  const message = String(err?.message ?? e);
  // Node's system errors read `CODE: description, syscall 'path'`.
  const described = /^E[A-Z0-9]+: ([^,]+),/.exec(message);
  return described ? described[1]! : message || String(err?.code ?? 'unknown error');
}
