/**
 * The worker that reads an export: UTF-8, safe JSON, schema, semantics and checksum, off the window's thread,
 * so a big or hostile file never freezes the screen. It answers once and is then ended by the window.
 */
import { checkExportContent, type CheckRequest, type CheckResponse } from './check-export';

self.onmessage = (event: MessageEvent<CheckRequest>) => {
  let response: CheckResponse;
  try {
    const result = checkExportContent(event.data.content);
    response = result.ok
      ? { ok: true, file: result.file }
      : { ok: false, path: [...result.error.path], problem: result.error.problem };
  } catch (error) {
    // Not a problem with the file's content (the worker ran out of memory, say): said as it is.
    response = { ok: false, path: [], problem: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response);
};
