/**
 * The framework file format (docs/frameworks.md), as a validation schema: the shape of a framework written as
 * JSON. What a shape cannot say (unique ids, conditions naming things that exist, bands without gaps, tables
 * that agree with the points, no cycles) is checked by `file-checks.ts`. The committed JSON Schema is generated
 * from this file (`npm run generate`).
 *
 * Zod runs jitless (no `new Function`), so a framework file can be checked under the app's strict CSP.
 */
import { z } from 'zod';
import { CASE_DETAILS, CASE_TYPES, RATINGS, SURENESS } from './types';
import { hasHiddenCharacter, ID_PATTERN } from '../text/plain-text';

z.config({ jitless: true });

/** The `format` every framework file carries. */
export const FRAMEWORK_FORMAT = 'casescore.framework';
/** The framework file format version this build reads and writes. */
export const FRAMEWORK_FORMAT_VERSION = 1;

const MAX_SHORT = 200;
const MAX_TEXT = 5_000;

const id = z
  .string()
  .min(1, 'expected a non-empty id')
  .max(100)
  .regex(ID_PATTERN, 'expected an id of letters, digits, dots, underscores, colons or hyphens');
/** Words a person reads: not empty, and no control or invisible format characters. */
const words = (max: number) =>
  z
    .string()
    .min(1, 'expected some words')
    .max(max)
    .refine((text) => !hasHiddenCharacter(text), 'contains an invisible or control character');

const fraction = z.strictObject({
  numerator: z.number().int().min(0),
  denominator: z.number().int().min(1, 'expected a denominator of 1 or more'),
});

const basis = z
  .strictObject({
    sure: z.enum(SURENESS).describe('confirmed: checked against a published source; unconfirmed: not'),
    source: id.optional().describe('the id of one of the framework’s sources'),
    note: words(MAX_TEXT)
      .optional()
      .describe('what the source shows, or why the rule is believed without one'),
  })
  .describe('Where a rule comes from and how sure we are of it');

/** When a standard or question applies. Named conditions may refer to each other, but never in a cycle. */
export const conditionFileSchema: z.ZodType = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('option'), option: id }),
    z.strictObject({ kind: z.literal('case-type'), caseTypes: z.array(z.enum(CASE_TYPES)).min(1) }),
    z.strictObject({ kind: z.literal('court-report-inspected') }),
    z.strictObject({ kind: z.literal('released-on-licence') }),
    z.strictObject({ kind: z.literal('all'), conditions: z.array(conditionFileSchema).min(1).max(20) }),
    z.strictObject({ kind: z.literal('named'), name: id }),
  ]),
);

const prompt = z.strictObject({
  id,
  text: words(MAX_TEXT),
  appliesWhen: conditionFileSchema.optional(),
  basis: basis.optional(),
});

const keyQuestion = z.strictObject({
  id,
  label: words(MAX_SHORT),
  text: words(MAX_TEXT),
  prompts: z.array(prompt).max(100),
  basis: basis.optional(),
});

const standardBase = {
  id,
  name: words(MAX_SHORT),
  keyQuestions: z.array(keyQuestion).max(100),
  ratedWhen: conditionFileSchema
    .optional()
    .describe('when the inspection rates this standard at all; on inspection options only'),
  ratedSeparately: z
    .boolean()
    .optional()
    .describe('true: rated, but outside the score and the overall rating'),
  basis: basis.optional(),
};

const standard = z.discriminatedUnion('method', [
  z.strictObject({ ...standardBase, method: z.literal('judgement') }),
  z.strictObject({
    ...standardBase,
    method: z.literal('case-sample'),
    appliesToCase: conditionFileSchema.optional().describe('which cases its key questions reach'),
  }),
]);

const domain = z.strictObject({
  id,
  name: words(MAX_SHORT),
  standards: z.array(standard).min(1, 'expected at least one standard').max(100),
  basis: basis.optional(),
});

const nonRatedQuestion = z.strictObject({
  id,
  text: words(MAX_TEXT),
  summary: words(MAX_TEXT),
  standardId: id,
  appliesWhen: conditionFileSchema.optional(),
  basis: basis.optional(),
});

const keyQuestionBand = z.strictObject({
  name: words(MAX_SHORT),
  rating: z.enum(RATINGS),
  lowerEdge: fraction.describe('inclusive: a share at or above it is in this band'),
  upperEdge: fraction.optional().describe('exclusive; the next band’s lower edge. The top band has none'),
  basis: basis.optional(),
});

const score = z.number().int().min(0).max(10_000);

const publishedTable = z.strictObject({
  maxScore: score.min(1),
  ranges: z
    .array(z.strictObject({ rating: z.enum(RATINGS), from: score, to: score }))
    .min(1)
    .max(RATINGS.length)
    .describe('inclusive score ranges, lowest rating first, covering 0 to the maximum'),
  basis: basis.optional(),
});

const ratingRecord = <T extends z.ZodType>(value: T) =>
  z.strictObject({
    inadequate: value,
    'requires-improvement': value,
    good: value,
    outstanding: value,
  });

const caseTypeWords = z.partialRecord(z.enum(CASE_TYPES), words(MAX_SHORT));

/** A whole framework file. */
export const frameworkFileSchema = z.strictObject({
  format: z.literal(FRAMEWORK_FORMAT),
  formatVersion: z.literal(FRAMEWORK_FORMAT_VERSION),
  id,
  version: id,
  name: words(MAX_SHORT),
  shortName: words(60),
  description: words(MAX_TEXT).optional(),
  sources: z
    .array(
      z.strictObject({
        id,
        title: words(MAX_TEXT),
        published: z
          .string()
          .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
          .optional(),
        url: z.url().max(2_000).optional(),
      }),
    )
    .max(100)
    .optional(),
  caseTypes: z.array(z.enum(CASE_TYPES)).min(1, 'expected at least one case type'),
  caseDetails: z.array(z.enum(CASE_DETAILS as [string, ...string[]])),
  words: z.strictObject({
    unit: words(60),
    units: words(60),
    caseTypes: caseTypeWords,
    casesOfType: caseTypeWords,
  }),
  options: z.array(z.strictObject({ id, label: words(MAX_SHORT), defaultValue: z.boolean() })).max(20),
  conditions: z.record(id, conditionFileSchema).optional(),
  domains: z.array(domain).min(1, 'expected at least one domain').max(20),
  nonRatedQuestions: z.array(nonRatedQuestion).max(200),
  keyQuestionBands: z.array(keyQuestionBand).min(1, 'expected at least one band').max(RATINGS.length),
  standardRating: z
    .strictObject({ rule: z.literal('lowest-band'), basis: basis.optional() })
    .optional()
    .describe('how a case-sampled standard takes its rating; absent means the lowest band'),
  numbering: z
    .strictObject({ unratedStandards: z.enum(['skipped', 'kept']), basis: basis.optional() })
    .optional()
    .describe('whether a standard the inspection does not rate uses up a display number'),
  overall: z.strictObject({
    points: ratingRecord(z.number().int().min(0).max(100)),
    pointsBasis: basis.optional(),
    publishedTables: z.array(publishedTable).max(50),
    proportionalUpperEdges: z.strictObject({
      inadequate: fraction,
      'requires-improvement': fraction,
      good: fraction,
    }),
    proportionalRuleBasis: basis.optional(),
  }),
});

/** A framework file as JSON holds it. */
export type FrameworkFile = z.infer<typeof frameworkFileSchema>;
