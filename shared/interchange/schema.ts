/**
 * The interchange format (docs/interchange.md), as a validation schema. It is the
 * contract other tools depend on: additions are fine; renames and removals need a new format version and an
 * upgrade in `upgrade.ts`. The committed JSON Schema is generated from this file (`npm run generate`).
 *
 * Zod runs jitless (no `new Function`), so validation works under the app's strict Content Security Policy.
 */
import { z } from 'zod';
import {
  ANSWER_VALUES,
  CASE_TYPES,
  COURT_REPORT_TYPES,
  RATINGS,
  ROSH_LEVELS,
  SAFETY_WELLBEING_LEVELS,
} from '../framework/types';
import { hasHiddenCharacter, ID_PATTERN } from '../text/plain-text';
import { compileSchema, parseWithSchema, type CompiledSchema } from './compiled-schema';

z.config({ jitless: true });

/** The `format` every Casescore export carries. */
export const FORMAT = 'casescore.inspections';
/**
 * The format version this build writes. Version 2: an answer to a question that no longer applies to its case is
 * kept ("set aside") instead of being refused, ids are restricted to plain characters, names and references may
 * not hold hidden characters, and every change may name the device and counter that made it. Version 3: every change may name the versions it replaced (`replaces`), a case's details carry their own
 * versions (`detailVersions`), a removed case names what its remover had seen, audit entries taken from another
 * file say so (`claimedIn`), and a file may be signed (`signer`, `signature`). Version 4 (this release): a
 * signature covers the file's checksum in place of its inspections (see signature.ts), so a signed file carries
 * its checksum; nothing in the content changes.
 */
export const FORMAT_VERSION = 4;

const MAX_TEXT = 100_000;
/** The most devices one version may name as replaced: far more than any team has laptops. */
const MAX_DEVICES = 256;
const MAX_SHORT = 200;

const id = z
  .string()
  .min(1, 'expected a non-empty id')
  .max(MAX_SHORT)
  .regex(ID_PATTERN, 'expected an id of letters, digits, dots, underscores, colons or hyphens');
const shortText = z.string().max(MAX_SHORT);
/** A name or reference a person reads: no control or invisible format characters. */
const visibleText = (max: number, emptyMessage: string) =>
  z
    .string()
    .min(1, emptyMessage)
    .max(max)
    .refine((text) => !hasHiddenCharacter(text), 'contains an invisible or control character');
const note = z.string().max(MAX_TEXT);
const timestamp = z.iso.datetime({ offset: true, message: 'expected an ISO 8601 date and time' });
const who = shortText.describe('Initials or name of whoever made the change');

/** Who changed a thing and when; merge uses these to tell newer from older. */
const stamp = {
  updatedAt: timestamp.optional(),
  by: who.optional(),
  /** The install that made the change (a random id made on first run). */
  device: id.optional(),
  /** That install's change counter: a later change from the same device has a higher counter. */
  counter: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  /**
   * The versions this change replaced: for each device, the highest counter of that device's versions of the
   * same thing that this change had seen. A version wins over another only if it names it here.
   */
  replaces: z
    .record(id, z.number().int().min(0).max(Number.MAX_SAFE_INTEGER))
    .refine((vector) => Object.keys(vector).length <= MAX_DEVICES, `expected at most ${MAX_DEVICES} devices`)
    .optional(),
};

const rating = z.enum(RATINGS);

/** Names one version of an answer or judgement: who set it and when ("KM@2022-09-05T10:00:00.000Z"). */
const versionStamp = z.string().max(MAX_SHORT + 40);

/** A case answer. `value: null` is an answer that was cleared: unanswered for scoring, but newer than "never". */
export const answerSchema = z.object({
  value: z.enum(ANSWER_VALUES).nullable(),
  note: note.optional(),
  ...stamp,
  /** Versions from other copies this answer was chosen over in a merge, so importing them again is no conflict. */
  supersedes: z.array(versionStamp).max(100).optional(),
});

