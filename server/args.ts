/** `npm run server -- [--port N] [--data DIR] [--host H]`: the command's arguments and their defaults. */
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface ServerArgs {
  readonly port: number;
  readonly host: string;
  /** The local cluster's folder; unused when DATABASE_URL is set. */
  readonly data: string;
  readonly help: boolean;
}

export const USAGE = `npm run server -- [--port 8787] [--host 127.0.0.1] [--data DIR]

Starts the Casescore team server. With DATABASE_URL set it uses that PostgreSQL database; without it, it makes
and starts a PostgreSQL cluster of its own in DIR (default: ${defaultDataDir()}).
Put a TLS proxy in front of it before anyone reaches it over a network (docs/sync.md).`;

/** Where the server keeps its own cluster: the user's data folder; /var/lib when run as root. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (process.getuid?.() === 0) return '/var/lib/casescore-server';
  if (process.platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'casescore-server');
  if (process.platform === 'win32') return join(env.APPDATA ?? homedir(), 'casescore-server');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'casescore-server');
}

/** Reads the arguments; throws with a message naming the wrong one. */
export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ServerArgs {
  let port = Number(env.PORT ?? 8787);
  let host = '127.0.0.1';
  let data = defaultDataDir(env);
  let help = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${name} needs a value`);
      return v;
    };
    if (name === '--port') {
      const text = value();
      port = Number(text);
      if (!/^\d+$/.test(text) || port > 65535)
        throw new Error(`--port must be a port number (0–65535), not "${text}"`);
    } else if (name === '--host') host = value();
    else if (name === '--data') data = value();
    else if (name === '--help' || name === '-h') help = true;
    else throw new Error(`unknown argument ${arg}; ${USAGE.split('\n')[0]}`);
  }
  return { port, host, data, help };
}
