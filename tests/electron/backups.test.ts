// Backup rotation and atomic writes, on real files in a temporary folder.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as FsPromises from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';

const failRename = vi.hoisted(() => ({ next: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  return {
    ...real,
    // Simulates a crash (or a full disk) between writing the temporary file and renaming it into place.
    rename: async (from: string, to: string) => {
      if (failRename.next) {
        failRename.next = false;
        throw Object.assign(new Error('simulated crash before rename'), { code: 'EIO' });
      }
      return real.rename(from, to);
    },
  };
});

const { BACKUPS_KEPT, backupName, listBackups, readBackup, writeBackup } =
  await import('../../electron/main/backups');

const folder = () => mkdtempSync(join(tmpdir(), 'casescore-backups-'));
afterEach(() => {
  failRename.next = false;
});

describe('automatic backups', () => {
  it('keep exactly the newest 20, listed newest first with their dates', async () => {
    const dir = folder();
    const start = Date.parse('2026-11-26T09:00:00.000Z');
    for (let i = 0; i < 25; i += 1) await writeBackup(dir, `{"n":${i}}`, new Date(start + i * 60_000));
    const backups = await listBackups(dir);
    expect(backups).toHaveLength(BACKUPS_KEPT);
    expect(backups[0]).toMatchObject({
      name: backupName(new Date(start + 24 * 60_000)),
      writtenAt: '2026-11-26T09:24:00.000Z',
    });
    expect(backups.at(-1)?.writtenAt).toBe('2026-11-26T09:05:00.000Z');
    expect((await readBackup(dir, backups[0]!.name)).text).toBe('{"n":24}');
    expect(readdirSync(dir)).toHaveLength(BACKUPS_KEPT);
  });

  it('never overwrite a backup written in the same millisecond', async () => {
    const dir = folder();
    const at = new Date('2026-11-26T09:00:00.000Z');
    await writeBackup(dir, '{"first":1}', at);
    await writeBackup(dir, '{"second":2}', at);
    const texts = await Promise.all((await listBackups(dir)).map((b) => readBackup(dir, b.name)));
    expect(texts.map((t) => t.text).sort()).toEqual(['{"first":1}', '{"second":2}']);
  });

  it('leave every earlier backup intact when a crash comes between writing and renaming', async () => {
    const dir = folder();
    await writeBackup(dir, '{"good":1}', new Date('2026-11-26T09:00:00.000Z'));
    await writeBackup(dir, '{"good":2}', new Date('2026-11-26T09:01:00.000Z'));
    const before = await listBackups(dir);
    failRename.next = true;
    await expect(writeBackup(dir, '{"lost":3}', new Date('2026-11-26T09:02:00.000Z'))).rejects.toThrow(
      'simulated crash before rename',
    );
    expect(await listBackups(dir)).toEqual(before);
    for (const backup of before) expect(readFileSync(join(dir, backup.name), 'utf8')).toMatch(/"good"/);
    // Nothing half-written is left under a backup's name, and no temporary file is listed.
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('ignore stray files and refuse to read anything but a backup', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'notes.txt'), 'x');
    writeFileSync(join(dir, '.casescore-backup-2026-11-26T09-00-00-000Z.json.1.2.tmp'), 'partial');
    expect(await listBackups(dir)).toEqual([]);
    await expect(readBackup(dir, '../secret.json')).rejects.toThrow('is not a Casescore backup');
    await expect(readBackup(dir, 'notes.txt')).rejects.toThrow('is not a Casescore backup');
    expect(existsSync(join(dir, 'notes.txt'))).toBe(true);
  });
});
