/**
 * Framework files: reading one (validated in full, every problem said in words, nothing returned on any
 * problem), writing one back out exactly as it was read, and its content hash, which every inspection pins so
 * a framework is never changed underneath it.
 */
import { type z } from 'zod';
import { canonicalJson } from '../interchange/signature';
import { sha256Hex } from '../interchange/sha256';
import { frameworkFileProblems } from './file-checks';
import { describeFrameworkPlace } from './file-places';
import {
  FRAMEWORK_FORMAT,
  FRAMEWORK_FORMAT_VERSION,
  frameworkFileSchema,
  type FrameworkFile,
} from './file-schema';
import { RATINGS, type Condition, type Framework, type OverallBandTable, type Rating } from './types';

/** A framework file that could not be loaded, with every problem found in it. */
export class FrameworkFileError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      problems.length === 1
        ? `The framework file has a problem: ${problems[0]}`
        : `The framework file has ${problems.length} problems:\n${problems.map((p) => `- ${p}`).join('\n')}`,
    );
    this.name = 'FrameworkFileError';
  }
}

/** The outcome of checking a framework file: the framework and its hash, or every problem. */
export type FrameworkCheck =
  | { readonly ok: true; readonly framework: Framework; readonly hash: string }
  | { readonly ok: false; readonly problems: readonly string[] };

const MAX_PROBLEMS = 200;

/** Checks a parsed framework file in full: its shape, then everything a shape cannot say. */
export function checkFrameworkFile(value: unknown): FrameworkCheck {
  const parsed = frameworkFileSchema.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, MAX_PROBLEMS).map((issue) => inWords(issue, value)),
    };
  }
  const problems = frameworkFileProblems(parsed.data);
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  const framework = frameworkOfFile(parsed.data);
  return { ok: true, framework, hash: frameworkHash(framework) };
}

/** Checks a framework file's text: JSON first, then everything `checkFrameworkFile` checks. */
export function checkFrameworkText(text: string): FrameworkCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`the file is not JSON: ${(error as Error).message}`] };
  }
  return checkFrameworkFile(value);
}

/**
 * The framework a file defines.
 * @throws FrameworkFileError listing every problem.
 */
export function loadFrameworkFile(value: unknown): Framework {
  const checked = checkFrameworkFile(value);
  if (!checked.ok) throw new FrameworkFileError(checked.problems);
  return checked.framework;
}

/**
 * A framework file that ships inside Casescore (`files/`), made into its framework without checking it again:
 * the committed files are checked in full by the tests (tests/shared/framework/framework-files.test.ts asserts
 * each passes `checkFrameworkFile` and gives exactly this framework, with the same hash), so every start need
 * not pay for zod and the file checks over them. Never for a file from anywhere else: those go through
 * `loadFrameworkFile`.
 */
export function builtInFramework(file: unknown): Framework {
  return frameworkOfFile(file as FrameworkFile);
}

