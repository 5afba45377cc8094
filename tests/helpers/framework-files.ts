/**
 * fast-check generators of valid framework files: any number of domains and standards (judged or sampled, some
 * rated separately), key questions, prompts, non-rated questions, conditions (options, case types, case details,
 * named conditions referring only to earlier ones, so never a cycle), bands, points, published tables that agree
 * with the points, and bases naming the file's sources. Ids are unique by construction.
 */
import fc from 'fast-check';
import {
  CASE_DETAILS,
  CASE_TYPES,
  FRAMEWORK_FORMAT,
  FRAMEWORK_FORMAT_VERSION,
  RATINGS,
  type FrameworkFile,
} from '#shared/framework';

type Json = Record<string, unknown>;

const words = fc.oneof(
  fc.stringMatching(/^[A-Z][A-Za-z ,.'()-]{0,40}[a-z.?]$/),
  fc.constantFrom('Does assessment focus on the child’s safety?', 'Café — naïve', 'مرحبا', 'Planning'),
);

/** An object without the keys whose value is undefined, as a file written by hand would be. */
function defined(record: Json): Json {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

/** `count` strictly increasing fractions in (0, 1], as n/100 (each edge above the one before). */
function increasingEdges(count: number) {
  return fc
    .uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: count, maxLength: count })
    .map((values) => [...values].sort((a, b) => a - b).map((n) => ({ numerator: n, denominator: 100 })));
}

function basis(sources: readonly string[]) {
  return fc.option(
    fc
      .record({
        sure: fc.constantFrom('confirmed', 'unconfirmed'),
        source:
          sources.length > 0
            ? fc.option(fc.constantFrom(...sources), { nil: undefined })
            : fc.constant(undefined),
        note: fc.option(words, { nil: undefined }),
      })
      .map(defined),
    { nil: undefined },
  );
}

interface Context {
  readonly options: readonly string[];
  readonly caseTypes: readonly string[];
  readonly details: readonly string[];
  readonly named: readonly string[];
}

/** A condition on what the framework has; depth-limited. */
function condition(context: Context, depth = 0): fc.Arbitrary<Json> {
  const leaves: fc.Arbitrary<Json>[] = [
    fc
      .subarray([...context.caseTypes], { minLength: 1 })
      .map((caseTypes) => ({ kind: 'case-type', caseTypes })),
  ];
  if (context.options.length > 0)
    leaves.push(fc.constantFrom(...context.options).map((option) => ({ kind: 'option', option })));
  if (context.details.includes('courtReport')) leaves.push(fc.constant({ kind: 'court-report-inspected' }));
  if (context.details.includes('releasedOnLicence'))
    leaves.push(fc.constant({ kind: 'released-on-licence' }));
  if (context.named.length > 0)
    leaves.push(fc.constantFrom(...context.named).map((name) => ({ kind: 'named', name })));
  if (depth >= 2) return fc.oneof(...leaves);
  return fc.oneof(
    ...leaves,
    fc.array(condition(context, depth + 1), { minLength: 1, maxLength: 2 }).map((conditions) => ({
      kind: 'all',
      conditions,
    })),
  );
}

/** A condition on the inspection's options only (what `ratedWhen` may say). */
function optionCondition(options: readonly string[]) {
  return options.length === 0
    ? fc.constant(undefined)
    : fc.option(
        fc.constantFrom(...options).map((option) => ({ kind: 'option', option })),
        { nil: undefined },
      );
}

function standard(
  d: number,
  s: number,
  context: Context,
  sources: readonly string[],
  mayBeSeparate: boolean,
) {
  const id = `s${d}-${s}`;
  return fc
    .record({
      method: fc.constantFrom('judgement', 'case-sample'),
      name: words,
      keyQuestions: fc.integer({ min: 1, max: 3 }),
      ratedWhen: optionCondition(context.options),
      appliesToCase: fc.option(condition(context), { nil: undefined }),
      ratedSeparately: mayBeSeparate
        ? fc.option(fc.constant(true), { nil: undefined })
        : fc.constant(undefined),
      basis: basis(sources),
    })
    .chain((shape) =>
      fc
        .tuple(
          ...Array.from({ length: shape.keyQuestions }, (_, k) =>
            fc
              .record({
                label: words,
                text: words,
                basis: basis(sources),
                prompts: fc.array(
                  fc.record({
                    text: words,
                    appliesWhen: fc.option(condition(context), { nil: undefined }),
                    basis: basis(sources),
                  }),
                  { maxLength: 2 },
                ),
              })
              .map((q) =>
                defined({
                  id: `${id}.k${k}`,
                  label: q.label,
                  text: q.text,
                  basis: q.basis,
                  prompts: q.prompts.map((p, i) =>
                    defined({
                      id: `${id}.k${k}.p${i}`,
                      text: p.text,
                      appliesWhen: p.appliesWhen,
                      basis: p.basis,
                    }),
                  ),
                }),
              ),
          ),
        )
        .map((keyQuestions) =>
          defined({
            id,
            name: shape.name,
            method: shape.method,
            ratedWhen: shape.ratedWhen,
            appliesToCase: shape.method === 'case-sample' ? shape.appliesToCase : undefined,
            ratedSeparately: shape.ratedSeparately,
            basis: shape.basis,
            keyQuestions,
          }),
        ),
    );
}

/** Ranges of 0..max for a table: Inadequate first, then later ratings in order, each at least one score. */
function ranges(maxScore: number) {
  const count = Math.min(RATINGS.length, maxScore + 1);
  return fc.integer({ min: 1, max: count }).chain((n) =>
    fc
      .tuple(
        fc.uniqueArray(fc.integer({ min: 1, max: maxScore }), { minLength: n - 1, maxLength: n - 1 }),
        fc.subarray(RATINGS.slice(1) as unknown as string[], { minLength: n - 1, maxLength: n - 1 }),
      )
      .map(([cuts, later]) => {
        const starts = [0, ...[...cuts].sort((a, b) => a - b)];
        const ratings = ['inadequate', ...later];
        return starts.map((from, i) => ({
          rating: ratings[i],
          from,
          to: (starts[i + 1] ?? maxScore + 1) - 1,
        }));
      }),
  );
}

/** Any valid framework file. */
export const frameworkFileArbitrary: fc.Arbitrary<FrameworkFile> = fc
  .record({
    id: fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/),
    version: fc.stringMatching(/^[0-9]{4}(\.[0-9])?$/),
    caseTypes: fc.subarray([...CASE_TYPES], { minLength: 1 }),
    details: fc.subarray([...CASE_DETAILS]),
    options: fc.integer({ min: 0, max: 2 }),
    sources: fc.integer({ min: 0, max: 2 }),
    named: fc.integer({ min: 0, max: 2 }),
    domains: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
  })
  .chain((shape) => {
    const options = Array.from({ length: shape.options }, (_, i) => `opt-${i}`);
    const sources = Array.from({ length: shape.sources }, (_, i) => `src-${i}`);
    const base: Context = { options, caseTypes: shape.caseTypes, details: shape.details, named: [] };
    // Each named condition may refer only to those before it, so there is never a cycle.
    const named = Array.from({ length: shape.named }, (_, i) =>
      condition({ ...base, named: Array.from({ length: i }, (_, j) => `cond-${j}`) }).map(
        (c) => [`cond-${i}`, c] as const,
      ),
    );
    const context: Context = { ...base, named: Array.from({ length: shape.named }, (_, i) => `cond-${i}`) };
    const domains = shape.domains.map((count, d) =>
      fc
        .record({
          name: words,
          basis: basis(sources),
          standards: fc.tuple(
            ...Array.from({ length: count }, (_, s) => standard(d, s, context, sources, d + s > 0)),
          ),
        })
        .map((domain) =>
          defined({ id: `d${d}`, name: domain.name, basis: domain.basis, standards: domain.standards }),
        ),
    );
    return fc.record({
      shape: fc.constant(shape),
      options: fc.constant(options),
      sources: fc.constant(sources),
      named: fc.tuple(fc.constant(null), ...named),
      domains: fc.tuple(...domains),
      bands: fc
        .integer({ min: 1, max: RATINGS.length })
        .chain((n) =>
          fc.tuple(
            fc.subarray([...RATINGS], { minLength: n, maxLength: n }),
            increasingEdges(n - 1),
            fc.array(words, { minLength: n, maxLength: n }),
            fc.boolean(),
            basis(sources),
          ),
        ),
      points: fc.tuple(
        fc.integer({ min: 0, max: 2 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
      ),
      proportional: increasingEdges(3),
      tableCount: fc.integer({ min: 0, max: 2 }),
      nonRated: fc.array(
        fc.record({
          text: words,
          summary: words,
          appliesWhen: fc.option(condition(context), { nil: undefined }),
        }),
        { maxLength: 2 },
      ),
      title: words,
      description: fc.option(words, { nil: undefined }),
      numbering: fc.option(fc.constantFrom('skipped', 'kept'), { nil: undefined }),
      standardRating: fc.boolean(),
      pointsBasis: basis(sources),
    });
  })
  .chain((parts) => {
    const standards = (parts.domains as Json[]).flatMap((d) => d.standards as Json[]);
    const counted = standards.filter((s) => s.ratedSeparately !== true).length;
    const [ratings, edges, bandNames, withUpper, bandBasis] = parts.bands;
    const lower = [{ numerator: 0, denominator: 1 }, ...edges];
    const keyQuestionBands = ratings.map((rating, i) =>
      defined({
        name: `${bandNames[i]} ${i}`,
        rating,
        lowerEdge: lower[i],
        upperEdge: withUpper && i + 1 < lower.length ? lower[i + 1] : undefined,
        basis: bandBasis,
      }),
    );
    const [first, steps] = parts.points;
    const values = [
      first,
      first + steps[0]!,
      first + steps[0]! + steps[1]!,
      first + steps[0]! + steps[1]! + steps[2]!,
    ];
    const points = Object.fromEntries(RATINGS.map((r, i) => [r, values[i]]));
    const top = values[3]!;
    const maxima = [
      ...new Set(Array.from({ length: parts.tableCount }, (_, i) => top * Math.max(1, counted - i))),
    ];
    const sampled = standards.filter((s) => s.method === 'case-sample').map((s) => s.id as string);
    return fc.tuple(...maxima.map((max) => ranges(max).map((r) => ({ maxScore: max, ranges: r })))).map(
      (tables) =>
        defined({
          format: FRAMEWORK_FORMAT,
          formatVersion: FRAMEWORK_FORMAT_VERSION,
          id: parts.shape.id,
          version: parts.shape.version,
          name: parts.title,
          shortName: 'Short',
          description: parts.description,
          sources:
            parts.sources.length > 0 ? parts.sources.map((id) => ({ id, title: `Source ${id}` })) : undefined,
          caseTypes: parts.shape.caseTypes,
          caseDetails: parts.shape.details,
          words: {
            unit: 'unit',
            units: 'units',
            caseTypes: Object.fromEntries(parts.shape.caseTypes.map((t) => [t, `Type ${t}`])),
            casesOfType: Object.fromEntries(parts.shape.caseTypes.map((t) => [t, `${t} cases`])),
          },
          options: parts.options.map((id) => ({ id, label: `Option ${id}`, defaultValue: false })),
          conditions:
            parts.named.length > 1 ? Object.fromEntries(parts.named.slice(1) as [string, Json][]) : undefined,
          domains: parts.domains,
          nonRatedQuestions:
            sampled.length === 0
              ? []
              : parts.nonRated.map((q, i) =>
                  defined({
                    id: `nr-${i}`,
                    text: q.text,
                    summary: q.summary,
                    standardId: sampled[i % sampled.length],
                    appliesWhen: q.appliesWhen,
                  }),
                ),
          keyQuestionBands,
          standardRating: parts.standardRating ? { rule: 'lowest-band' } : undefined,
          numbering: parts.numbering ? { unratedStandards: parts.numbering } : undefined,
          overall: defined({
            points,
            pointsBasis: parts.pointsBasis,
            publishedTables: tables.map((t) => defined({ ...t })),
            proportionalUpperEdges: {
              inadequate: parts.proportional[0],
              'requires-improvement': parts.proportional[1],
              good: parts.proportional[2],
            },
          }),
        }) as unknown as FrameworkFile,
    );
  });
