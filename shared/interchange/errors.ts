/**
 * Interchange errors say where the first problem is as an inspector would (`inspection "Southwark", case CR0002,
 * question 2.3 "…", answer: expected yes | no | na`); the technical path (`inspections[0].cases[1]…`) is kept on
 * the error for tools and tests.
 */

/** One step of a path into a file: an object key or an array index. */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The longest key shown in full; a hostile file's 20 MB key must not make a 20-million-character notice. */
const LONGEST_KEY = 60;
/** The longest problem text shown in full. */
const LONGEST_PROBLEM = 300;

/** "abc…" and how long it really is, for text too long to show. */
function shortened(text: string, longest: number): string {
  return `${text.slice(0, longest)}… (${text.length.toLocaleString('en-GB')} characters)`;
}

/** A key as a path shows it: quoted when it is not a plain name, cut short when it is very long. */
function formatKey(key: string): string {
  if (key.length > LONGEST_KEY)
    return `[${JSON.stringify(key.slice(0, 40))}… (${key.length.toLocaleString('en-GB')} characters)]`;
  return IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** Renders a path as `a.b[0]["c.d"]`; the empty path is the file itself. Very long keys are cut short. */
export function formatPath(path: readonly PathSegment[]): string {
  if (path.length === 0) return '(the file)';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = formatKey(segment);
      out += out === '' && key.startsWith('.') ? key.slice(1) : key;
    }
  }
  return out;
}

/** A file Casescore cannot read, with where the first problem is and what was expected there. */
export class InterchangeError extends Error {
  readonly path: readonly PathSegment[];
  readonly problem: string;
  /** Where, in words ("inspection "Southwark", case CR0002"); empty for the file as a whole. */
  readonly where: string;

  constructor(path: readonly PathSegment[], problem: string, where?: string) {
    const shown = problem.length > LONGEST_PROBLEM ? shortened(problem, LONGEST_PROBLEM) : problem;
    const place = where ?? formatPath(path);
    super(place ? `${place}: ${shown}` : shown);
    this.name = 'InterchangeError';
    this.path = path;
    this.problem = shown;
    this.where = place;
  }
}
