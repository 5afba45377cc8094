/** Reading requests and writing answers: bodies read up to a cap, JSON answers, and errors that say what is wrong. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { InterchangeError, parseJsonSafely } from '#shared/interchange';

/** An error to answer with: its HTTP status, a stable code for programs, and a message for people. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Answers with JSON. Any origin may call: tokens travel in a header, never a cookie. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  sendRawJson(response, status, JSON.stringify(body));
}

export function sendRawJson(response: ServerResponse, status: number, text: string): void {
  if (response.headersSent) return;
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'access-control-allow-origin': '*',
  });
  response.end(text);
}

export function sendError(response: ServerResponse, error: ApiError): void {
  sendJson(response, error.status, { error: { code: error.code, message: error.message } });
}

/** The preflight answer browsers ask for before a cross-origin request with a token. */
export function sendPreflight(response: ServerResponse): void {
  response.writeHead(204, {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, PUT, POST, OPTIONS',
    'access-control-allow-headers': 'authorization, content-type',
    'access-control-max-age': '600',
  });
  response.end();
}

/** The request's body as text, refused (413) as soon as it passes `maxBytes`, before it is all read. */
export function readBody(request: IncomingMessage, maxBytes: number, what: string): Promise<string> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    request.resume();
    return Promise.reject(tooLarge(declared, maxBytes, what));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > maxBytes) {
        refused = true;
        reject(tooLarge(size, maxBytes, what));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!refused) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

function tooLarge(bytes: number, maxBytes: number, what: string): ApiError {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return new ApiError(
    413,
    'too-large',
    `${what} is over ${mb(maxBytes)} (at least ${mb(bytes)}); send smaller batches`,
  );
}

/**
 * Parses a body as JSON with the export reader's guards (depth, prototype keys, size), or answers 400 saying
 * what is wrong with it.
 */
export function parseJsonBody(text: string, what: string, maxBytes: number): unknown {
  try {
    return parseJsonSafely(text, maxBytes);
  } catch (error) {
    const problem =
      error instanceof InterchangeError ? error.problem.replace(/the file/g, what) : String(error);
    throw new ApiError(400, 'malformed', `${what} cannot be read: ${problem}`);
  }
}
