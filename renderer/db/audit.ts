/** Writing audit entries: always inside the transaction of the change they record. */
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
