/**
 * The shape every inspection framework takes, as data. The probation PDU framework and the youth framework are
 * both values of `Framework`; the scoring engine reads nothing but these values, so a corrected rule is a change
 * to data, never to code.
 */

/** The four ratings the inspectorate gives, lowest first. */
export const RATINGS = ['inadequate', 'requires-improvement', 'good', 'outstanding'] as const;
/** One of the inspectorate's four ratings. */
export type Rating = (typeof RATINGS)[number];

/** A case answer: Yes, No or Not applicable. An absent answer (or `null`) means unanswered. */
export const ANSWER_VALUES = ['yes', 'no', 'na'] as const;
/** Yes, No or Not applicable. */
export type AnswerValue = (typeof ANSWER_VALUES)[number];

/** Case types across both frameworks; each framework lists the ones it uses. */
export const CASE_TYPES = [
  'community',
  'licence',
  'post-sentence-supervision',
  'court-disposal',
  'out-of-court-disposal',
] as const;
/** The kind of sentence or disposal a sampled case is. */
export type CaseType = (typeof CASE_TYPES)[number];

/** Risk of serious harm levels. */
export const ROSH_LEVELS = ['low', 'medium', 'high', 'very-high'] as const;
/** Risk of serious harm level of a case. */
export type RoshLevel = (typeof ROSH_LEVELS)[number];

/** The kind of court report inspected with a case; `none` when there is none. */
export const COURT_REPORT_TYPES = ['none', 'oral', 'short-format', 'standard'] as const;
/** The kind of court report inspected with a case. */
export type CourtReportType = (typeof COURT_REPORT_TYPES)[number];

/** A child's safety and wellbeing level (youth justice cases). */
export const SAFETY_WELLBEING_LEVELS = ['low', 'medium', 'high', 'very-high'] as const;
/** A child's safety and wellbeing level. */
export type SafetyWellbeingLevel = (typeof SAFETY_WELLBEING_LEVELS)[number];

/**
 * What the inspector records about a case besides its answers. All optional: absent means not recorded. Each
 * framework declares which of these its cases have (`Framework.caseDetails`); the others are never asked.
 */
export interface CaseAttributes {
  readonly rosh?: RoshLevel;
  /** Absent means `none`. */
  readonly courtReport?: CourtReportType;
  readonly releasedOnLicence?: boolean;
  readonly safetyWellbeing?: SafetyWellbeingLevel;
}

/** A detail a case can record besides its type: one of the keys of `CaseAttributes`. */
export type CaseDetail = keyof CaseAttributes;
/** Every case detail, in the order forms ask them. */
export const CASE_DETAILS: readonly CaseDetail[] = [
  'rosh',
  'safetyWellbeing',
  'courtReport',
  'releasedOnLicence',
] as const;

/** The facts applicability is decided on: the inspection's options and one case. */
export interface ApplicabilityContext {
  readonly options: Readonly<Record<string, boolean>>;
  readonly caseType: CaseType;
  readonly attributes: CaseAttributes;
}

/**
 * When a standard or question applies, as data. Conditions combine with `all`; an absent condition means
 * "always applies".
 */
export type Condition =
  | { readonly kind: 'option'; readonly option: string }
  | { readonly kind: 'case-type'; readonly caseTypes: readonly CaseType[] }
  | { readonly kind: 'court-report-inspected' }
  | { readonly kind: 'released-on-licence' }
  | { readonly kind: 'all'; readonly conditions: readonly Condition[] }
  /**
   * One of the framework's named conditions (`Framework.conditions`), written once and used in many places.
   * Loading a framework file fills in `condition` (the named condition resolved); a file never carries it.
   */
  | { readonly kind: 'named'; readonly name: string; readonly condition?: Condition };

/** How sure a rule is: checked against a published source, or not (recalled practice, or inferred). */
export const SURENESS = ['confirmed', 'unconfirmed'] as const;
/** Confirmed against a published source, or unconfirmed. */
export type Sureness = (typeof SURENESS)[number];

