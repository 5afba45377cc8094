/**
 * A rotating log of errors nobody caught, in the user data folder (`logs/casescore.log`), so an inspector can
 * send it when something went wrong. One line a message; at 1 MB the log moves to `.1` (then `.2`), and the
 * oldest goes, so it never grows past about 3 MB.
 */
import { appendFile, mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Largest log before it rotates. */
export const LOG_BYTES = 1024 * 1024;
/** How many rotated logs are kept beside the current one. */
export const LOGS_KEPT = 2;
/** The longest message kept, so one huge message cannot fill the log. */
export const LOG_MESSAGE_CHARS = 8_000;

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

/** Appends one line to the log in `folder`, rotating first when it is full. */
export async function logError(folder: string, source: 'renderer' | 'main', message: string): Promise<void> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const current = join(folder, 'casescore.log');
  if ((await sizeOf(current)) >= LOG_BYTES) {
    for (let n = LOGS_KEPT; n >= 1; n -= 1) {
      const from = n === 1 ? current : join(folder, `casescore.log.${n - 1}`);
      await rename(from, join(folder, `casescore.log.${n}`)).catch(() => undefined);
    }
  }
  const clipped = message.length > LOG_MESSAGE_CHARS ? `${message.slice(0, LOG_MESSAGE_CHARS)}…` : message;
  const line = `${new Date().toISOString()} ${source} ${clipped.replace(/\r?\n/g, ' ⏎ ')}\n`;
  await appendFile(current, line, { encoding: 'utf8', mode: 0o600 });
}
