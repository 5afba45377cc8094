/** Writing audit entries: always inside the transaction of the change they record. */
import Dexie from 'dexie';
import { database } from './database';
import type { AuditEntry } from './entities';

/** Adds an audit entry; call inside the write's transaction so both commit or neither does. */
export async function record(entry: AuditEntry): Promise<void> {
  await database().audit.add(entry);
}

/** The audit trail of one inspection, oldest first. */
export async function auditTrail(inspectionId: string): Promise<AuditEntry[]> {
  return database().audit.where('inspectionId').equals(inspectionId).sortBy('seq');
}

/**
 * Calls `listener` after each change is committed, in this window or another (every change records an audit
 * entry), without reading anything: a live query of the latest entry read the audit and drew its screen again
 * after every answer.
 */
export function onChangeCommitted(listener: () => void): () => void {
  const changed = (parts: Record<string, unknown>) => {
    const audit = `idb://${database().name}/audit/`;
    if ('all' in parts || Object.keys(parts).some((part) => part.startsWith(audit))) listener();
  };
  Dexie.on('storagemutated', changed);
  return () => Dexie.on('storagemutated').unsubscribe(changed);
}
