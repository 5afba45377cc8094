// The desktop platform passes the shell's refusals on in the shell's own words, without Electron's wrapping.
import { describe, expect, it } from 'vitest';
import type { DesktopApi } from '#shared/ipc';
import { desktopPlatform } from '../../../renderer/platform/desktop';
import { readImport } from '../../../renderer/features/transfer/transfer';

function refusingApi(message: string): DesktopApi {
  return {
    invoke: (async () => {
      throw new Error(message);
    }) as DesktopApi['invoke'],
    on: () => () => undefined,
  };
}

describe('the desktop platform', () => {
  it('says why the shell refused to open a file, as an inspector reads it', async () => {
    const platform = desktopPlatform(
      refusingApi(
        "Error invoking remote method 'transfer/open-file': FileRefused: huge.json is 1.0 GB; the largest file Casescore opens is 50.0 MB",
      ),
    );
    await expect(platform.openFile('json')).rejects.toThrow(
      /^huge\.json is 1\.0 GB; the largest file Casescore opens is 50\.0 MB$/,
    );
    expect(await readImport(platform)).toEqual({
      kind: 'error',
      text: 'The file was not imported: huge.json is 1.0 GB; the largest file Casescore opens is 50.0 MB. Nothing was changed.',
    });
  });

  it('keeps a message that was never wrapped as it is', async () => {
    const platform = desktopPlatform(refusingApi('zero.json is not a file Casescore can open'));
    await expect(platform.openFile('json')).rejects.toThrow(/^zero\.json is not a file Casescore can open$/);
  });

  it('acts only on the menu commands of the contract, the lock among them', () => {
    let send: (command: unknown) => void = () => undefined;
    const api: DesktopApi = {
      invoke: (async () => null) as DesktopApi['invoke'],
      on: ((_event: string, listener: (command: unknown) => void) => {
        send = listener;
        return () => undefined;
      }) as DesktopApi['on'],
    };
    const heard: string[] = [];
    desktopPlatform(api).onMenuCommand((command) => heard.push(command));
    send('lock');
    send('format-disk');
    send({ toString: () => 'lock' });
    expect(heard).toEqual(['lock']);
  });

  it('sends team server requests through main and reads its answer as fetch would', async () => {
    const calls: unknown[] = [];
    let answer: unknown = { status: 201, body: '{"seq":4,"duplicate":false}' };
    const api: DesktopApi = {
      invoke: (async (channel: string, argument: unknown) => {
        calls.push([channel, argument]);
        return channel === 'sync/request' ? answer : null;
      }) as DesktopApi['invoke'],
      on: () => () => undefined,
    };
    const link = desktopPlatform(api).teamServer;
    await link.use('https://casescore.example.org');
    const response = await link.fetch('https://casescore.example.org/v1/inspections/x/batches', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t0k3n' },
      body: '{}',
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ seq: 4, duplicate: false });
    expect(calls).toEqual([
      ['sync/use-server', { url: 'https://casescore.example.org' }],
      [
        'sync/request',
        {
          url: 'https://casescore.example.org/v1/inspections/x/batches',
          method: 'POST',
          authorization: 'Bearer t0k3n',
          body: '{}',
        },
      ],
    ]);
    // No answer at all is fetch's own failure (a TypeError), so the engine counts the server unreachable.
    answer = { unreachable: 'fetch failed: connect ECONNREFUSED' };
    await expect(link.fetch('https://casescore.example.org/v1/health')).rejects.toThrow(TypeError);
  });
});