/** A document a framework's rules come from: a published letter, report, standards or guidance. */
export interface FrameworkSource {
  readonly id: string;
  readonly title: string;
  /** When it was published, YYYY-MM-DD (or YYYY-MM, or YYYY). */
  readonly published?: string;
  readonly url?: string;
}

/** Where a rule comes from and how sure we are of it. */
export interface RuleBasis {
  readonly sure: Sureness;
  /** The id of one of the framework's `sources`. */
  readonly source?: string;
  /** What the source shows, or why the rule is believed without one. */
  readonly note?: string;
}

/** A prompt guiding a key question's judgement: answered per case, reported in aggregate, never rated. */
export interface Prompt {
  readonly id: string;
  readonly text: string;
  readonly appliesWhen?: Condition;
  readonly basis?: RuleBasis;
}

/** A key question. For case-sampled standards it is answered per case and rated; for judged ones it frames evidence. */
export interface KeyQuestion {
  readonly id: string;
  /** Short label for tables ("Engagement"). */
  readonly label: string;
  readonly text: string;
  readonly prompts: readonly Prompt[];
  readonly basis?: RuleBasis;
}

/** Fields every standard has. */
interface StandardBase {
  readonly id: string;
  readonly name: string;
  readonly keyQuestions: readonly KeyQuestion[];
  /** When the standard is part of the inspection at all (e.g. court work only where the inspection rates it). */
  readonly ratedWhen?: Condition;
  /**
   * Rated, but outside the score and the overall rating (youth resettlement from 2021 is rated separately,
   * beside the 36-point total). Absent means it counts.
   */
  readonly ratedSeparately?: boolean;
  readonly basis?: RuleBasis;
}

/** A standard rated by the inspector's judgement on evidence, entered directly. */
export interface JudgedStandard extends StandardBase {
  readonly method: 'judgement';
}

/** A standard rated from the case sample's answers to its key questions. */
export interface CaseSampledStandard extends StandardBase {
  readonly method: 'case-sample';
  /** Which cases its key questions apply to; other cases can only be Not applicable. */
  readonly appliesToCase?: Condition;
}

/** A standard: judged, or rated from the case sample. */
export type Standard = JudgedStandard | CaseSampledStandard;

/** A group of standards. */
export interface Domain {
  readonly id: string;
  readonly name: string;
  readonly standards: readonly Standard[];
  readonly basis?: RuleBasis;
}

/**
 * A case question outside the ratings whose aggregate the inspectorate quotes ("in only 51 of 223 cases that
 * required it was management oversight effective"). Not applicable means the case did not call for it.
 */
export interface NonRatedQuestion {
  readonly id: string;
  readonly text: string;
  /** How the aggregate reads: "{yes} of {applicable} cases" is appended by the reader. */
  readonly summary: string;
  /** The standard it is shown beside when scoring a case. */
  readonly standardId: string;
  readonly appliesWhen?: Condition;
  readonly basis?: RuleBasis;
}

/** An exact fraction, so band edges are compared on exact ratios and never on rounded percentages. */
export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * A key-question band: its published name, the rating it gives, its inclusive lower edge and (for every band
 * but the top one) its exclusive upper edge, which must be the next band's lower edge.
 */
export interface KeyQuestionBand {
  readonly name: string;
  readonly rating: Rating;
  readonly lowerEdge: Fraction;
  readonly upperEdge?: Fraction;
  readonly basis?: RuleBasis;
}

/** One rating's inclusive range of scores in a published table ("Good: 13–20"). */
export interface OverallBandRange {
  readonly rating: Rating;
  readonly from: number;
  readonly to: number;
}

/** Inclusive score ranges for each overall rating at one maximum score, as published. */
export interface OverallBandTable {
  readonly maxScore: number;
  /** The ranges as published, lowest rating first; they cover 0 to the maximum without gaps or overlaps. */
  readonly ranges: readonly OverallBandRange[];
  /** Derived from `ranges` when the framework is loaded (never in a file): each rating's lowest score. */
  readonly lowestScore: Readonly<Record<Rating, number>>;
  readonly basis?: RuleBasis;
}

