/**
 * The HTTP endpoint (docs/sync.md, protocol version 1): routes, and nothing kept between requests but a pool of
 * database connections and the LISTEN connection, so several endpoints can serve one database.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { MAX_BATCH_BYTES, MAX_ROSTER_BYTES } from '#shared/sync';
import { acceptBatch, batchesAfter, pageAsJson, quarantined } from './batches';
import {
  ApiError,
  parseJsonBody,
  readBody,
  sendError,
  sendJson,
  sendPreflight,
  sendRawJson,
} from './http-util';
import { ensureYearPartitions, migrate } from './migrate';
import { BatchNotifier } from './notifier';
import { currentRoster, memberFor, putRoster } from './rosters';
import { authenticate, newChallenge, openSession } from './sessions';

/** The protocol version this endpoint speaks; a client checks it at GET /v1. */
export const PROTOCOL_VERSION = 1;
/** The longest a pull waits for a new batch, in seconds. */
export const MAX_WAIT_SECONDS = 30;

export interface Endpoint {
  readonly server: Server;
  /** http://127.0.0.1:PORT */
  readonly url: string;
  close(): Promise<void>;
}

export interface EndpointOptions {
  readonly databaseUrl: string;
  readonly port?: number;
  readonly host?: string;
  /** Print a line per refused request (the command does; tests keep quiet). */
  readonly log?: (line: string) => void;
}

/** Migrates the database, then listens. Resolves once GET /v1/health would answer ok. */
export async function startEndpoint(options: EndpointOptions): Promise<Endpoint> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
  // A dropped connection in the pool is replaced on next use; it must not crash the endpoint.
  pool.on('error', () => undefined);
  await migrate(pool);
  await ensureYearPartitions(pool);
  const partitions = setInterval(() => ensureYearPartitions(pool).catch(() => undefined), 6 * 3600_000);
  partitions.unref();
  const notifier = new BatchNotifier(options.databaseUrl);
  await notifier.start();
  const log = options.log ?? (() => undefined);

  const server = createServer((request, response) => {
    handle(pool, notifier, request, response).catch((error: unknown) => {
      if (error instanceof ApiError) {
        if (error.status >= 400)
          log(`${request.method} ${request.url} → ${error.status} ${error.code}: ${error.message}`);
        sendError(response, error);
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      log(`${request.method} ${request.url} → 503: ${message}`);
      sendError(
        response,
        new ApiError(503, 'unavailable', `the server could not do that just now (${message}); try again`),
      );
    });
  });
  server.keepAliveTimeout = 60_000;
  // A pull may wait up to MAX_WAIT_SECONDS for news.
  server.requestTimeout = (MAX_WAIT_SECONDS + 30) * 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    url: `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`,
    async close() {
      clearInterval(partitions);
      await notifier.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await pool.end();
    },
  };
}

const INSPECTION_ROUTE = /^\/v1\/inspections\/([^/]+)\/(roster|batches|quarantine)$/;

async function handle(
  pool: pg.Pool,
  notifier: BatchNotifier,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://endpoint');
  const method = request.method ?? 'GET';
  if (method === 'OPTIONS') return sendPreflight(response);

  if (url.pathname === '/v1/health' && method === 'GET') {
    await pool.query('SELECT 1 FROM schema_migrations LIMIT 1');
    return sendJson(response, 200, { ok: true });
  }
  if (url.pathname === '/v1' && method === 'GET') {
    return sendJson(response, 200, { service: 'casescore-sync', protocol: PROTOCOL_VERSION });
  }
  if (url.pathname === '/v1/session/challenge' && method === 'POST') {
    request.resume();
    return sendJson(response, 200, await newChallenge(pool));
  }
  if (url.pathname === '/v1/session' && method === 'POST') {
    const text = await readBody(request, 8 * 1024, 'the sign-in request');
    return sendJson(
      response,
      200,
      await openSession(pool, parseJsonBody(text, 'the sign-in request', 8 * 1024)),
    );
  }

  const match = INSPECTION_ROUTE.exec(url.pathname);
  if (!match) throw new ApiError(404, 'not-found', `no such address: ${method} ${url.pathname}`);
  let inspectionId: string;
  try {
    inspectionId = decodeURIComponent(match[1]!);
  } catch {
    throw new ApiError(400, 'malformed', 'the inspection id in the address is not valid');
  }
  const key = await authenticate(pool, request);

  if (match[2] === 'roster' && method === 'PUT') {
    const text = await readBody(request, MAX_ROSTER_BYTES, 'the team list');
    const body = parseJsonBody(text, 'the team list', MAX_ROSTER_BYTES);
    const result = await putRoster(pool, inspectionId, body, text);
    return sendJson(response, result.stored ? 201 : 200, result);
  }
  if (match[2] === 'roster' && method === 'GET') {
    await memberFor(pool, inspectionId, key, 'read the team list');
    const current = await currentRoster(pool, inspectionId);
    return sendRawJson(response, 200, current!.body);
  }
  if (match[2] === 'batches' && method === 'POST') {
    const text = await readBody(request, MAX_BATCH_BYTES, 'the batch');
    const body = parseJsonBody(text, 'the batch', MAX_BATCH_BYTES);
    const accepted = await acceptBatch(pool, inspectionId, body, text, key);
    return sendJson(response, accepted.duplicate ? 200 : 201, accepted);
  }
  if (match[2] === 'quarantine' && method === 'GET') {
    await memberFor(pool, inspectionId, key, 'see quarantined batches');
    return sendRawJson(response, 200, await quarantined(pool, inspectionId, key));
  }
  if (match[2] === 'batches' && method === 'GET') {
    const after = wholeNumber(url.searchParams.get('after') ?? '0', 'after');
    const wait = Math.min(wholeNumber(url.searchParams.get('wait') ?? '0', 'wait'), MAX_WAIT_SECONDS);
    const limit = wholeNumber(url.searchParams.get('limit') ?? '200', 'limit');
    await memberFor(pool, inspectionId, key, 'read changes');
    let found = await batchesAfter(pool, inspectionId, after, limit);
    if (found.page.length === 0 && wait > 0) {
      const waiting = notifier.waitFor(inspectionId, wait * 1000);
      const gone = () => waiting.cancel();
      response.once('close', gone);
      found = await batchesAfter(pool, inspectionId, after, limit);
      if (found.page.length === 0) {
        await waiting.done;
        if (response.destroyed) return;
        found = await batchesAfter(pool, inspectionId, after, limit);
      } else waiting.cancel();
      response.off('close', gone);
    }
    return sendRawJson(response, 200, pageAsJson(inspectionId, after, found.page, found.more));
  }
  throw new ApiError(405, 'method-not-allowed', `${method} is not allowed on ${url.pathname}`);
}

function wholeNumber(text: string, name: string): number {
  if (!/^\d{1,15}$/.test(text))
    throw new ApiError(400, 'malformed', `${name} must be a whole number, not "${text}"`);
  return Number(text);
}
