/**
 * A sealed backup: what Casescore writes as a backup while encryption at rest is on, instead of a clear
 * export. Each inspection is its own part, sealed (AES-256-GCM) under that inspection's key, so erasing the
 * inspection (which destroys its key) makes every old backup of it unreadable; what belongs to no one
 * inspection (the export's header, frameworks and signature, and the list of parts) is sealed under the data
 * key. The sealing and opening are the renderer's (renderer/db/sealed-backup.ts), which holds the keys; this is
 * the envelope's shape, which the desktop shell checks before it writes a backup without being able to open it.
 */
import { z } from 'zod';
import { ID_PATTERN } from '../text/plain-text';
import { parseJsonSafely } from './safe-json';

export const SEALED_BACKUP_FORMAT = 'casescore.sealed-backup';
export const SEALED_BACKUP_VERSION = 1;
/** The most inspections one backup holds (far above a region's). */
const MAX_PARTS = 10_000;

// A sealed value: base64 of a 12-byte nonce, the ciphertext and a 16-byte tag (at least 28 bytes).
const sealed = z
  .string()
  .min(40, 'expected a sealed value (base64 of nonce, ciphertext and tag)')
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'expected a sealed value in base64');

export const sealedBackupSchema = z
  .object({
    format: z.literal(SEALED_BACKUP_FORMAT),
    version: z.literal(SEALED_BACKUP_VERSION),
    sealedAt: z.iso.datetime({ offset: true, message: 'expected an ISO 8601 date and time' }),
    /** Random: bound into every part's sealing, so a part moved from another backup does not open. */
    backupId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'expected a random backup id'),
    /** How the data key is kept on the computer that wrote it. */
    keptBy: z.enum(['passphrase', 'keychain']),
    /** The export without its inspections, and the list of inspection ids and names, under the data key. */
    head: sealed,
    inspections: z
      .array(
        z
          .object({
            id: z.string().regex(ID_PATTERN, 'expected an inspection id'),
            sealed,
          })
          .strict(),
      )
      .max(MAX_PARTS)
      .refine(
        (parts) => new Set(parts.map((p) => p.id)).size === parts.length,
        'expected each inspection once',
      ),
  })
  .strict();

/** A sealed backup's envelope. */
export type SealedBackup = z.infer<typeof sealedBackupSchema>;

/** Whether text is a sealed backup (by its format tag, without reading it all). */
export function looksSealed(text: string): boolean {
  return text.trimStart().startsWith('{') && text.slice(0, 200).includes(`"${SEALED_BACKUP_FORMAT}"`);
}

/**
 * The envelope checked as far as one can without the keys: safe JSON, the format and version, a random id,
 * base64 parts of plausible size, each inspection once. Throws in words when it is not one.
 */
export function parseSealedBackup(text: string, maxBytes?: number): SealedBackup {
  const result = sealedBackupSchema.safeParse(parseJsonSafely(text, maxBytes));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  throw new Error(`not a sealed Casescore backup (${where}${issue?.message ?? 'invalid'})`);
}
