// A desktop-like platform for renderer tests: files and backups in memory, with every call recorded.
import type { BackupInfo, BackupReason, MenuCommand } from '#shared/ipc';
import type { Platform } from '../../renderer/platform';

export function fakeDesktop(files: { open?: { name: string; text: string } | null } = {}) {
  const backups: (BackupInfo & { text: string; reason: BackupReason })[] = [];
  const saved: { name: string; text: string; kind: string }[] = [];
  const menuListeners = new Set<(command: MenuCommand) => void>();
  const quitListeners = new Set<() => void>();
  let clock = Date.parse('2026-11-26T09:00:00.000Z');
  const logged: string[] = [];
  const platform: Platform = {
    kind: 'desktop',
    async saveFile(name, text, kind) {
      saved.push({ name, text, kind });
      return { saved: true, where: `/home/km/${name}` };
    },
    async openFile() {
      return files.open ? { name: files.open.name, bytes: new TextEncoder().encode(files.open.text) } : null;
    },
    async printReport() {
      return { saved: true };
    },
    backups: {
      async write(text, reason) {
        clock += 60_000;
        const info = {
          name: `casescore-backup-${clock}.json`,
          writtenAt: new Date(clock).toISOString(),
          bytes: text.length,
          kind: reason === 'before-import' ? ('before-import' as const) : ('timed' as const),
          reason,
        };
        backups.unshift({ ...info, text, reason });
        return info;
      },
      async list() {
        return backups.map(({ name, writtenAt, bytes, kind, reason }) => ({
          name,
          writtenAt,
          bytes,
          kind,
          reason,
        }));
      },
      async read(name) {
        const found = backups.find((b) => b.name === name);
        if (!found) throw new Error(`no backup ${name}`);
        return { name, text: found.text };
      },
    },
    onMenuCommand(listener) {
      menuListeners.add(listener);
      return () => menuListeners.delete(listener);
    },
    onBeforeQuit(listener) {
      quitListeners.add(listener);
      return () => quitListeners.delete(listener);
    },
    teamServer: {
      use: async () => undefined,
      // No network in renderer tests: the team server is unreachable, as fetch fails with no route.
      fetch: async () => {
        throw new TypeError('fetch failed: no network in this test');
      },
      problem: () => null,
    },
    async logError(message) {
      logged.push(message);
    },
  };
  return {
    platform,
    backups,
    saved,
    sendMenu: (command: MenuCommand) => menuListeners.forEach((l) => l(command)),
    quit: () => quitListeners.forEach((l) => l()),
    logged,
  };
}
