/**
 * The desktop app's one way out to the network: requests of the team server's protocol, sent by the main
 * process on the renderer's behalf. The renderer's Content Security Policy stays `connect-src 'self'` (nothing
 * remote at all); main sends only to the address set in Settings (checked by the same rule as Settings:
 * https, or http to this computer), only under its `/v1/` protocol paths, with a bounded body and answer. See
 * docs/sync.md, "The desktop app and the Content Security Policy".
 */
import { checkServerAddress } from '#shared/sync';
import { MAX_SYNC_BODY, type ArgumentOf, type ResultOf } from '#shared/ipc';

/** The largest answer read back (a page of pulled batches is at most about 8 MB). */
export const MAX_SYNC_ANSWER = 12 * 1024 * 1024;
/** A long-poll waits up to 30 s on the server; anything slower than this is treated as no answer. */
const REQUEST_TIMEOUT_MS = 45_000;

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export class TeamServerRelay {
  private base: string | null = null;

  constructor(private readonly fetchImpl: Fetch = (input, init) => fetch(input, init)) {}

  /** The address set in Settings; null forgets it. A refused address throws with the reason in words. */
  use(url: string | null): void {
    if (url === null) {
      this.base = null;
      return;
    }
    const checked = checkServerAddress(url);
    if ('problem' in checked) throw new Error(checked.problem);
    this.base = checked.url;
  }

  /** Why a request may not be sent, or null when it may. */
  problem(url: string): string | null {
    if (!this.base) return 'no team server is set in Settings';
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return 'the address is not a URL';
    }
    const base = new URL(this.base);
    if (target.origin !== base.origin)
      return `only the team server set in Settings (${base.origin}) is reached`;
    const prefix = `${base.pathname.replace(/\/$/, '')}/v1`;
    if (target.pathname !== prefix && !target.pathname.startsWith(`${prefix}/`)) {
      return 'only the team server’s protocol (/v1) is reached';
    }
    if (target.username || target.password || target.hash) return 'the address carries more than a path';
    // An encoded slash, backslash or dot is never in the protocol's paths (ids are plain characters); a proxy
    // in front that decodes one could route the request outside /v1.
    if (/%(2f|5c|2e)/i.test(target.pathname)) return 'the address carries an encoded slash or dot';
    return null;
  }

  async request(argument: ArgumentOf<'sync/request'>): Promise<ResultOf<'sync/request'>> {
    const problem = this.problem(argument.url);
    if (problem) throw new Error(problem);
    if (argument.body !== undefined && argument.body.length > MAX_SYNC_BODY)
      throw new Error('the body is too large');
    let response: Response;
    try {
      response = await this.fetchImpl(argument.url, {
        method: argument.method,
        headers: {
          ...(argument.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(argument.authorization ? { authorization: argument.authorization } : {}),
        },
        ...(argument.body === undefined ? {} : { body: argument.body }),
        redirect: 'error',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      return { unreachable: error instanceof Error ? error.message : String(error) };
    }
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_SYNC_ANSWER) {
      await response.body?.cancel();
      return { status: 502, body: tooLarge };
    }
    const body = await readAtMost(response, MAX_SYNC_ANSWER);
    if (body === null) return { status: 502, body: tooLarge };
    return { status: response.status, body };
  }
}

/**
 * The answer's text, read as it streams and given up on (null) past `max` bytes: an answer with no length
 * declared (chunked) is not held whole in memory first.
 */
async function readAtMost(response: Response, max: number): Promise<string | null> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const tooLarge = JSON.stringify({
  error: { code: 'too-large', message: 'the team server’s answer is larger than Casescore reads' },
});