function inWords(issue: z.core.$ZodIssue, root: unknown): string {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const place = describeFrameworkPlace(root, path);
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    message = `has a field the format does not know: ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
  } else if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    message = `is missing (expected ${issue.expected})`;
  } else if (
    issue.code === 'invalid_union' &&
    'note' in issue &&
    issue.note === 'No matching discriminator'
  ) {
    message = `has an unknown kind; expected one of ${(issue as { options?: unknown[] }).options?.join(', ') ?? 'the documented kinds'}`;
  }
  return `${place}: ${message}`;
}

/** Named conditions filled in, so applicability never has to look a name up. */
function resolveConditions(file: FrameworkFile): (c: Condition | undefined) => Condition | undefined {
  const named = (file.conditions ?? {}) as Record<string, Condition>;
  const resolving = new Map<string, Condition>();
  const resolve = (condition: Condition): Condition => {
    switch (condition.kind) {
      case 'all':
        return { kind: 'all', conditions: condition.conditions.map(resolve) };
      case 'named': {
        let target = resolving.get(condition.name);
        if (!target) {
          target = resolve(named[condition.name] as Condition);
          resolving.set(condition.name, target);
        }
        return { kind: 'named', name: condition.name, condition: target };
      }
      default:
        return condition;
    }
  };
  return (c) => (c === undefined ? undefined : resolve(c));
}

/** The in-memory framework of a checked file: named conditions resolved, each table's lowest scores derived. */
function frameworkOfFile(file: FrameworkFile): Framework {
  const { format: _format, formatVersion: _version, ...rest } = file;
  const resolve = resolveConditions(file);
  const cast = rest as unknown as Framework;
  return {
    ...cast,
    conditions: cast.conditions
      ? Object.fromEntries(Object.entries(cast.conditions).map(([k, c]) => [k, resolve(c) as Condition]))
      : undefined,
    domains: cast.domains.map((domain) => ({
      ...domain,
      standards: domain.standards.map((standard) => ({
        ...standard,
        ratedWhen: resolve(standard.ratedWhen),
        ...(standard.method === 'case-sample' ? { appliesToCase: resolve(standard.appliesToCase) } : {}),
        keyQuestions: standard.keyQuestions.map((keyQuestion) => ({
          ...keyQuestion,
          prompts: keyQuestion.prompts.map((prompt) => ({
            ...prompt,
            appliesWhen: resolve(prompt.appliesWhen),
          })),
        })),
      })),
    })),
    nonRatedQuestions: cast.nonRatedQuestions.map((q) => ({ ...q, appliesWhen: resolve(q.appliesWhen) })),
    overall: {
      ...cast.overall,
      publishedTables: cast.overall.publishedTables.map((table) => ({
        ...table,
        lowestScore: lowestScores(table),
      })),
    },
  } as Framework;
}

/** Each rating's lowest score; a rating the table leaves out can never be reached (one above the maximum). */
function lowestScores(table: Pick<OverallBandTable, 'ranges' | 'maxScore'>): Record<Rating, number> {
  const lowest = Object.fromEntries(RATINGS.map((r) => [r, table.maxScore + 1])) as Record<Rating, number>;
  for (const range of table.ranges) lowest[range.rating] = range.from;
  return lowest;
}

// Writing a framework back out. Keys come in the documented order and absent fields are left out, so a file
// read and written again is the same file.

function defined<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

function conditionFile(condition: Condition | undefined): unknown {
  if (condition === undefined) return undefined;
  switch (condition.kind) {
    case 'all':
      return { kind: 'all', conditions: condition.conditions.map(conditionFile) };
    case 'named':
      return { kind: 'named', name: condition.name };
    case 'option':
      return { kind: 'option', option: condition.option };
    case 'case-type':
      return { kind: 'case-type', caseTypes: [...condition.caseTypes] };
    default:
      return { kind: condition.kind };
  }
}

/** A framework as a framework file: what `loadFrameworkFile` reads back to the same framework. */
export function frameworkFile(framework: Framework): FrameworkFile {
  const f = framework;
  const file = defined({
    format: FRAMEWORK_FORMAT,
    formatVersion: FRAMEWORK_FORMAT_VERSION,
    id: f.id,
    version: f.version,
    name: f.name,
    shortName: f.shortName,
    description: f.description,
    sources: f.sources?.map((s) => defined({ id: s.id, title: s.title, published: s.published, url: s.url })),
    caseTypes: [...f.caseTypes],
    caseDetails: [...f.caseDetails],
    words: {
      unit: f.words.unit,
      units: f.words.units,
      caseTypes: { ...f.words.caseTypes },
      casesOfType: { ...f.words.casesOfType },
    },
    options: f.options.map((o) => ({ id: o.id, label: o.label, defaultValue: o.defaultValue })),
    conditions: f.conditions
      ? Object.fromEntries(Object.entries(f.conditions).map(([k, c]) => [k, conditionFile(c)]))
      : undefined,
    domains: f.domains.map((domain) =>
      defined({
        id: domain.id,
        name: domain.name,
        basis: basisOf(domain.basis),
        standards: domain.standards.map((s) =>
          defined({
            id: s.id,
            name: s.name,
            method: s.method,
            ratedWhen: conditionFile(s.ratedWhen),
            appliesToCase: s.method === 'case-sample' ? conditionFile(s.appliesToCase) : undefined,
            ratedSeparately: s.ratedSeparately,
            basis: basisOf(s.basis),
            keyQuestions: s.keyQuestions.map((k) =>
              defined({
                id: k.id,
                label: k.label,
                text: k.text,
                basis: basisOf(k.basis),
                prompts: k.prompts.map((p) =>
                  defined({
                    id: p.id,
                    text: p.text,
                    appliesWhen: conditionFile(p.appliesWhen),
                    basis: basisOf(p.basis),
                  }),
                ),
              }),
            ),
          }),
        ),
      }),
    ),
    nonRatedQuestions: f.nonRatedQuestions.map((q) =>
      defined({
        id: q.id,
        text: q.text,
        summary: q.summary,
        standardId: q.standardId,
        appliesWhen: conditionFile(q.appliesWhen),
        basis: basisOf(q.basis),
      }),
    ),
    keyQuestionBands: f.keyQuestionBands.map((b) =>
      defined({
        name: b.name,
        rating: b.rating,
        lowerEdge: fractionOf(b.lowerEdge),
        upperEdge: b.upperEdge ? fractionOf(b.upperEdge) : undefined,
        basis: basisOf(b.basis),
      }),
    ),
    standardRating: f.standardRating
      ? defined({ rule: f.standardRating.rule, basis: basisOf(f.standardRating.basis) })
      : undefined,
    numbering: f.numbering
      ? defined({ unratedStandards: f.numbering.unratedStandards, basis: basisOf(f.numbering.basis) })
      : undefined,
    overall: defined({
      points: {
        inadequate: f.overall.points.inadequate,
        'requires-improvement': f.overall.points['requires-improvement'],
        good: f.overall.points.good,
        outstanding: f.overall.points.outstanding,
      },
      pointsBasis: basisOf(f.overall.pointsBasis),
      publishedTables: f.overall.publishedTables.map((t) =>
        defined({
          maxScore: t.maxScore,
          ranges: t.ranges.map((r) => ({ rating: r.rating, from: r.from, to: r.to })),
          basis: basisOf(t.basis),
        }),
      ),
      proportionalUpperEdges: {
        inadequate: fractionOf(f.overall.proportionalUpperEdges.inadequate),
        'requires-improvement': fractionOf(f.overall.proportionalUpperEdges['requires-improvement']),
        good: fractionOf(f.overall.proportionalUpperEdges.good),
      },
      proportionalRuleBasis: basisOf(f.overall.proportionalRuleBasis),
    }),
  });
  return file as unknown as FrameworkFile;
}

function basisOf(basis: { sure: string; source?: string; note?: string } | undefined) {
  return basis ? defined({ sure: basis.sure, source: basis.source, note: basis.note }) : undefined;
}

function fractionOf(f: { numerator: number; denominator: number }) {
  return { numerator: f.numerator, denominator: f.denominator };
}

/** A framework file's text: two-space JSON in the documented key order, ending in a newline. */
export function frameworkFileText(framework: Framework): string {
  return `${JSON.stringify(frameworkFile(framework), null, 2)}\n`;
}

const hashes = new WeakMap<Framework, string>();

/** The framework's content hash, "sha256:<hex>" of its file as canonical JSON; what inspections pin. */
export function frameworkHash(framework: Framework): string {
  let hash = hashes.get(framework);
  if (!hash) {
    hash = `sha256:${sha256Hex(canonicalJson(frameworkFile(framework)))}`;
    hashes.set(framework, hash);
  }
  return hash;
}
