/**
 * The preload: the renderer's only door to the desktop shell. It exposes one narrow object, `window.casescore`,
 * typed by the IPC contract; it never hands the page ipcRenderer itself, and refuses channels not in the contract.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, EVENT_CHANNELS } from '#shared/ipc/channels.ts';
import type { DesktopApi } from '#shared/ipc/contract.ts';

export const desktopApi = {
  invoke(channel, argument) {
    if (!(CHANNELS as readonly string[]).includes(channel)) {
      return Promise.reject(new Error(`Unknown channel ${String(channel)}`));
    }
    return ipcRenderer.invoke(channel, argument);
  },
  on(event, listener) {
    if (!(EVENT_CHANNELS as readonly string[]).includes(event))
      throw new Error(`Unknown event ${String(event)}`);
    const wrapped = (_event: unknown, payload: unknown) => listener(payload as never);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('casescore', desktopApi);
