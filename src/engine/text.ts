/** Bytes → text, refusing binary files and invalid UTF-8 with the position of the first bad byte. */
import { readRegularFile } from '../util/io.ts';
import { LineIndex } from '../load/tree.ts';
import type { Span } from '../load/tree.ts';

export type Decoded = { text: string } | { error: string; at(file: string): Span };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeText(bytes: Uint8Array): Decoded {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return { error: 'binary content (a NUL byte): not a text file', at: (file) => spanOfByte(bytes, nul, file) };
  }
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return { error: 'invalid UTF-8: the file must be UTF-8 text', at: (file) => spanOfByte(bytes, bad, file) };
  }
}

/** A file's text as inputs are read (byte order mark dropped, binary and invalid UTF-8 refused); I/O errors are thrown. */
export function readText(abs: string): Decoded {
  return decodeText(readRegularFile(abs));
}

/** Line and column (in characters of the valid prefix, lines counted as LineIndex does) of a byte offset. */
function spanOfByte(bytes: Uint8Array, offset: number, file: string): Span {
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  const { line, column } = new LineIndex(file, prefix).pos(prefix.length);
  return { file, line, column, endLine: line, endColumn: column + 1 };
}

function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    // Overlong forms, surrogates and code points past U+10FFFF are invalid too (their second byte tells).
    const d = b[i + 1]!;
    if ((c === 0xe0 && d < 0xa0) || (c === 0xed && d > 0x9f) || (c === 0xf0 && d < 0x90) || (c === 0xf4 && d > 0x8f)) return i;
    i += n + 1;
  }
  return b.length;
}
