// The desktop's one way out to the network: main sends team server requests for the renderer, to the address
// set in Settings alone, under its /v1 protocol paths, and the renderer's policy keeps connect-src 'self'.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argumentProblem } from '#shared/ipc';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/csp';
import { TeamServerRelay } from '../../electron/main/team-server';

let base = '';
const endless = { written: 0 };
const seen: { method?: string; url?: string; authorization?: string; body: string }[] = [];
const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString()));
  request.on('end', () => {
    seen.push({
      method: request.method,
      url: request.url,
      authorization: request.headers.authorization,
      body,
    });
    if (request.url === '/v1/endless') {
      // No length declared: 64 MB in chunks, unless the reader hangs up first.
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      endless.written = 0;
      const more = () => {
        while (!response.destroyed && endless.written < 64 * chunk.length) {
          endless.written += chunk.length;
          if (!response.write(chunk)) {
            response.once('drain', more);
            return;
          }
        }
        if (!response.destroyed) response.end();
      };
      more();
      return;
    }
    if (request.url === '/v1/redirect') {
      response.writeHead(302, { location: 'https://elsewhere.example.org/' }).end();
      return;
    }
    response.writeHead(request.url === '/v1/missing' ? 404 : 200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ ok: true, path: request.url }));
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the team server relay in main', () => {
  it('sends nothing until a server is set, and refuses an address Settings would refuse', async () => {
    const relay = new TeamServerRelay();
    await expect(relay.request({ url: `${base}/v1/health`, method: 'GET' })).rejects.toThrow(
      'no team server is set in Settings',
    );
    expect(() => relay.use('http://casescore.example.org')).toThrow(
      'Use https:// for a server on the network',
    );
    expect(() => relay.use('ftp://casescore.example.org')).toThrow('The address starts with https://');
  });

  it('reaches the server set, with the token and body, and gives back its answer as it came', async () => {
    const relay = new TeamServerRelay();
    relay.use(base);
    expect(
      await relay.request({
        url: `${base}/v1/inspections/x/batches`,
        method: 'POST',
        authorization: 'Bearer abc.def',
        body: '{"a":1}',
      }),
    ).toEqual({ status: 200, body: JSON.stringify({ ok: true, path: '/v1/inspections/x/batches' }) });
    expect(seen.at(-1)).toEqual({
      method: 'POST',
      url: '/v1/inspections/x/batches',
      authorization: 'Bearer abc.def',
      body: '{"a":1}',
    });
    expect(await relay.request({ url: `${base}/v1/missing`, method: 'GET' })).toMatchObject({ status: 404 });
  });

  it('reaches nothing else: another origin, a path outside /v1, a redirect away', async () => {
    const relay = new TeamServerRelay();
    relay.use(base);
    const before = seen.length;
    await expect(
      relay.request({ url: 'https://elsewhere.example.org/v1/health', method: 'GET' }),
    ).rejects.toThrow(`only the team server set in Settings (${base}) is reached`);
    await expect(relay.request({ url: `${base}/admin`, method: 'GET' })).rejects.toThrow(
      'only the team server’s protocol (/v1) is reached',
    );
    await expect(relay.request({ url: `${base}/v1x/health`, method: 'GET' })).rejects.toThrow('(/v1)');
    expect(seen.length).toBe(before);
    // A redirect is not followed: the answer never comes from elsewhere.
    expect(await relay.request({ url: `${base}/v1/redirect`, method: 'GET' })).toMatchObject({
      unreachable: expect.any(String),
    });
    relay.use(null);
    await expect(relay.request({ url: `${base}/v1/health`, method: 'GET' })).rejects.toThrow(
      'no team server',
    );
  });

  it('refuses encoded slashes and dots, and path tricks, before sending', async () => {
    const relay = new TeamServerRelay();
    relay.use(base);
    const before = seen.length;
    for (const path of ['/v1/..%2fadmin', '/v1/%2e%2e/admin', '/v1/x%5C..%5Cadmin', '/v1/../admin']) {
      await expect(relay.request({ url: `${base}${path}`, method: 'GET' })).rejects.toThrow(
        /encoded slash or dot|\(\/v1\)/,
      );
    }
    await expect(
      relay.request({ url: base.replace('//', '//user@') + '/v1/health', method: 'GET' }),
    ).rejects.toThrow('more than a path');
    expect(seen.length).toBe(before);
  });

  it('stops reading an answer with no declared length at its cap', async () => {
    const relay = new TeamServerRelay();
    relay.use(base);
    const answer = await relay.request({ url: `${base}/v1/endless`, method: 'GET' });
    expect(answer).toMatchObject({ status: 502, body: expect.stringContaining('too-large') });
    // It hung up soon after the cap instead of taking in all 64 MB.
    expect(endless.written).toBeLessThan(32 * 1024 * 1024);
  }, 30_000);

  it('keeps a server under a path to that path', async () => {
    const relay = new TeamServerRelay();
    relay.use(`${base}/casescore/`);
    await expect(relay.request({ url: `${base}/v1/health`, method: 'GET' })).rejects.toThrow('(/v1)');
    expect(await relay.request({ url: `${base}/casescore/v1/health`, method: 'GET' })).toMatchObject({
      status: 200,
    });
  });

  it('says the server is unreachable, in the network’s words, when nothing answers', async () => {
    const relay = new TeamServerRelay();
    relay.use('http://127.0.0.1:9');
    expect(await relay.request({ url: 'http://127.0.0.1:9/v1/health', method: 'GET' })).toEqual({
      unreachable: expect.stringMatching(/fetch failed/),
    });
  });

  it('checks every argument before main sees it', () => {
    expect(argumentProblem('sync/request', { url: `${base}/v1`, method: 'DELETE' })).toMatch(
      /^sync\/request: method/,
    );
    expect(
      argumentProblem('sync/request', { url: `${base}/v1`, method: 'GET', authorization: 'Basic xyz' }),
    ).toBe('sync/request: authorization: expected a bearer token');
    expect(argumentProblem('sync/use-server', { url: null })).toBeNull();
  });

  it('leaves the window’s own policy with nothing remote: connect-src stays the app itself', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
  });
});
