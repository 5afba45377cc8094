// Backup rotation, atomic private writes and validation, on real files in a temporary folder.
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Crypto from 'node:crypto';
import type * as FsPromises from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createExport, serialiseExport } from '#shared/interchange';

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

// Lets a test know the next "random" temporary name in advance, as an attacker who guessed it would.
const guessable = vi.hoisted(() => ({ next: [] as Buffer[] }));
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof Crypto>();
  return {
    ...real,
    randomBytes: (size: number) => guessable.next.shift() ?? real.randomBytes(size),
  };
});

const { BACKUPS_KEPT, BEFORE_IMPORT_KEPT, backupName, listBackups, readBackup, writeBackup } =
  await import('../../electron/main/backups');

const folder = () => mkdtempSync(join(tmpdir(), 'casescore-backups-'));
afterEach(() => {
  failRename.next = false;
  guessable.next = [];
});

/** A valid (empty) export, told apart by its time. */
const exportAt = (at: Date) => serialiseExport(createExport([], at));
const START = Date.parse('2026-11-26T09:00:00.000Z');
const minute = (i: number) => new Date(START + i * 60_000);
const permissions = (path: string) => statSync(path).mode & 0o777;

describe('automatic backups', () => {
  it('keep exactly the newest 20, listed newest first with their dates', async () => {
    const dir = folder();
    for (let i = 0; i < 25; i += 1) await writeBackup(dir, exportAt(minute(i)), minute(i));
    const backups = await listBackups(dir);
    expect(backups).toHaveLength(BACKUPS_KEPT);
    expect(backups[0]).toMatchObject({
      name: backupName(minute(24), 25),
      writtenAt: '2026-11-26T09:24:00.000Z',
      kind: 'timed',
    });
    expect(backups.at(-1)?.writtenAt).toBe('2026-11-26T09:05:00.000Z');
    expect((await readBackup(dir, backups[0]!.name)).text).toBe(exportAt(minute(24)));
    expect(readdirSync(dir)).toHaveLength(BACKUPS_KEPT);
  });

  it('never remove the backup just written when the clock goes backwards', async () => {
    const dir = folder();
    for (let i = 0; i < BACKUPS_KEPT; i += 1) await writeBackup(dir, exportAt(minute(i)), minute(i));
    // The clock is set back a day (a dead battery, a time-zone mistake): the next backup is "oldest" by time.
    const yesterday = new Date(START - 86_400_000);
    const written = await writeBackup(dir, exportAt(yesterday), yesterday);
    const backups = await listBackups(dir);
    expect(backups).toHaveLength(BACKUPS_KEPT);
    expect(backups[0]!.name).toBe(written.name);
    expect((await readBackup(dir, written.name)).text).toBe(exportAt(yesterday));
    // The one removed is the first written (lowest sequence), not the one with the earliest time.
    expect(backups.map((b) => b.writtenAt)).not.toContain('2026-11-26T09:00:00.000Z');
    expect(backups.at(-1)?.writtenAt).toBe('2026-11-26T09:01:00.000Z');
  });

  it('never overwrite a backup written in the same millisecond', async () => {
    const dir = folder();
    const at = minute(0);
    await writeBackup(dir, exportAt(minute(1)), at);
    await writeBackup(dir, exportAt(minute(2)), at);
    const texts = await Promise.all((await listBackups(dir)).map((b) => readBackup(dir, b.name)));
    expect(texts.map((t) => t.text).sort()).toEqual([exportAt(minute(1)), exportAt(minute(2))].sort());
  });

  it('keep backups taken before an import apart: timed backups never push them out, nor they the timed', async () => {
    const dir = folder();
    for (let i = 0; i < 12; i += 1) await writeBackup(dir, exportAt(minute(i)), minute(i), 'before-import');
    for (let i = 12; i < 40; i += 1) await writeBackup(dir, exportAt(minute(i)), minute(i));
    const backups = await listBackups(dir);
    const beforeImport = backups.filter((b) => b.kind === 'before-import');
    const timed = backups.filter((b) => b.kind === 'timed');
    expect(beforeImport).toHaveLength(BEFORE_IMPORT_KEPT);
    expect(beforeImport[0]!.name).toMatch(/^casescore-before-import-000012-/);
    expect(timed).toHaveLength(BACKUPS_KEPT);
    expect(timed[0]!.writtenAt).toBe(minute(39).toISOString());
  });

  it('say why each was taken in their names, and list older names that do not say without a reason', async () => {
    const dir = folder();
    await writeBackup(dir, exportAt(minute(0)), minute(0), 'timed', 'timer');
    await writeBackup(dir, exportAt(minute(1)), minute(1), 'timed', 'before-delete');
    await writeBackup(dir, exportAt(minute(2)), minute(2), 'before-import', 'before-import');
    const quit = await writeBackup(dir, exportAt(minute(3)), minute(3), 'timed', 'quit');
    expect(quit).toMatchObject({ kind: 'timed', reason: 'quit' });
    expect(quit.name).toMatch(/^casescore-backup-000004-2026-11-26T09-03-00-000Z-quit\.json$/);
    // A name an earlier version wrote, without a reason.
    writeFileSync(join(dir, backupName(minute(4), 5)), exportAt(minute(4)), { mode: 0o600 });
    const listed = await listBackups(dir);
    expect(listed.map((b) => [b.kind, b.reason])).toEqual([
      ['timed', undefined],
      ['timed', 'quit'],
      ['before-import', 'before-import'],
      ['timed', 'before-delete'],
      ['timed', 'timer'],
    ]);
    expect((await readBackup(dir, quit.name)).text).toBe(exportAt(minute(3)));
  });

  it('refuse text that is not an export: twenty "xx" leave the twenty good backups alone', async () => {
    const dir = folder();
    for (let i = 0; i < BACKUPS_KEPT; i += 1) await writeBackup(dir, exportAt(minute(i)), minute(i));
    const before = await listBackups(dir);
    for (let i = 0; i < 20; i += 1) {
      await expect(writeBackup(dir, 'xx', minute(100 + i))).rejects.toThrow(
        'The backup was not written: (the file): not valid JSON',
      );
    }
    await expect(writeBackup(dir, '{"format":"casescore.inspections"}')).rejects.toThrow(
      /The backup was not written: format version: expected a whole number from 1/,
    );
    expect(await listBackups(dir)).toEqual(before);
    expect(readdirSync(dir)).toHaveLength(BACKUPS_KEPT);
  });

  it('take a sealed backup (encryption at rest on) by its envelope, and refuse one that is malformed or carries clear text', async () => {
    const dir = folder();
    const sealedValue = () =>
      Buffer.from(Array.from({ length: 60 }, (_, i) => (i * 37) % 256)).toString('base64');
    const envelope = {
      format: 'casescore.sealed-backup',
      version: 1,
      sealedAt: '2026-11-26T09:00:00.000Z',
      backupId: 'Qm9vbXNiaXJkc29uZ3M',
      keptBy: 'keychain',
      head: sealedValue(),
      inspections: [
        { id: 'insp-1', sealed: sealedValue() },
        { id: 'insp-2', sealed: sealedValue() },
      ],
    };
    const written = await writeBackup(dir, JSON.stringify(envelope), minute(0));
    expect(readFileSync(join(dir, written.name), 'utf8')).toBe(JSON.stringify(envelope));
    const refused = async (changed: object, why: RegExp) =>
      expect(writeBackup(dir, JSON.stringify({ ...envelope, ...changed }), minute(1))).rejects.toThrow(why);
    await refused(
      { head: 'a reference CR 0003 in clear' },
      /not a sealed Casescore backup \(head: expected a sealed value/,
    );
    await refused({ note: 'Victim named' }, /not a sealed Casescore backup \(.*note/);
    await refused(
      { inspections: [envelope.inspections[0], envelope.inspections[0]] },
      /inspections: expected each inspection once/,
    );
    await refused({ version: 2 }, /not a sealed Casescore backup \(version/);
    await refused({ backupId: 'x' }, /backupId: expected a random backup id/);
    expect(readdirSync(dir)).toEqual([written.name]);
  });

  it('refuse 64 MB of non-JSON by its size, without parsing it', async () => {
    const dir = folder();
    const huge = 'x'.repeat(64 * 1024 * 1024);
    const started = performance.now();
    await expect(writeBackup(dir, huge)).rejects.toThrow(
      'The backup was not written: (the file): the file is 64.0 MB; the largest Casescore reads is 50.0 MB',
    );
    expect(performance.now() - started).toBeLessThan(2000);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('write owner-only files (0600) in an owner-only folder (0700), and tighten older backups', async () => {
    const dir = join(folder(), 'backups');
    mkdirSync(dir, { mode: 0o755 });
    const old = join(dir, 'casescore-backup-2026-11-25T09-00-00-000Z.json');
    writeFileSync(old, exportAt(minute(0)), { mode: 0o644 });
    const written = await writeBackup(dir, exportAt(minute(1)), minute(1));
    expect(permissions(join(dir, written.name))).toBe(0o600);
    expect(permissions(dir)).toBe(0o700);
    expect(permissions(old)).toBe(0o600);
    // The first versions' names are still listed, oldest.
    expect((await listBackups(dir)).map((b) => b.name)).toEqual([written.name, old.split('/').at(-1)]);
  });

  it('never write through a symbolic link planted at the temporary name', async () => {
    const dir = folder();
    const victim = join(folder(), 'victim.txt');
    writeFileSync(victim, 'precious');
    // The attacker guessed the random part of the temporary name and planted a link there.
    const guessed = Buffer.alloc(12, 7);
    const name = backupName(minute(0), 1);
    symlinkSync(victim, join(dir, `.${name}.${guessed.toString('hex')}.tmp`));
    guessable.next = [guessed];
    const written = await writeBackup(dir, exportAt(minute(0)), minute(0));
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(join(dir, written.name)).isFile()).toBe(true);
    expect(readFileSync(join(dir, written.name), 'utf8')).toBe(exportAt(minute(0)));
  });

  it('replace a symbolic link planted at the backup name itself, never the file it points to', async () => {
    const dir = folder();
    const victim = join(folder(), 'victim.txt');
    writeFileSync(victim, 'precious');
    const name = backupName(minute(0), 1);
    symlinkSync(victim, join(dir, name));
    await writeBackup(dir, exportAt(minute(0)), minute(0));
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(join(dir, name)).isFile()).toBe(true);
  });

  it('leave every earlier backup intact when a crash comes between writing and renaming', async () => {
    const dir = folder();
    await writeBackup(dir, exportAt(minute(0)), minute(0));
    await writeBackup(dir, exportAt(minute(1)), minute(1));
    const before = await listBackups(dir);
    failRename.next = true;
    await expect(writeBackup(dir, exportAt(minute(2)), minute(2))).rejects.toThrow(
      'simulated crash before rename',
    );
    expect(await listBackups(dir)).toEqual(before);
    for (const backup of before) expect(readFileSync(join(dir, backup.name), 'utf8')).toMatch(/"format"/);
    // Nothing half-written is left under a backup's name, and no temporary file is listed.
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('ignore stray files and links, and refuse to read anything but a backup file', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'notes.txt'), 'x');
    writeFileSync(join(dir, '.casescore-backup-000001-2026-11-26T09-00-00-000Z.json.1.2.tmp'), 'partial');
    const linked = backupName(minute(0), 2);
    symlinkSync('/dev/zero', join(dir, linked));
    mkdirSync(join(dir, backupName(minute(0), 3)));
    expect(await listBackups(dir)).toEqual([]);
    await expect(readBackup(dir, '../secret.json')).rejects.toThrow('is not a Casescore backup');
    await expect(readBackup(dir, 'notes.txt')).rejects.toThrow('is not a Casescore backup');
    await expect(readBackup(dir, linked)).rejects.toThrow(`${linked} is not a Casescore backup`);
    expect(existsSync(join(dir, 'notes.txt'))).toBe(true);
  });
});
