/**
 * Turns the schema's first issue into an InterchangeError whose message says what was expected, in plain words.
 * Unions (a live case or a removed one) report the branch the input was meant to be.
 */
import type { z } from 'zod';
import { InterchangeError, type PathSegment } from './errors';

type Issue = z.core.$ZodIssue;

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 40 ? 'a long string' : JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Object.prototype.hasOwnProperty.call(current, key)
      ? (current as Record<PropertyKey, unknown>)[key]
      : undefined;
  }
  return current;
}

function toSegments(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((p) => (typeof p === 'number' ? p : String(p)));
}

/**
 * The issue to report from a union. The format's one union is a sampled case: `[live case, removed case]` in
 * that order. A case with `deleted: true` is meant to be a removed case; anything else a live one.
 */
function pickUnionBranch(issue: Extract<Issue, { code: 'invalid_union' }>, root: unknown): Issue | undefined {
  const target = valueAt(root, issue.path);
  const meantDeleted =
    target !== null && typeof target === 'object' && (target as { deleted?: unknown }).deleted === true;
  const branch = issue.errors[meantDeleted ? 1 : 0] ?? issue.errors.find((b) => b.length > 0);
  const first = branch?.[0];
  return first ? { ...first, path: [...issue.path, ...first.path] } : undefined;
}

/** A plain-words message for one issue. */
function describeIssue(issue: Issue, root: unknown): string {
  const got = describeValue(valueAt(root, issue.path));
  switch (issue.code) {
    case 'invalid_type':
      return got === 'nothing'
        ? `expected ${issue.expected}, but it is missing`
        : `expected ${issue.expected}, got ${got}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => String(v)).join(' | ')}, got ${got}`;
    case 'invalid_key':
      return 'expected an id of 1 to 200 characters as the key';
    case 'too_small':
    case 'too_big':
    case 'invalid_format':
    case 'custom':
      return issue.message;
    default:
      return issue.message;
  }
}

/** The first issue of a failed parse as an InterchangeError against the original input. */
export function firstIssueAsError(error: z.ZodError, root: unknown): InterchangeError {
  let issue: Issue | undefined = error.issues[0];
  while (issue && issue.code === 'invalid_union') {
    issue = pickUnionBranch(issue, root);
  }
  if (!issue) return new InterchangeError([], 'the file does not match the Casescore format');
  return new InterchangeError(toSegments(issue.path), describeIssue(issue, root));
}
