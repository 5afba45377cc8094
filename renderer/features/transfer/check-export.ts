/**
 * The slow work on files done in a Web Worker, so the window stays responsive however big or hostile the
 * file: decrypting, decoding, parsing and validating an import (seconds and memory for 50 MB, and scrypt for an
 * encrypted file), and encrypting an export. A file's bytes are handed to the worker, not copied (the window
 * never decodes them). Where there are no workers (the jsdom tests), the same work runs in place.
 */
import {
  InterchangeError,
  parseSignedExport,
  validateExport,
  type ExportFile,
  type PathSegment,
  type SignatureCheck,
} from '../../../shared/interchange';
import { DecryptionError, decryptFile, encryptText, isEncryptedFile } from './protect';
import {
  frameworkFile,
  FRAMEWORKS,
  knownFrameworks,
  loadFrameworkFile,
  withFrameworks,
} from '../../../shared/framework';

/** What the window asks the worker. */
export type WorkerRequest =
  | {
      readonly kind: 'check';
      readonly content: Uint8Array | string;
      readonly passphrase?: string;
      /** The framework files this window holds beyond the built-in ones, so the worker rates against them too. */
      readonly frameworks?: readonly unknown[];
    }
  | { readonly kind: 'encrypt'; readonly text: string; readonly passphrase: string };

/** What the worker answers a check: the valid file, that a passphrase is needed, or the first problem. */
export type CheckResponse =
  | { readonly ok: true; readonly file: ExportFile; readonly signature: SignatureCheck }
  | { readonly ok: false; readonly locked: true; readonly wrongPassphrase: boolean; readonly problem: string }
  | {
      readonly ok: false;
      readonly locked?: false;
      readonly path: PathSegment[];
      readonly problem: string;
      /** Where the problem is, in an inspector's words. */
      readonly where?: string;
    };

/** What the worker answers an encryption. */
export type EncryptResponse =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: string };

/** The result of checking a file: parsed, refused, or encrypted and waiting for (the right) passphrase. */
export type CheckResult =
  | { readonly ok: true; readonly file: ExportFile; readonly signature: SignatureCheck }
  | { readonly ok: false; readonly error: InterchangeError }
  | {
      readonly ok: false;
      readonly locked: true;
      readonly wrongPassphrase: boolean;
      readonly problem: string;
    };

function refused(error: InterchangeError): CheckResponse {
  return { ok: false, path: [...error.path], problem: error.problem, where: error.where };
}

/** The check itself, wherever it runs: decrypted if need be, decoded as UTF-8 (refused if not), read in full. */
export async function checkContent(
  content: Uint8Array | string,
  passphrase?: string,
  frameworks: readonly unknown[] = [],
): Promise<CheckResponse> {
  let text: string;
  if (typeof content === 'string') text = content;
  else {
    let bytes = content;
    if (isEncryptedFile(bytes)) {
      if (passphrase === undefined) {
        return { ok: false, locked: true, wrongPassphrase: false, problem: 'the file is encrypted' };
      }
      try {
        bytes = await decryptFile(bytes, passphrase);
      } catch (error) {
        if (!(error instanceof DecryptionError)) throw error;
        return {
          ok: false,
          locked: true,
          wrongPassphrase: /passphrase/.test(error.message),
          problem: error.message,
        };
      }
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return refused(new InterchangeError([], 'not text (it is not UTF-8); a Casescore export is JSON text'));
    }
  }
  const held = frameworks.map((file) => loadFrameworkFile(file));
  const result = await parseSignedExport(text, {}, (raw) => withFrameworks(held, () => validateExport(raw)));
  return result.ok ? { ok: true, file: result.file, signature: result.signature } : refused(result.error);
}

/** Does one request, wherever it runs. */
export async function doRequest(request: WorkerRequest): Promise<CheckResponse | EncryptResponse> {
  if (request.kind === 'check') return checkContent(request.content, request.passphrase, request.frameworks);
  try {
    return { ok: true, text: await encryptText(request.text, request.passphrase) };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

/** Runs one request in a fresh worker (ended when it answers), or in place where there are no workers. */
function inWorker<R>(request: WorkerRequest, onFailure: (why: string) => R): Promise<R> {
  if (typeof Worker === 'undefined') return doRequest(request) as Promise<R>;
  return new Promise((resolve) => {
    // Vite bundles the worker as its own file, served from the app's origin (worker-src 'self' in the CSP).
    const worker = new Worker(new URL('./check-export.worker.ts', import.meta.url), {
      type: 'module',
      name: 'casescore-files',
    });
    worker.onmessage = (event: MessageEvent<R>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      resolve(onFailure(event.message || 'the worker stopped'));
    };
    const transfer =
      request.kind === 'check' && typeof request.content !== 'string' ? [request.content.buffer] : [];
    worker.postMessage(request, transfer);
  });
}

/**
 * Validates an export (decrypting it first with `passphrase` when it is encrypted) off the window's thread.
 * Bytes are moved to the worker: the caller must not use them afterwards (pass a copy to try again).
 */
export async function checkExport(content: Uint8Array | string, passphrase?: string): Promise<CheckResult> {
  const answer = await inWorker<CheckResponse>(
    {
      kind: 'check',
      content,
      ...(passphrase === undefined ? {} : { passphrase }),
      frameworks: loadedFrameworkFiles(),
    },
    (why) => ({ ok: false, path: [], problem: `the file could not be checked (${why})` }),
  );
  if (answer.ok) return answer;
  if (answer.locked) return answer;
  return { ok: false, error: new InterchangeError(answer.path, answer.problem, answer.where) };
}

/** The framework files of the frameworks this window holds beyond the built-in ones. */
function loadedFrameworkFiles(): unknown[] {
  return knownFrameworks()
    .filter((f) => !FRAMEWORKS.includes(f))
    .map(frameworkFile);
}

/** Encrypts export text to a passphrase off the window's thread (scrypt takes seconds by design). */
export async function encryptExport(text: string, passphrase: string): Promise<string> {
  const answer = await inWorker<EncryptResponse>({ kind: 'encrypt', text, passphrase }, (why) => ({
    ok: false,
    problem: why,
  }));
  if (!answer.ok) throw new Error(`The export could not be encrypted (${answer.problem})`);
  return answer.text;
}
