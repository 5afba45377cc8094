// The desktop platform: everything goes through the preload's `window.casescore`, typed by the IPC contract.
import type { DesktopApi, MenuCommand } from '#shared/ipc';
import { MENU_COMMANDS } from '#shared/ipc/channels.ts';
import type { Platform } from './platform';

/**
 * The shell's own words from a refused call: Electron wraps them as "Error invoking remote method
 * 'transfer/open-file': FileRefused: pdu.json is 1.0 GB; …", which is not for an inspector.
 */
export function withoutIpcWrapping(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^Error invoking remote method '[^']*': (?:\w*Error|\w+Refused): /, '');
}

/** The call's answer, or its refusal in the shell's own words. */
function unwrapped<T>(call: Promise<T>): Promise<T> {
  return call.catch((error: unknown) => {
    throw new Error(withoutIpcWrapping(error));
  });
}

/** The desktop platform over the preload's API. */
export function desktopPlatform(api: DesktopApi): Platform {
  return {
    kind: 'desktop',
    async saveFile(suggestedName, text, kind) {
      const result = await api.invoke('transfer/save-file', { suggestedName, text, kind });
      return { saved: result.saved, ...(result.path ? { where: result.path } : {}) };
    },
    openFile: (kind) =>
      api.invoke('transfer/open-file', { kind }).catch((error: unknown) => {
        throw new Error(withoutIpcWrapping(error));
      }),
    async printReport(suggestedName) {
      const result = await api.invoke('report/save-pdf', { suggestedName });
      return { saved: result.saved, ...(result.path ? { where: result.path } : {}) };
    },
    keychain: {
      status: () => api.invoke('keys/status', {}),
      protect: async (key) => (await unwrapped(api.invoke('keys/protect', { key }))).sealed,
      unprotect: async (sealed) => (await unwrapped(api.invoke('keys/unprotect', { sealed }))).key,
    },
    backups: {
      write: (text, reason) => api.invoke('backup/write', { text, reason }),
      list: () => api.invoke('backup/list', {}),
      read: (name) => api.invoke('backup/read', { name }),
    },
    // Only the contract's commands are acted on, whatever arrives.
    onMenuCommand: (listener) =>
      api.on('menu/command', (command) => {
        if ((MENU_COMMANDS as readonly string[]).includes(command)) listener(command as MenuCommand);
      }),
    onBeforeQuit: (listener) => api.on('app/before-quit', () => listener()),
    teamServer: {
      use: async (url) => {
        await api.invoke('sync/use-server', { url });
      },
      async fetch(url, init = {}) {
        const headers = new Headers(init.headers);
        const authorization = headers.get('authorization');
        const answer = await api
          .invoke('sync/request', {
            url,
            method: (init.method ?? 'GET') as 'GET' | 'POST' | 'PUT',
            ...(authorization ? { authorization } : {}),
            ...(typeof init.body === 'string' ? { body: init.body } : {}),
          })
          .catch((error: unknown) => {
            throw new Error(withoutIpcWrapping(error));
          });
        // No answer at all reads as fetch's own failure, so the sync engine counts the server unreachable.
        if ('unreachable' in answer) throw new TypeError(answer.unreachable);
        const empty = answer.status === 204 || answer.status === 304;
        return new Response(empty ? null : answer.body, { status: answer.status });
      },
      problem: () => null,
    },
    async logError(message) {
      await api.invoke('log/error', { message: message.slice(0, 20_000) || '(empty message)' });
    },
  };
}