export const caseAttributesSchema = z.object({
  rosh: z.enum(ROSH_LEVELS).optional(),
  courtReport: z.enum(COURT_REPORT_TYPES).optional(),
  releasedOnLicence: z.boolean().optional(),
  /** A child's safety and wellbeing level (youth cases only). */
  safetyWellbeing: z.enum(SAFETY_WELLBEING_LEVELS).optional(),
});

/** Where a case is in quality assurance; absent means in progress. A locked case is read-only until reopened. */
export const caseStatusSchema = z.object({
  value: z.enum(['in-progress', 'submitted', 'quality-assured', 'locked']),
  /** Required to reopen a locked case; kept with the status it led to. */
  reason: note.optional(),
  ...stamp,
  updatedAt: timestamp,
  by: who,
});

/** The case details that carry their own versions, so two inspectors' edits to one case merge detail by detail. */
export const VERSIONED_CASE_DETAILS = [
  'reference',
  'caseType',
  'inspector',
  'rosh',
  'courtReport',
  'releasedOnLicence',
  'safetyWellbeing',
  'note',
  'removed',
] as const;

/** One version of one case detail: who changed it, when, on which device, and what it replaced. */
export const detailVersionSchema = z.object(stamp);

/** A sampled case with its answers keyed by question id. */
export const liveCaseSchema = z.object({
  id,
  deleted: z.literal(false).optional(),
  reference: visibleText(MAX_SHORT, 'expected a case reference'),
  caseType: z.enum(CASE_TYPES),
  inspector: shortText.optional(),
  attributes: caseAttributesSchema,
  answers: z.record(z.string().min(1).max(MAX_SHORT), answerSchema),
  note: note.optional(),
  /** Optional: where the case is in quality assurance. */
  status: caseStatusSchema.optional(),
  /**
   * Optional: the version of each case detail (reference, type, inspector, risk, court report, release, safety
   * and wellbeing, the case note, and `removed` for the case being in the sample at all). A detail with no entry
   * has the version it was created with, which no later version is taken to know.
   */
  detailVersions: z.partialRecord(z.enum(VERSIONED_CASE_DETAILS), detailVersionSchema).optional(),
  ...stamp,
});

/** A case removed from the sample, kept so a merge can tell "removed later" from "never there". */
export const deletedCaseSchema = z.object({
  id,
  deleted: z.literal(true),
  updatedAt: timestamp,
  by: who,
  device: stamp.device,
  counter: stamp.counter,
  /** Everything in the case the remover had seen (device to highest counter): the removal replaces only that. */
  replaces: stamp.replaces,
});

export const sampledCaseSchema = z.union([liveCaseSchema, deletedCaseSchema]);

/** The inspector's rating of a judged standard, with the evidence behind it. */
export const judgementSchema = z.object({
  rating: rating.nullable(),
  note: note.optional(),
  /** Evidence notes per key question of the judged standard. */
  evidence: z.record(z.string().min(1).max(MAX_SHORT), note).optional(),
  ...stamp,
  supersedes: z.array(versionStamp).max(100).optional(),
});

/** A professional-discretion departure from a computed rating; the reason is required. */
export const overrideSchema = z.object({
  rating,
  reason: note.refine((r) => r.trim() !== '', 'expected a reason for the override'),
  by: who,
  updatedAt: timestamp.optional(),
  device: stamp.device,
  counter: stamp.counter,
  replaces: stamp.replaces,
  supersedes: z.array(versionStamp).max(100).optional(),
});

/** An inspector's words on one standard for the report: its strengths and its areas for improvement. */
export const commentarySchema = z.object({
  strengths: note.optional(),
  improvements: note.optional(),
  ...stamp,
});

/** One entry of an inspection's audit trail: what changed, from what to what, when and by whom. */
export const auditRecordSchema = z.object({
  at: timestamp,
  by: who,
  action: shortText,
  caseId: shortText.optional(),
  key: shortText.optional(),
  before: z.unknown(),
  after: z.unknown(),
  /**
   * Set on an entry taken from another copy's file: the fingerprint of the key that signed that file, or
   * "unsigned". Such an entry is that file's claim, kept beside this copy's own history and never replacing it.
   */
  claimedIn: shortText.optional(),
});

