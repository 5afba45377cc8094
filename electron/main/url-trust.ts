/**
 * Which addresses the desktop shell trusts. Its own pages come only from app://casescore; links out go only to a
 * short allow-list of https sites, and only through the system browser. Pure, so it is tested against hostile
 * inputs directly.
 */

/** The scheme and host the renderer is served from. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'casescore';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Sites an inspector may be sent to from the app (the inspectorate's published reports). */
export const EXTERNAL_ALLOW_LIST = ['www.justiceinspectors.gov.uk', 'justiceinspectors.gov.uk'];

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Whether a URL is one of the app's own pages. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Whether a URL may be opened in the system browser: https, no credentials, an allow-listed host. */
export function isAllowedExternalUrl(url: string): boolean {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '')
    return false;
  if (parsed.port !== '') return false;
  return EXTERNAL_ALLOW_LIST.includes(parsed.hostname.toLowerCase());
}
