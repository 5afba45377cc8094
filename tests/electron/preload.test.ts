// The preload exposes one narrow object, never ipcRenderer itself.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeElectron, mockElectronModule, type FakeElectron } from './fake-electron';

const electron = vi.hoisted(() => ({ current: null as FakeElectron | null }));
vi.mock('electron', () => mockElectronModule(() => electron.current));

let fake: FakeElectron;
beforeEach(async () => {
  fake = createFakeElectron();
  electron.current = fake;
  vi.resetModules();
  await import('../../electron/preload/index');
});

function exposed() {
  const [[name, api]] = fake.contextBridge.exposeInMainWorld.mock.calls as [
    [string, Record<string, unknown>],
  ];
  return { name, api };
}

describe('the preload', () => {
  it('exposes window.casescore with invoke and on, and nothing else', () => {
    const { name, api } = exposed();
    expect(name).toBe('casescore');
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.values(api)).not.toContain(fake.ipcRenderer);
  });

  it('passes contract channels through and refuses others', async () => {
    const { api } = exposed();
    const invoke = api.invoke as (channel: string, argument: unknown) => Promise<unknown>;
    await expect(invoke('app/info', {})).resolves.toBe('answered');
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith('app/info', {});
    await expect(invoke('shell/exec', { command: 'rm -rf /' })).rejects.toThrow('Unknown channel shell/exec');
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
  });

  it('listens only to contract events, without exposing the IPC event object', () => {
    const { api } = exposed();
    const on = api.on as (event: string, listener: (payload: unknown) => void) => () => void;
    const listener = vi.fn();
    const stop = on('menu/command', listener);
    const [[event, wrapped]] = fake.ipcRenderer.on.mock.calls as [[string, (e: unknown, p: unknown) => void]];
    expect(event).toBe('menu/command');
    wrapped({ sender: 'ipc internals' }, 'export');
    expect(listener).toHaveBeenCalledWith('export');
    stop();
    expect(fake.ipcRenderer.removeListener).toHaveBeenCalledWith('menu/command', wrapped);
    expect(() => on('ipc-internal', vi.fn())).toThrow('Unknown event ipc-internal');
  });
});
