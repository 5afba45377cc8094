// `npm run server`'s arguments: defaults, each option, and a clear message for a wrong one.
import { describe, expect, it } from 'vitest';
import { defaultDataDir, parseArgs } from '../../server/args';

describe('npm run server arguments', () => {
  it('defaults to port 8787 on 127.0.0.1 and the user’s data folder', () => {
    expect(parseArgs([], {})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      data: defaultDataDir({}),
      help: false,
    });
    expect(parseArgs([], { PORT: '9100' }).port).toBe(9100);
  });

  it('reads --port, --host and --data, with a space or an equals sign', () => {
    expect(parseArgs(['--port', '9000', '--host=0.0.0.0', '--data', '/srv/cs'], {})).toEqual({
      port: 9000,
      host: '0.0.0.0',
      data: '/srv/cs',
      help: false,
    });
    expect(parseArgs(['--help'], {}).help).toBe(true);
  });

  it('says which argument is wrong', () => {
    expect(() => parseArgs(['--port', 'eighty'], {})).toThrow(
      '--port must be a port number (0–65535), not "eighty"',
    );
    expect(() => parseArgs(['--port', '70000'], {})).toThrow(/--port must be a port number/);
    expect(() => parseArgs(['--data'], {})).toThrow('--data needs a value');
    expect(() => parseArgs(['--verbose'], {})).toThrow(/unknown argument --verbose/);
  });

  it('keeps its own cluster in the user’s data folder, or /var/lib when run as root', () => {
    const dir = defaultDataDir({ XDG_DATA_HOME: '/home/mk/.data' });
    if (process.getuid?.() === 0) expect(dir).toBe('/var/lib/casescore-server');
    else expect(dir).toBe('/home/mk/.data/casescore-server');
  });
});
