/**
 * The worker that does the slow work on files (see check-export.ts): checking an import, decrypting it first
 * when it is encrypted, and encrypting an export. It answers once and is then ended by the window.
 */
import { doRequest, type WorkerRequest } from './check-export';

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  try {
    self.postMessage(await doRequest(event.data));
  } catch (error) {
    // Not a problem with the file's content (the worker ran out of memory, say): said as it is.
    self.postMessage({
      ok: false,
      path: [],
      problem: error instanceof Error ? error.message : String(error),
    });
  }
};
