/**
 * Backups while encryption at rest is on are sealed, never clear text (the envelope's shape and why it is cut
 * into parts: shared/interchange/sealed-backup.ts). Sealing needs the keys open, and so does opening; an
 * inspection erased since the backup was taken has no key left, so its part stays shut and the restore says so.
 */
import {
  parseSealedBackup,
  SEALED_BACKUP_FORMAT,
  SEALED_BACKUP_VERSION,
  type SealedBackup,
} from '#shared/interchange';
import { openPart, sealPart, type AtRestRecord } from './at-rest';

/** What the head part holds: the export without its inspections, and whose parts follow. */
interface Head {
  readonly file: Record<string, unknown>;
  readonly parts: readonly { readonly id: string; readonly name: string }[];
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

const headPlace = (backupId: string) => `backup/${backupId}/head`;
const partPlace = (backupId: string, id: string) => `backup/${backupId}/inspection/${id}`;

/** An export's text sealed as a backup: each inspection under its own key, the rest under the data key. */
export function sealBackup(exportText: string, keptBy: AtRestRecord['kind'], at = new Date()): string {
  const { inspections, ...file } = JSON.parse(exportText) as {
    inspections: { id: string; name: string }[];
  } & Record<string, unknown>;
  const backupId = randomId();
  const head: Head = { file, parts: inspections.map(({ id, name }) => ({ id, name })) };
  const envelope: SealedBackup = {
    format: SEALED_BACKUP_FORMAT,
    version: SEALED_BACKUP_VERSION,
    sealedAt: at.toISOString(),
    backupId,
    keptBy,
    head: sealPart(null, JSON.stringify(head), headPlace(backupId)),
    inspections: inspections.map((inspection) => ({
      id: inspection.id,
      sealed: sealPart(inspection.id, JSON.stringify(inspection), partPlace(backupId, inspection.id)),
    })),
  };
  return JSON.stringify(envelope);
}

/** A sealed backup opened: the export's text, and the inspections that could not be opened (erased since). */
export interface OpenedBackup {
  readonly text: string;
  readonly erased: readonly string[];
}

/**
 * Opens a sealed backup with the open keys. Every part must be the one sealed for this backup and this place
 * (a changed or moved part is refused). Parts of erased inspections are left out; the export's checksum and
 * signature, which covered them, are then left out too (what is restored was checked part by part instead).
 * @throws Error in words when the envelope is not one, or was sealed with another data key.
 */
export function openBackup(text: string): OpenedBackup {
  const envelope = parseSealedBackup(text);
  let head: Head;
  try {
    head = JSON.parse(openPart(null, envelope.head, headPlace(envelope.backupId)) ?? '') as Head;
  } catch {
    throw new Error(
      'the backup was sealed with another key (another computer, profile or passphrase), or has been changed',
    );
  }
  const sealedParts = new Map(envelope.inspections.map((p) => [p.id, p.sealed]));
  const inspections: unknown[] = [];
  const erased: string[] = [];
  for (const part of head.parts) {
    const sealed = sealedParts.get(part.id);
    if (sealed === undefined) throw new Error(`the backup has lost the part of ${part.name}`);
    let opened: string | null;
    try {
      opened = openPart(part.id, sealed, partPlace(envelope.backupId, part.id));
    } catch {
      throw new Error(`the part of ${part.name} in the backup has been changed`);
    }
    if (opened === null) erased.push(part.name);
    else inspections.push(JSON.parse(opened));
  }
  const file: Record<string, unknown> = { ...head.file, inspections };
  if (erased.length > 0) {
    delete file['checksum'];
    delete file['signature'];
  }
  return { text: JSON.stringify(file), erased };
}
