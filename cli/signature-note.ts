/**
 * What a command says about a file's signature, on standard error so it never mixes with the output a script
 * reads: signed (and by which key), unsigned (read as it is: a hand-written file is welcome), or changed since it
 * was signed.
 */
import { checkSignature, parseJsonSafely } from '#shared/interchange';

/** One line about the file's signature, or nothing when the file is not JSON at all (the command says why). */
export async function signatureNote(command: string, path: string, text: string): Promise<string> {
  let raw: unknown;
  try {
    raw = parseJsonSafely(text);
  } catch {
    return '';
  }
  const check = await checkSignature(raw);
  if (check.state === 'unsigned')
    return `${command}: ${path} is not signed: who wrote it cannot be checked\n`;
  if (check.state === 'verified') return `${command}: ${path} is signed by the key ${check.fingerprint}\n`;
  return `${command}: warning: ${path} ${check.problem}${check.fingerprint ? ` (key ${check.fingerprint})` : ''}\n`;
}
