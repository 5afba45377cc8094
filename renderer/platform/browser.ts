// The browser platform (`npm run web`): files are downloaded and uploaded, reports go to the print dialog, and
// backups are kept in the browser's own storage (there is no folder to keep them in).
import { DEFAULT_MAX_BYTES, describeFileSize } from '#shared/interchange';
import { listBrowserBackups, readBrowserBackup, writeBrowserBackup } from '../db';
import type { Platform } from './platform';

const TYPES = {
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
  age: 'application/octet-stream',
} as const;

/** The plain-browser platform. */
export function browserPlatform(): Platform {
  return {
    kind: 'browser',
    async saveFile(suggestedName, text, kind) {
      // A spreadsheet opens UTF-8 cleanly only with a byte-order mark.
      const body = kind === 'csv' && !text.startsWith('\uFEFF') ? `\uFEFF${text}` : text;
      const url = URL.createObjectURL(new Blob([body], { type: TYPES[kind] }));
      const link = document.createElement('a');
      link.href = url;
      link.download = suggestedName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return { saved: true, where: 'your downloads' };
    },
    openFile(kind) {
      return new Promise((resolve, reject) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = kind === 'json' ? '.json,.age,application/json' : '';
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          if (!file) return resolve(null);
          // The size is known before a byte is read: a 1 GB file is refused as too large, not read (reading
          // it would fail and look empty).
          if (file.size > DEFAULT_MAX_BYTES) {
            return reject(
              new Error(
                `${file.name} is ${describeFileSize(file.size)}; the largest file Casescore opens is ${describeFileSize(DEFAULT_MAX_BYTES)}`,
              ),
            );
          }
          file
            .arrayBuffer()
            .then((bytes) => resolve({ name: file.name, bytes: new Uint8Array(bytes) }), reject);
        });
        input.addEventListener('cancel', () => resolve(null));
        input.click();
      });
    },
    async printReport() {
      window.print();
      return { saved: false };
    },
    backups: { write: writeBrowserBackup, list: listBrowserBackups, read: readBrowserBackup },
    onMenuCommand: () => () => undefined,
    onBeforeQuit: () => () => undefined,
    teamServer: {
      use: async () => undefined,
      fetch: (url, init) => fetch(url, init),
      // The page's Content Security Policy lets it reach its own origin alone (docs/sync.md).
      problem: (url) =>
        new URL(url).origin === window.location.origin
          ? null
          : `In a browser Casescore can reach only the address it was opened from (${window.location.origin}): open it from your team server’s address, or use the desktop app.`,
    },
    async logError(message) {
      console.error(`Casescore: ${message}`);
    },
  };
}
