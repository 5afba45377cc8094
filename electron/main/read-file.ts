/**
 * Reading a file someone chose, cheaply and safely whatever it turns out to be: it must be a regular file (not
 * a device such as /dev/zero, a pipe or a folder, whether named directly or through a symbolic link), and no
 * larger than the limit, both checked before a byte is read. The checks are made again on the open file, and
 * at most the limit (plus one byte, to notice a file that grew) is ever read.
 */
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { describeFileSize } from '#shared/interchange';

/** Raised for a file that is not read, saying why in words. */
export class FileRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileRefused';
  }
}

/** Read a megabyte at a time: a small file costs one small buffer. */
const CHUNK = 1024 * 1024;

function tooLarge(name: string, bytes: number, maxBytes: number): FileRefused {
  return new FileRefused(
    `${name} is ${describeFileSize(bytes)}; the largest file Casescore opens is ${describeFileSize(maxBytes)}`,
  );
}

function notAFile(name: string): FileRefused {
  return new FileRefused(`${name} is not a file Casescore can open: it is a device, a pipe or a folder`);
}

/** Reads a regular file of at most `maxBytes`; `name` is how the person knows the file. */
export async function readRegularFile(path: string, name: string, maxBytes: number): Promise<Buffer> {
  // Checked before opening: opening a pipe would wait for a writer, and a device has no size.
  const before = await stat(path);
  if (!before.isFile()) throw notAFile(name);
  if (before.size > maxBytes) throw tooLarge(name, before.size, maxBytes);
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    // The file opened may not be the one checked (it could be swapped in between): check it again.
    const opened = await handle.stat();
    if (!opened.isFile()) throw notAFile(name);
    if (opened.size > maxBytes) throw tooLarge(name, opened.size, maxBytes);
    // Read to the end, in case it grew since, but never past the limit.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(CHUNK, maxBytes + 1 - length));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, length);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > maxBytes) throw tooLarge(name, length, maxBytes);
    }
    return Buffer.concat(chunks, length);
  } finally {
    await handle.close();
  }
}
