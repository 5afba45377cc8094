/**
 * Interchange errors name the path of the first problem the way a person reads it:
 * `inspections[0].cases[3].answers["planning.safety"].value: expected yes | no | na`.
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

/** A file Casescore cannot read, with the path of the first problem and what was expected there. */
export class InterchangeError extends Error {
  readonly path: readonly PathSegment[];
  readonly problem: string;

  constructor(path: readonly PathSegment[], problem: string) {
    super(`${formatPath(path)}: ${problem}`);
    this.name = 'InterchangeError';
    this.path = path;
    this.problem = problem;
  }
}
