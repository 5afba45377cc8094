// Small formatting helpers shared by the screens.

/** A share (0..1) as a percentage with no decimals, or a dash when there is none. */
export function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/**
 * Made once: `toLocaleDateString` builds a new formatter on every call, which cost the inspections list a third
 * of a second at 150 inspections (two dates a row).
 */
const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A YYYY-MM-DD date as "5 September 2022". */
export function longDate(date: string | undefined): string {
  if (!date) return '';
  const parsed = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return LONG_DATE.format(parsed);
}

/** "1 case", "2 cases". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
