/**
 * The team server's address as a person types it, checked the same way in the renderer (Settings) and in the
 * desktop shell's main process (the one address it will reach for the renderer): http(s) only, https for
 * anything but this computer, no query, fragment or password.
 */

// Every host Casescore runs in (browsers, Node, Electron) has WHATWG URL; shared/ compiles without any host's
// types, so the part used here is declared.
interface ParsedUrl {
  readonly protocol: string;
  readonly hostname: string;
  readonly origin: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly username: string;
  readonly password: string;
}
declare const URL: new (text: string) => ParsedUrl;

/** Hosts that are this computer: plain http is allowed only to them. */
const THIS_COMPUTER = ['localhost', '127.0.0.1', '[::1]'];

/** The address, normalised (no trailing slash), null for empty, or what is wrong with it in words. */
export function checkServerAddress(raw: string): { url: string | null } | { problem: string } {
  const text = raw.trim();
  if (text === '') return { url: null };
  let url: ParsedUrl;
  try {
    url = new URL(text);
  } catch {
    return { problem: 'Enter the server’s address, such as https://casescore.example.org' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { problem: 'The address starts with https:// (or http:// on this computer only).' };
  }
  if (url.protocol === 'http:' && !THIS_COMPUTER.includes(url.hostname)) {
    return { problem: 'Use https:// for a server on the network: case data must not travel unencrypted.' };
  }
  if (url.search || url.hash || url.username || url.password) {
    return { problem: 'Enter the server’s address alone, without a query, fragment or password.' };
  }
  return { url: url.origin + url.pathname.replace(/\/+$/, '') };
}
