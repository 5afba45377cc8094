/**
 * Storage failures in words an inspector can act on. A failed write is always shown, never swallowed: the
 * answer stays on screen, marked not saved.
 */

/** A write that did not commit, with a message for the person at the keyboard. */
export class SaveError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SaveError';
  }
}

function errorName(error: unknown): string {
  if (error && typeof error === 'object') {
    const inner = (error as { inner?: unknown }).inner;
    const name = (error as { name?: unknown }).name;
    if (typeof name === 'string' && name !== 'Error' && !name.startsWith('Dexie')) return name;
    if (inner) return errorName(inner);
    if (typeof name === 'string') return name.replace(/^Dexie\./, '');
  }
  return 'Error';
}

/** What went wrong with a write, said plainly; the technical detail follows in brackets. */
export function describeStorageError(error: unknown): string {
  if (error instanceof SaveError) return error.message;
  const name = errorName(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (name.includes('QuotaExceeded')) {
    return 'There is no room left to save on this computer (the storage quota is full). Free some disk space, then try again.';
  }
  if (name.includes('ReadOnly') || name.includes('InvalidState') || name.includes('DatabaseClosed')) {
    return `The database is closed or was upgraded in another window; reload Casescore to go on (${detail}).`;
  }
  if (name.includes('Abort') || name.includes('Unknown')) {
    return `The disk refused the write (${detail}). Check the disk, then try again.`;
  }
  return `Could not save (${detail}).`;
}
