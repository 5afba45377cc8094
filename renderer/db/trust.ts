/**
 * Who a file comes from, as far as can be checked: its signature against this install's own key and the lead's
 * team list. Verified: signed by either. Unverified: unsigned, or signed by a key not on the list (the review
 * then offers to trust it, showing the fingerprint to check by phone); every change it carries waits for review.
 */
import type { ExportFile, SignatureCheck } from '#shared/interchange';
import type { MergeSource } from '#shared/merge';
import { signingKeys } from './signing';
import { teamMemberByKey } from './team';

/** A file's source, with what the review shows about its key. */
export interface FileSource extends MergeSource {
  /** The signing key (base64), when the file is signed. */
  readonly publicKey?: string;
  /** Signed by this install's own key. */
  readonly own?: boolean;
  /** The name on the team list for the key, when it is there. */
  readonly name?: string;
  /** Signed, but by a key not on the team list: the review asks whether to trust it. */
  readonly unknownKey?: boolean;
}

/** Where a checked file comes from. A file whose signature failed never gets here: it is refused when read. */
export async function sourceOfFile(file: ExportFile, signature: SignatureCheck): Promise<FileSource> {
  const claimed = file.signer?.initials;
  if (signature.state !== 'verified') {
    return { verified: false, signedBy: 'unsigned', ...(claimed ? { initials: claimed } : {}) };
  }
  const base = { signedBy: signature.fingerprint, publicKey: signature.publicKey };
  if ((await signingKeys()).publicKey === signature.publicKey) {
    return { ...base, verified: true, own: true, ...(claimed ? { initials: claimed } : {}) };
  }
  const member = await teamMemberByKey(signature.publicKey);
  if (member) {
    return {
      ...base,
      verified: true,
      initials: member.initials,
      ...(member.name ? { name: member.name } : {}),
    };
  }
  return { ...base, verified: false, unknownKey: true, ...(claimed ? { initials: claimed } : {}) };
}
