import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOG_BYTES, LOG_MESSAGE_CHARS, logError } from '../../electron/main/error-log';

describe('the error log', () => {
  it('appends one line a message, private to the user, multi-line messages kept on one line', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'casescore-log-')), 'logs');
    await logError(folder, 'renderer', 'first\nsecond');
    await logError(folder, 'main', 'third');
    const lines = readFileSync(join(folder, 'casescore.log'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT.*Z renderer first ⏎ second$/);
    expect(lines[1]).toMatch(/ main third$/);
    expect(statSync(join(folder, 'casescore.log')).mode & 0o777).toBe(0o600);
  });

  it('rotates at its size limit and keeps two old logs at most, and clips a huge message', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'casescore-log-'));
    for (let round = 0; round < 4; round += 1) {
      writeFileSync(join(folder, 'casescore.log'), 'x'.repeat(LOG_BYTES));
      await logError(folder, 'main', `round ${round}`);
    }
    expect(readdirSync(folder).sort()).toEqual(['casescore.log', 'casescore.log.1', 'casescore.log.2']);
    await logError(folder, 'main', 'y'.repeat(LOG_MESSAGE_CHARS * 3));
    const last = readFileSync(join(folder, 'casescore.log'), 'utf8').trim().split('\n').at(-1)!;
    expect(last.length).toBeLessThan(LOG_MESSAGE_CHARS + 100);
  });
});
