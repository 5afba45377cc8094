// The browser's storage guarantees: whether Casescore's data is persistent (the browser will not clear it to
// free space) and how much room is used and left.

/** What the browser says about Casescore's storage. */
export interface StorageStatus {
  /** `null` where the browser cannot say. */
  readonly persisted: boolean | null;
  readonly usage: number | null;
  readonly quota: number | null;
}

/** Asks for persistent storage; resolves to whether it was granted (`null` where the browser cannot say). */
export async function requestPersistence(): Promise<boolean | null> {
  if (!navigator.storage?.persist) return null;
  try {
    return await navigator.storage.persist();
  } catch {
    return null;
  }
}

/** The current storage status. */
export async function readStorageStatus(): Promise<StorageStatus> {
  const storage = navigator.storage;
  const persisted = storage?.persisted ? await storage.persisted().catch(() => null) : null;
  const estimate = storage?.estimate ? await storage.estimate().catch(() => null) : null;
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

/** Bytes in words: "2.1 MB". */
export function describeBytes(bytes: number | null): string {
  if (bytes === null) return 'unknown';
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}
