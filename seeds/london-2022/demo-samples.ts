/**
 * The London 2022 demo: synthetic, deterministic case samples for the six PDUs of the letter, whose computed
 * ratings reproduce annexe two exactly and whose non-rated questions add up to the letter's regional figures
 * (management oversight effective in 51 of 223 cases that required it, and so on). No real case is described;
 * the figures are the letter's, the cases are invented to fit them.
 */
import { PROBATION_PDU_2021 } from '#shared/framework/probation-pdu-2021.ts';
import { findCaseQuestion, questionApplies } from '#shared/framework/questions.ts';
import type {
  AnswerValue,
  CaseSampledStandard,
  CaseType,
  CourtReportType,
  Rating,
  RoshLevel,
} from '#shared/framework/types.ts';
import type { ExportedAnswer, ExportedCase, ExportedInspection } from '#shared/interchange/schema.ts';
import { bandFor } from '#shared/scoring/key-question.ts';
import { ratingRank } from '#shared/scoring/ratings.ts';
import { seededRandom, splitInProportion, type SeededRandom } from '../random';
import { LONDON_REGION, loadAnnexeTwo, type PublishedPduRatings } from './annexe-two';

/** A figure the letter quotes: `yes` of `applicable` cases. */
export interface RegionalFigure {
  readonly yes: number;
  readonly applicable: number;
}

/** The letter's regional figures for non-rated questions, by question id. */
export const LONDON_REGIONAL_FIGURES: Readonly<Record<string, RegionalFigure>> = {
  'management-oversight': { yes: 51, applicable: 223 },
  'services-delivered': { yes: 97, applicable: 248 },
  'pre-release.contact': { yes: 46, applicable: 116 },
  'pre-release.needs-assessed': { yes: 35, applicable: 99 },
  'pre-release.risks-assessed': { yes: 32, applicable: 101 },
};

/** Cases sampled in each PDU, in annexe order: 248 in all, as the letter says. */
const CASES_PER_PDU = [42, 41, 42, 41, 41, 41];
/** Cases released on licence in the period, across the region: the letter's 116 relevant cases. */
const LICENCE_CASES = 116;

const framework = PROBATION_PDU_2021;
const INSPECTORS = ['KM', 'SD', 'AB', 'JF', 'RT', 'HL', 'PC', 'NW'];

/** Share ranges by key-question theme and the rating the standard must get. Safety sets the rating. */
const SHARE_RANGES: Readonly<Record<string, Partial<Record<Rating, readonly [number, number]>>>> = {
  engagement: { inadequate: [0.45, 0.7], 'requires-improvement': [0.62, 0.76] },
  desistance: { inadequate: [0.36, 0.6], 'requires-improvement': [0.56, 0.72] },
  safety: { inadequate: [0.18, 0.45], 'requires-improvement': [0.5, 0.62] },
  advice: { inadequate: [0.3, 0.46] },
};

/** The letter: "up to 85 per cent … insufficient … on risk of harm (HFKCW in relation to assessment)". */
const FIXED_SHARES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  hfkcw: { 'assessment.safety': 0.15 },
};

const NOTES_ON_NO: Readonly<Record<string, readonly string[]>> = {
  engagement: [
    'No evidence the person was asked about barriers to engagement.',
    'Appointments missed without follow-up; no exploration of why.',
    'Diversity needs noted but not reflected in how the work was delivered.',
  ],
  desistance: [
    'Accommodation need identified but no referral made.',
    'Substance misuse not explored despite links to the offence.',
    'Plan lists generic objectives, not the factors linked to this offending.',
  ],
  safety: [
    'Domestic abuse call-out information not requested from police.',
    'No child safeguarding enquiry despite children in the household.',
    'Risk management plan not updated after new intelligence.',
    'Home visit not undertaken in a high risk of harm case.',
  ],
  advice: [
    'Report did not draw on domestic abuse or safeguarding checks.',
    'Proposal not supported by the analysis of offending.',
  ],
};

function themeOf(keyQuestionId: string): string {
  return keyQuestionId.split('.').at(-1) ?? keyQuestionId;
}

