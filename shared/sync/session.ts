/**
 * Signing in to the team server (docs/sync.md): the server hands out a one-time challenge, the device signs it
 * with its Ed25519 key, and the server answers with a short-lived token. No password is stored anywhere; what a
 * token may do is decided by the team lists that name its key.
 */
import { signFile, type FileSignature, type SigningKeys } from '../interchange/signature';

export const SESSION_FORMAT = 'casescore.session';

/** The signed answer to a challenge. */
export interface SessionRequest {
  readonly format: typeof SESSION_FORMAT;
  readonly challenge: string;
  readonly signature: FileSignature;
}

/** Signs a server's challenge with the device's keys. */
export function answerChallenge(challenge: string, keys: SigningKeys): Promise<SessionRequest> {
  return signFile({ format: SESSION_FORMAT, challenge }, keys) as Promise<SessionRequest>;
}