/**
 * How standard ratings become an overall rating: points per rating, the published band tables, and the
 * proportional rule the tables were derived from, used (and labelled) only for a maximum no table covers.
 */
export interface OverallRule {
  readonly points: Readonly<Record<Rating, number>>;
  readonly publishedTables: readonly OverallBandTable[];
  /**
   * Upper edges as fractions of the maximum: a score at or below `maxScore * upperEdge[rating]` gets that
   * rating (Inadequate if 6·score ≤ max, and so on); the top rating has no upper edge.
   */
  readonly proportionalUpperEdges: Readonly<Record<Exclude<Rating, 'outstanding'>, Fraction>>;
  readonly pointsBasis?: RuleBasis;
  readonly proportionalRuleBasis?: RuleBasis;
}

/** How a case-sampled standard takes its rating from its key questions' bands. */
export interface StandardRatingRule {
  /** The lowest band among its rated key questions (the only rule the inspectorate has published). */
  readonly rule: 'lowest-band';
  readonly basis?: RuleBasis;
}

/**
 * How display numbers are given. `skipped`: a standard the inspection does not rate uses up no number (so
 * Assessment is 2.1 where court work is not rated, 2.2 where it is); `kept`: every standard keeps its place.
 */
export interface NumberingRule {
  readonly unratedStandards: 'skipped' | 'kept';
  readonly basis?: RuleBasis;
}

/** An inspection option the framework offers (such as rating court work). */
export interface FrameworkOption {
  readonly id: string;
  readonly label: string;
  readonly defaultValue: boolean;
}

/**
 * The words a framework's screens and reports use, so a youth inspection never reads like a probation one.
 */
export interface FrameworkWords {
  /** The unit inspected, short, as it reads mid-sentence: "PDU", "youth justice service". */
  readonly unit: string;
  /** Its plural: "PDUs", "youth justice services". */
  readonly units: string;
  /** Each case type's name, singular, for forms and headers: "Out-of-court disposal". */
  readonly caseTypes: Readonly<Partial<Record<CaseType, string>>>;
  /** Each case type's cases as a sentence names them: "out-of-court cases" ("no out-of-court cases in the sample"). */
  readonly casesOfType: Readonly<Partial<Record<CaseType, string>>>;
}

/** A complete inspection framework. */
export interface Framework {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  /** Its name in a few words, for lists and headings ("Youth justice"). */
  readonly shortName: string;
  readonly caseTypes: readonly CaseType[];
  /** The details its cases record besides their type; only these are asked, shown, exported and used. */
  readonly caseDetails: readonly CaseDetail[];
  readonly words: FrameworkWords;
  readonly options: readonly FrameworkOption[];
  readonly domains: readonly Domain[];
  readonly nonRatedQuestions: readonly NonRatedQuestion[];
  /** Lowest band first; the first band's lower edge is 0. */
  readonly keyQuestionBands: readonly KeyQuestionBand[];
  readonly overall: OverallRule;
  /** How a case-sampled standard takes its rating; absent means the lowest band. */
  readonly standardRating?: StandardRatingRule;
  /** How display numbers are given; absent means unrated standards are skipped. */
  readonly numbering?: NumberingRule;
  /** Conditions written once and used by name (`{ kind: 'named', name }`). */
  readonly conditions?: Readonly<Record<string, Condition>>;
  /** The documents the rules' `basis` names. */
  readonly sources?: readonly FrameworkSource[];
  /** A sentence on what the framework is and where it comes from, for whoever loads it. */
  readonly description?: string;
}

/** Names a framework and its version, as stored with every inspection. */
export interface FrameworkRef {
  readonly id: string;
  readonly version: string;
  /**
   * The content hash of the framework file it was created on ("sha256:…"), pinning exactly which definition
   * its answers were given against. Absent on inspections made before frameworks were files.
   */
  readonly hash?: string;
}