const answerValue = z.enum(ANSWER_VALUES);

/** A dip sample the quality lead drew: the seed (so the draw can be repeated), size, strata and cases. */
export const dipSampleSchema = z.object({
  id,
  seed: z.number().int().min(1).max(2_147_483_647),
  size: z.number().int().min(1),
  drawnAt: timestamp,
  by: who,
  caseIds: z.array(id).max(10_000),
  strata: z
    .array(
      z.object({
        inspector: shortText,
        caseType: shortText,
        cases: z.number().int().min(0),
        drawn: z.number().int().min(0),
      }),
    )
    .max(10_000),
});

/** One case's blind second scoring, the first scoring as it stood when it began, and what was reconciled. */
export const secondScoringSchema = z.object({
  caseId: id,
  by: who,
  startedAt: timestamp,
  first: z.record(z.string().min(1).max(MAX_SHORT), answerValue.nullable()),
  second: z.record(z.string().min(1).max(MAX_SHORT), answerValue),
  reconciled: z.record(
    z.string().min(1).max(MAX_SHORT),
    z.object({ agreed: answerValue, reason: note.optional(), by: who, at: timestamp }),
  ),
});

/**
 * Quality assurance: dip samples, second scorings, and the agreement figures derived from them (written for
 * other tools to read; a reader recomputes them from the scorings rather than trusting them).
 */
export const moderationSchema = z.object({
  dipSamples: z.array(dipSampleSchema).max(1000),
  secondScorings: z.array(secondScoringSchema).max(10_000),
  agreement: z.unknown().optional(),
});

/** A framework file's content hash (see shared/framework/file.ts). */
const frameworkHash = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'expected sha256: followed by 64 hex digits');

/**
 * A framework the file's inspections use: its id, version and content hash, and its definition (a framework
 * file, docs/frameworks.md) unless every copy of Casescore holds it (the built-in ones). A reader checks the
 * definition in full and that it hashes to `hash`.
 */
export const carriedFrameworkSchema = z.object({
  id: shortText,
  version: shortText,
  hash: frameworkHash,
  definition: z.unknown().optional(),
});

/**
 * Derived, written for other tools: how far the sample had got when the file was written, with the note the app
 * shows ("Provisional: 4 of 12 cases not finished"). A reader recomputes it from the cases and judgements.
 */
export const progressSchema = z.object({
  provisional: z.boolean(),
  provisionalNote: z.string().max(MAX_TEXT).nullable(),
  cases: z.number().int().min(0),
  casesNotFinished: z.number().int().min(0),
  standardsNotJudged: z.array(shortText).max(1000),
});

export const inspectionSchema = z.object({
  id,
  name: visibleText(MAX_SHORT, 'expected a name for the inspection'),
  region: shortText.optional(),
  /** The inspection round (a named period, such as "2022"): a region's view takes one round at a time. */
  round: shortText.optional(),
  fieldworkStart: z.iso.date({ message: 'expected a date as YYYY-MM-DD' }).optional(),
  leadInspector: shortText.optional(),
  framework: z.object({
    id: shortText,
    version: shortText,
    /** The content hash of the framework file the inspection was made on; optional (added with framework files). */
    hash: frameworkHash.optional(),
  }),
  options: z.record(z.string().max(MAX_SHORT), z.boolean()),
  judgements: z.record(z.string().max(MAX_SHORT), judgementSchema),
  cases: z.array(sampledCaseSchema),
  overrides: z.record(z.string().max(MAX_SHORT), overrideSchema),
  /** Strengths and areas for improvement by standard id, printed in the report; optional (added in 1.x). */
  commentary: z.record(z.string().max(MAX_SHORT), commentarySchema).optional(),
  /** The inspection's audit trail, oldest first; optional (a hand-made file may have none). */
  audit: z.array(auditRecordSchema).optional(),
  /** Optional: dip samples, blind second scorings and agreement figures. */
  moderation: moderationSchema.optional(),
  /** Optional and derived: whether the ratings were provisional when written, and why. */
  progress: progressSchema.optional(),
});

