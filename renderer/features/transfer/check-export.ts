/**
 * Checking an export in a Web Worker, so the window stays responsive however big or hostile the file: decoding,
 * parsing and validating 50 MB takes seconds and memory the screen must not wait on. A file's bytes are handed
 * to the worker, not copied (the window never decodes them); where there are no workers (the jsdom tests), the
 * same check runs in place.
 */
import {
  InterchangeError,
  tryParseExport,
  type ExportFile,
  type ParseResult,
  type PathSegment,
} from '../../../shared/interchange';

/** What the window sends the worker: a file's bytes, or text it already has (a backup). */
export interface CheckRequest {
  readonly content: Uint8Array | string;
}

/** What the worker answers: the valid file, or the first problem's path and words. */
export type CheckResponse =
  | { readonly ok: true; readonly file: ExportFile }
  | { readonly ok: false; readonly path: PathSegment[]; readonly problem: string };

/** The check itself, wherever it runs: bytes decoded as UTF-8 (refused if they are not), then read in full. */
export function checkExportContent(content: Uint8Array | string): ParseResult {
  let text: string;
  if (typeof content === 'string') text = content;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    } catch {
      return {
        ok: false,
        error: new InterchangeError([], 'not text (it is not UTF-8); a Casescore export is JSON text'),
      };
    }
  }
  return tryParseExport(text);
}

/**
 * Validates an export off the window's thread; resolves with the file or the first problem. Bytes are moved
 * to the worker: the caller must not use them afterwards.
 */
export function checkExport(content: Uint8Array | string): Promise<ParseResult> {
  if (typeof Worker === 'undefined') return Promise.resolve(checkExportContent(content));
  return new Promise((resolve) => {
    // Vite bundles the worker as its own file, served from the app's origin (worker-src 'self' in the CSP).
    const worker = new Worker(new URL('./check-export.worker.ts', import.meta.url), {
      type: 'module',
      name: 'check-export',
    });
    const finish = (result: ParseResult) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (event: MessageEvent<CheckResponse>) => {
      const answer = event.data;
      finish(
        answer.ok
          ? { ok: true, file: answer.file }
          : { ok: false, error: new InterchangeError(answer.path, answer.problem) },
      );
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const why = event.message || 'the check stopped';
      finish({ ok: false, error: new InterchangeError([], `the file could not be checked (${why})`) });
    };
    const request: CheckRequest = { content };
    worker.postMessage(request, typeof content === 'string' ? [] : [content.buffer]);
  });
}