function seedFor(key: string): number {
  let hash = 2166136261;
  for (let i = 0; i < key.length; i += 1) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/** The first Monday of a YYYY-MM month, as YYYY-MM-DD: fieldwork weeks start on a Monday. */
function firstMonday(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  for (let day = 1; day <= 7; day += 1) {
    const date = new Date(Date.UTC(year, monthNumber - 1, day));
    if (date.getUTCDay() === 1) return date.toISOString().slice(0, 10);
  }
  throw new RangeError(`No Monday in ${month}`);
}

/** A sampled case before answers are added. */
interface DraftCase {
  readonly id: string;
  readonly reference: string;
  readonly caseType: CaseType;
  readonly inspector: string;
  readonly attributes: {
    readonly rosh: RoshLevel;
    readonly courtReport: CourtReportType;
    readonly releasedOnLicence: boolean;
  };
  readonly answers: Record<string, ExportedAnswer>;
}

/** Writes `yes` Yes answers, `no` No answers and the rest Not applicable across `cases`, in a seeded order. */
function answerAcross(
  random: SeededRandom,
  cases: readonly DraftCase[],
  questionId: string,
  counts: { yes: number; no: number },
  stampFor: (c: DraftCase) => { updatedAt: string; by: string },
): void {
  random.shuffle(cases).forEach((c, i) => {
    const value: AnswerValue = i < counts.yes ? 'yes' : i < counts.yes + counts.no ? 'no' : 'na';
    c.answers[questionId] = { value, ...stampFor(c) };
  });
}

/** Yes count for a key question: near the target share, inside the band the standard's rating needs. */
function yesCountFor(applicable: number, targetShare: number, rating: Rating, setsRating: boolean): number {
  let yes = Math.round(targetShare * applicable);
  const rank = () => ratingRank(bandFor(framework, yes, applicable)?.rating ?? 'inadequate');
  while (rank() < ratingRank(rating) && yes < applicable) yes += 1;
  while (setsRating && rank() > ratingRank(rating) && yes > 0) yes -= 1;
  return yes;
}

function buildInspection(
  pdu: PublishedPduRatings,
  caseCount: number,
  licenceCount: number,
  nonRatedCounts: ReadonlyMap<string, RegionalFigure>,
): ExportedInspection {
  const random = seededRandom(seedFor(pdu.key));
  const startDate = firstMonday(pdu.fieldworkStarted);
  const prefix = pdu.key.slice(0, 3).toUpperCase();
  const team = random.shuffle(INSPECTORS).slice(0, 4);
  const courtReports = pdu.courtWork ? Math.round(caseCount / 3) : 0;
  const order = random.shuffle([...Array(caseCount).keys()]);
  const cases: DraftCase[] = [...Array(caseCount).keys()].map((i) => {
    const slot = order[i] as number;
    const released = slot < licenceCount;
    const caseType: CaseType = released
      ? 'licence'
      : random.next() < 0.8
        ? 'community'
        : 'post-sentence-supervision';
    const courtReport: CourtReportType =
      slot >= licenceCount && slot < licenceCount + courtReports
        ? random.pick(['oral', 'short-format', 'short-format', 'standard'] as const)
        : 'none';
    return {
      id: `london-2022-${pdu.key}-case-${String(i + 1).padStart(3, '0')}`,
      reference: `${prefix}-${String(i + 1).padStart(3, '0')}`,
      caseType,
      inspector: team[i % team.length] as string,
      attributes: {
        rosh: random.pick(['low', 'medium', 'medium', 'high', 'high', 'very-high'] as const),
        courtReport,
        releasedOnLicence: released,
      },
      answers: {},
    };
  });
  const stampFor = (c: DraftCase) => {
    const minutes = Number(c.reference.slice(-3)) * 37;
    const at = new Date(Date.parse(`${startDate}T08:30:00.000Z`) + minutes * 60_000);
    return { updatedAt: at.toISOString(), by: c.inspector };
  };
  const options = { courtWork: pdu.courtWork };
  const applies = (c: DraftCase, questionId: string) => {
    const question = findCaseQuestion(framework, questionId);
    return question !== undefined && questionApplies(question, { options, ...c });
  };

  // Key questions: counts chosen inside the band each standard's published rating needs.
  for (const domain of framework.domains) {
    for (const standard of domain.standards) {
      const rating = pdu.ratings[standard.id];
      if (standard.method !== 'case-sample' || rating === undefined) continue;
      for (const keyQuestion of (standard as CaseSampledStandard).keyQuestions) {
        const eligible = cases.filter((c) => applies(c, keyQuestion.id));
        const notApplicable = standard.id === 'reviewing' ? Math.round(eligible.length * 0.1) : 0;
        const applicable = eligible.length - notApplicable;
        const theme = themeOf(keyQuestion.id);
        const range = SHARE_RANGES[theme]?.[rating] ?? [0.5, 0.6];
        const share =
          FIXED_SHARES[pdu.key]?.[keyQuestion.id] ?? range[0] + random.next() * (range[1] - range[0]);
        const setsRating = theme === 'safety' || theme === 'advice';
        const yes = yesCountFor(applicable, share, rating, setsRating);
        answerAcross(random, eligible, keyQuestion.id, { yes, no: applicable - yes }, stampFor);
        for (const c of eligible) {
          const answer = c.answers[keyQuestion.id] as ExportedAnswer;
          if (answer.value === 'no' && random.next() < 0.6) {
            // In the format's order (value, note, then who and when), as the app writes an answer.
            const { value, ...stamp } = answer;
            c.answers[keyQuestion.id] = {
              value,
              note: random.pick(NOTES_ON_NO[theme] ?? ['Insufficient.']),
              ...stamp,
            };
          }
          for (const prompt of keyQuestion.prompts) {
            if (!applies(c, prompt.id)) continue;
            const likelyYes = answer.value === 'yes' ? 0.85 : 0.3;
            const value: AnswerValue =
              answer.value === 'na' ? 'na' : random.next() < likelyYes ? 'yes' : 'no';
            c.answers[prompt.id] = { value, ...stampFor(c) };
          }
        }
      }
    }
  }

  // Non-rated questions: this PDU's share of the letter's regional figures.
  for (const question of framework.nonRatedQuestions) {
    const counts = nonRatedCounts.get(question.id);
    if (!counts) continue;
    const eligible = cases.filter((c) => applies(c, question.id));
    answerAcross(
      random,
      eligible,
      question.id,
      { yes: counts.yes, no: counts.applicable - counts.yes },
      stampFor,
    );
  }

  const judgements: ExportedInspection['judgements'] = {};
  for (const domain of framework.domains) {
    for (const standard of domain.standards) {
      const rating = pdu.ratings[standard.id];
      if (standard.method === 'judgement' && rating !== undefined) {
        judgements[standard.id] = {
          rating,
          note: 'As published in annexe two of the London region letter (24 November 2022).',
          updatedAt: `${startDate}T16:00:00.000Z`,
          by: team[0] as string,
        };
      }
    }
  }

  const exportedCases: ExportedCase[] = cases.map((c) => ({
    id: c.id,
    reference: c.reference,
    caseType: c.caseType,
    inspector: c.inspector,
    attributes: { ...c.attributes },
    answers: c.answers,
  }));
  return {
    id: `london-2022-${pdu.key}`,
    name: `${pdu.name} PDU`,
    region: LONDON_REGION,
    round: '2022',
    fieldworkStart: startDate,
    framework: { id: framework.id, version: framework.version },
    options,
    judgements,
    cases: exportedCases,
    overrides: {},
  };
}

/**
 * The six London PDU inspections with their synthetic case samples, in annexe order. The same every time.
 */
export function createLondonDemo(): ExportedInspection[] {
  const pdus = loadAnnexeTwo();
  const licenceCounts = splitInProportion(LICENCE_CASES, CASES_PER_PDU);
  const eligibleFor = (questionId: string, index: number): number =>
    questionId.startsWith('pre-release.')
      ? (licenceCounts[index] as number)
      : (CASES_PER_PDU[index] as number);
  // Each PDU's share of each regional figure, in proportion to the cases it could apply to.
  const perPdu = pdus.map(() => new Map<string, RegionalFigure>());
  for (const [questionId, figure] of Object.entries(LONDON_REGIONAL_FIGURES)) {
    const eligible = pdus.map((_, i) => eligibleFor(questionId, i));
    const applicable = splitInProportion(figure.applicable, eligible);
    const yes = splitInProportion(figure.yes, applicable);
    perPdu.forEach((m, i) =>
      m.set(questionId, { yes: yes[i] as number, applicable: applicable[i] as number }),
    );
  }
  return pdus.map((pdu, i) =>
    buildInspection(
      pdu,
      CASES_PER_PDU[i] as number,
      licenceCounts[i] as number,
      perPdu[i] as Map<string, RegionalFigure>,
    ),
  );
}