/** A whole export file. */
export const exportFileSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  exportedAt: timestamp,
  /** SHA-256 of the content (see checksum.ts); a reader refuses a file whose content no longer matches it. */
  checksum: z
    .string()
    .regex(/^sha256:[0-9a-f]{64}$/, 'expected sha256: followed by 64 hex digits')
    .optional(),
  /** What the file holds, in words for whoever opens it ("Contains personal data …"); not checksummed. */
  notice: z.string().max(MAX_TEXT).optional(),
  /** True when references are keyed pseudonyms and notes and the audit are left out (an analysts' copy). */
  anonymised: z.boolean().optional(),
  /** Optional: the frameworks the inspections use, with the definitions a reader may not hold (added with framework files). */
  frameworks: z.array(carriedFrameworkSchema).max(100).optional(),
  /** Who exported the file, as they call themselves: a claim, checked against the lead's team list by its key. */
  signer: z.object({ initials: shortText, name: shortText.optional() }).optional(),
  /**
   * An Ed25519 signature over the whole file but this member (see signature.ts): the public key (base64, 32
   * bytes) and the signature (base64, 64 bytes). Files Casescore writes are always signed.
   */
  signature: z
    .object({
      algorithm: z.literal('Ed25519'),
      publicKey: z.string().max(100),
      value: z.string().max(200),
    })
    .optional(),
  inspections: z.array(inspectionSchema),
});

/** An answer as the format carries it. */
export type ExportedAnswer = z.infer<typeof answerSchema>;
/** A live case as the format carries it. */
export type ExportedCase = z.infer<typeof liveCaseSchema>;
/** A removed case's tombstone. */
export type ExportedDeletedCase = z.infer<typeof deletedCaseSchema>;
/** A judged standard's judgement. */
export type ExportedJudgement = z.infer<typeof judgementSchema>;
/** A professional-discretion override. */
export type ExportedOverride = z.infer<typeof overrideSchema>;
/** A standard's strengths and areas for improvement as the format carries them. */
export type ExportedCommentary = z.infer<typeof commentarySchema>;
/** A case detail's version as the format carries it. */
export type ExportedDetailVersion = z.infer<typeof detailVersionSchema>;
/** A case detail that carries its own version. */
export type VersionedCaseDetail = (typeof VERSIONED_CASE_DETAILS)[number];
/** A case's quality-assurance status as the format carries it. */
export type ExportedCaseStatus = z.infer<typeof caseStatusSchema>;
/** One audit entry as the format carries it. */
export type ExportedAuditRecord = z.infer<typeof auditRecordSchema>;
/** The moderation section as the format carries it. */
export type ExportedModeration = z.infer<typeof moderationSchema>;
/** A framework an export carries, or names by hash. */
export type CarriedFramework = z.infer<typeof carriedFrameworkSchema>;
/** The derived progress of an inspection's sample as the format carries it. */
export type ExportedProgress = z.infer<typeof progressSchema>;
/** One inspection as the format carries it. */
export type ExportedInspection = z.infer<typeof inspectionSchema>;
/** A whole export file. */
export type ExportFile = z.infer<typeof exportFileSchema>;

let compiledExportFile: CompiledSchema<ExportFile> | undefined;

/**
 * `exportFileSchema.safeParse`, quick for a valid file: through the schema's compiled form
 * (`compiled-schema.ts`), and through zod itself for a file that is not valid, so its problem is named as zod names it.
 */
export function safeParseExportFile(value: unknown): z.ZodSafeParseResult<ExportFile> {
  compiledExportFile ??= compileSchema(exportFileSchema);
  return parseWithSchema(exportFileSchema, compiledExportFile, value);
}
