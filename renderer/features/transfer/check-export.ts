/**
 * The slow work on files done in a Web Worker, so the window stays responsive however big or hostile the
 * file: decrypting, decoding, parsing and validating an import (seconds and memory for 50 MB, and scrypt for an
 * encrypted file), and writing an export (the worker reads the database itself, validates, checksums, and
 * encrypts when asked, so only the finished text comes back). A file's bytes are handed to the worker, not
 * copied (the window never decodes them). Where there are no workers (the jsdom tests), the same work runs in
 * place.
 */
import {
  FRAMEWORKS,
  frameworkFile,
  knownFrameworks,
  loadFrameworkFile,
  registerFramework,
} from '#shared/framework';
import {
  InterchangeError,
  parseSignedExport,
  writeExportFile,
  type ExportFile,
  type PathSegment,
  type SignatureCheck,
} from '#shared/interchange';
import { looksSealed } from '#shared/interchange';
import { adoptAtRest, exportInspections, openBackup, sealBackup, shareDataKey, signingKeys } from '../../db';
import {
  anonymiseExport,
  DecryptionError,
  decryptFile,
  encryptText,
  isEncryptedFile,
  PERSONAL_DATA_NOTICE,
} from './protect';

/** What the window asks the worker. */
export type WorkerRequest =
  | {
      readonly kind: 'check';
      readonly content: Uint8Array | string;
      readonly passphrase?: string;
      /** The framework files this window holds beyond the built-in ones, so the worker rates against them too. */
      readonly frameworks?: readonly unknown[];
      /** The window's open data key, with encryption at rest on (to open a sealed backup). */
      readonly dataKey?: Uint8Array;
    }
  | {
      readonly kind: 'export';
      readonly ids?: readonly string[];
      readonly protection: ExportProtection;
      readonly frameworks?: readonly unknown[];
      /** The window's open data key, with encryption at rest on: the worker opens the store itself. */
      readonly dataKey?: Uint8Array;
    };

/**
 * How an export leaves: as a backup (no notice), clear with its personal-data notice, anonymised, or encrypted
 * to a passphrase.
 */
export type ExportProtection =
  | { readonly kind: 'backup' }
  | { readonly kind: 'clear' }
  | { readonly kind: 'anonymised' }
  | { readonly kind: 'encrypted'; readonly passphrase: string };

/** What the worker answers an export: the file's text and the names of the inspections in it. */
export type ExportResponse =
  | { readonly ok: true; readonly text: string; readonly names: string[] }
  | { readonly ok: false; readonly problem: string };

/** What the worker answers a check: the valid file, that a passphrase is needed, or the first problem. */
export type CheckResponse =
  | {
      readonly ok: true;
      readonly file: ExportFile;
      readonly signature: SignatureCheck;
      /** A sealed backup's inspections that could not be opened: deleted for good (their keys with them). */
      readonly erased?: readonly string[];
    }
  | { readonly ok: false; readonly locked: true; readonly wrongPassphrase: boolean; readonly problem: string }
  | {
      readonly ok: false;
      readonly locked?: false;
      readonly path: PathSegment[];
      readonly problem: string;
      /** Where the problem is, in an inspector's words. */
      readonly where?: string;
    };

/** The result of checking a file: parsed, refused, or encrypted and waiting for (the right) passphrase. */
export type CheckResult =
  | {
      readonly ok: true;
      readonly file: ExportFile;
      readonly signature: SignatureCheck;
      readonly erased?: readonly string[];
    }
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
  let erased: readonly string[] | undefined;
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
  if (looksSealed(text)) {
    // A backup taken with encryption at rest on: opened with this store's keys, inspection by inspection.
    try {
      ({ text, erased } = openBackup(text));
    } catch (error) {
      return refused(new InterchangeError([], error instanceof Error ? error.message : String(error)));
    }
  }
  const held = frameworks.map((file) => loadFrameworkFile(file));
  const result = await parseSignedExport(text, { held });
  if (!result.ok) return refused(result.error);
  return { ok: true, file: result.file, signature: result.signature, ...(erased?.length ? { erased } : {}) };
}

/** An export, wherever it runs: read from the database, protected as asked, validated and checksummed. */
export async function exportContent(
  ids: readonly string[] | undefined,
  protection: ExportProtection,
  frameworks: readonly unknown[] = [],
  dataKey?: Uint8Array,
): Promise<ExportResponse> {
  try {
    // In the worker, the store is opened with the key the window shared; in place it is open already.
    const keptBy = (await adoptAtRest(dataKey))?.kind;
    // The window's loaded frameworks are held here too, so an inspection on one carries its definition.
    for (const framework of frameworks) registerFramework(loadFrameworkFile(framework));
    const file = await exportInspections(ids);
    const names = file.inspections.map((i) => i.name);
    // Every file this install writes is signed with its own key (backups too).
    const keys = await signingKeys();
    if (protection.kind === 'anonymised') {
      return { ok: true, names, text: await writeExportFile(await anonymiseExport(file), keys) };
    }
    const text = await writeExportFile(
      protection.kind === 'backup' ? file : { ...file, notice: PERSONAL_DATA_NOTICE },
      keys,
    );
    // With encryption at rest on, a backup is sealed too (each inspection under its own key).
    if (protection.kind === 'backup' && keptBy) {
      return { ok: true, names, text: sealBackup(text, keptBy) };
    }
    return protection.kind === 'encrypted'
      ? { ok: true, names, text: await encryptText(text, protection.passphrase) }
      : { ok: true, names, text };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

/** Does one request, wherever it runs. */
export async function doRequest(request: WorkerRequest): Promise<CheckResponse | ExportResponse> {
  if (request.kind === 'export') {
    return exportContent(request.ids, request.protection, request.frameworks, request.dataKey);
  }
  // Only a sealed backup needs the store's keys; any other file is checked without opening the store.
  if (request.dataKey) await adoptAtRest(request.dataKey);
  return checkContent(request.content, request.passphrase, request.frameworks);
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
    // With encryption at rest on, the worker opens the store (or a sealed backup) with a copy of the window's
    // open data key: held in this process's memory only, by the app's own same-origin worker, ended after it
    // answers. Without it the worker could read nothing sealed.
    const needsKeys =
      request.kind === 'export' || (typeof request.content === 'string' && looksSealed(request.content));
    const dataKey = needsKeys ? shareDataKey() : null;
    worker.postMessage(dataKey ? { ...request, dataKey } : request, transfer);
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

/**
 * The export's text as it will leave (and the names of its inspections), made off the window's thread.
 * @throws Error saying why, when it could not be made.
 */
export async function exportInWorker(
  ids: readonly string[] | undefined,
  protection: ExportProtection,
): Promise<{ text: string; names: string[] }> {
  const answer = await inWorker<ExportResponse>(
    { kind: 'export', ...(ids ? { ids: [...ids] } : {}), protection, frameworks: loadedFrameworkFiles() },
    (why) => ({ ok: false, problem: why }),
  );
  if (!answer.ok) throw new Error(answer.problem);
  return answer;
}

/** The framework files of the frameworks this window holds beyond the built-in ones. */
function loadedFrameworkFiles(): unknown[] {
  return knownFrameworks()
    .filter((f) => !FRAMEWORKS.includes(f))
    .map(frameworkFile);
}
