/**
 * Writing a file so that a crash never leaves half of it, and nobody else can read it or redirect it: write a
 * temporary file beside it, flush it to disk, then rename it over the target (a rename is atomic on one file
 * system).
 *
 * The temporary file has a random name and is created exclusively (O_CREAT | O_EXCL, and O_NOFOLLOW where the
 * system has it), so a file or symbolic link planted under that name makes the open fail instead of writing
 * through it; it is created readable and writable by its owner only (0600), because what Casescore writes is
 * personal data. The rename replaces a symbolic link at the target itself, never the file it points to.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Owner read and write only. */
export const PRIVATE_FILE_MODE = 0o600;

/** How many random names are tried before giving up (each clash is a planted file or a 1-in-2^96 chance). */
const ATTEMPTS = 5;

/** A fresh temporary name beside `path`: never listed as a backup, unguessable. */
export function temporaryNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(12).toString('hex')}.tmp`);
}

/** Creates a new file exclusively, owner-only, never through a symbolic link. */
async function createExclusively(path: string): Promise<FileHandle> {
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
  return open(path, flags, PRIVATE_FILE_MODE);
}

/** Writes `data` (text as UTF-8, or bytes) to `path` atomically, owner-only. */
export async function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  let temporary = '';
  let handle: FileHandle | undefined;
  for (let attempt = 1; !handle; attempt += 1) {
    temporary = temporaryNameFor(path);
    try {
      handle = await createExclusively(temporary);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= ATTEMPTS) throw error;
    }
  }
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
