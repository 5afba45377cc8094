// One contract types main, preload and renderer: a wrong channel or argument does not compile. The
// `@ts-expect-error` lines below are the type test: `npm run typecheck` fails if any of them stops being an error.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ARGUMENT_SCHEMAS, CHANNELS, EVENT_CHANNELS, type DesktopApi, type ResultOf } from '#shared/ipc';
import { desktopPlatform } from '../../renderer/platform/desktop';

declare const api: DesktopApi;

function typeChecks() {
  void api.invoke('app/info', {});
  void api.invoke('backup/write', { text: '{}', reason: 'timer' });
  // @ts-expect-error: no such channel
  void api.invoke('shell/exec', {});
  // @ts-expect-error: wrong argument type
  void api.invoke('backup/write', { text: 42, reason: 'timer' });
  // @ts-expect-error: a reason the contract does not know
  void api.invoke('backup/write', { text: '{}', reason: 'whenever' });
  // @ts-expect-error: missing argument
  void api.invoke('backup/read');
  // @ts-expect-error: no such event
  api.on('secret/event', () => undefined);
  api.on('menu/command', (command) => {
    expectTypeOf(command).toEqualTypeOf<
      'new-inspection' | 'import' | 'export' | 'print' | 'undo' | 'redo' | 'backup-now' | 'lock'
    >();
  });
  expectTypeOf(api.invoke('backup/list', {})).resolves.toEqualTypeOf<ResultOf<'backup/list'>>();
}

describe('the IPC contract', () => {
  // typeChecks is never run: it exists for the compiler, which fails `npm run typecheck` if any line marked as
  // an expected error compiles.
  void typeChecks;

  it('lists the same channels for the preload as it has schemas for main', () => {
    expect([...CHANNELS].sort()).toEqual(Object.keys(ARGUMENT_SCHEMAS).sort());
    expect(EVENT_CHANNELS).toEqual(['menu/command', 'app/before-quit']);
  });

  it('carries the renderer’s desktop platform calls through unchanged', async () => {
    const calls: [string, unknown][] = [];
    const fakeApi: DesktopApi = {
      invoke: (async (channel: string, argument: unknown) => {
        calls.push([channel, argument]);
        return channel === 'transfer/save-file' ? { saved: true, path: '/home/km/x.json' } : [];
      }) as DesktopApi['invoke'],
      on: () => () => undefined,
    };
    const desktop = desktopPlatform(fakeApi);
    await expect(desktop.saveFile('x.json', '{}', 'json')).resolves.toEqual({
      saved: true,
      where: '/home/km/x.json',
    });
    await desktop.backups?.list();
    expect(calls).toEqual([
      ['transfer/save-file', { suggestedName: 'x.json', text: '{}', kind: 'json' }],
      ['backup/list', {}],
    ]);
  });
});
