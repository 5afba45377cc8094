/**
 * Interchange errors say where the first problem is as an inspector would (`inspection "Southwark", case CR0002,
 * question 2.3 "…", answer: expected yes | no | na`); the technical path (`inspections[0].cases[1]…`) is kept on
 * the error for tools and tests.
 */

/** One step of a path into a file: an object key or an array index. */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Renders a path as `a.b[0]["c.d"]`; the empty path is the file itself. */
export function formatPath(path: readonly PathSegment[]): string {
  if (path.length === 0) return '(the file)';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** The longest problem text kept: a 20 MB key must not become a 20-million-character message. */
const MAX_PROBLEM = 300;

function clip(text: string): string {
  return text.length > MAX_PROBLEM ? `${text.slice(0, MAX_PROBLEM - 1)}…` : text;
}

/** A file Casescore cannot read, with where the first problem is and what was expected there. */
export class InterchangeError extends Error {
  readonly path: readonly PathSegment[];
  readonly problem: string;
  /** Where, in words ("inspection "Southwark", case CR0002"); empty for the file as a whole. */
  readonly where: string;

  constructor(path: readonly PathSegment[], problem: string, where?: string) {
    const place = where ?? clip(formatPath(path));
    super(place ? `${place}: ${clip(problem)}` : clip(problem));
    this.name = 'InterchangeError';
    this.path = path;
    this.problem = clip(problem);
    this.where = place;
  }
}
