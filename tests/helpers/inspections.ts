/**
 * Short ways to build inspections for tests: a case from a map of answers, and a sample with given counts of
 * Yes, No and Not applicable for chosen key questions.
 */
import type { AnswerValue, CaseAttributes, CaseType, Rating } from '#shared/framework';
import type { ExportedCase, ExportedInspection } from '#shared/interchange';

let nextId = 1;

/** A live case with these answers (question id -> value). */
export function caseWith(
  answers: Readonly<Record<string, AnswerValue | null>>,
  facts: { caseType?: CaseType; attributes?: CaseAttributes; reference?: string } = {},
): ExportedCase {
  const id = nextId++;
  return {
    id: `case-${id}`,
    reference: facts.reference ?? `REF-${String(id).padStart(3, '0')}`,
    caseType: facts.caseType ?? 'community',
    attributes: facts.attributes ?? {},
    answers: Object.fromEntries(Object.entries(answers).map(([q, value]) => [q, { value }])),
  };
}

/** Counts of answers to write for one question across a sample. */
export interface AnswerCounts {
  yes?: number;
  no?: number;
  na?: number;
  unanswered?: number;
}

/**
 * Cases answering each listed question with the given counts. The sample is as large as the largest total;
 * a question whose counts add up to fewer cases is left unanswered in the rest.
 */
export function sampleWith(
  counts: Readonly<Record<string, AnswerCounts>>,
  facts: { caseType?: CaseType; attributes?: CaseAttributes } = {},
): ExportedCase[] {
  const totals = Object.values(counts).map(
    (c) => (c.yes ?? 0) + (c.no ?? 0) + (c.na ?? 0) + (c.unanswered ?? 0),
  );
  const size = Math.max(0, ...totals);
  return Array.from({ length: size }, (_, i) => {
    const answers: Record<string, AnswerValue | null> = {};
    for (const [question, c] of Object.entries(counts)) {
      const yes = c.yes ?? 0;
      const no = c.no ?? 0;
      const na = c.na ?? 0;
      if (i < yes) answers[question] = 'yes';
      else if (i < yes + no) answers[question] = 'no';
      else if (i < yes + no + na) answers[question] = 'na';
    }
    return caseWith(answers, facts);
  });
}

/** A probation PDU inspection (no court work unless asked) with these cases and judgements. */
export function probationInspection(
  parts: {
    cases?: ExportedInspection['cases'];
    judgements?: Readonly<Record<string, Rating | null>>;
    overrides?: ExportedInspection['overrides'];
    courtWork?: boolean;
    id?: string;
  } = {},
): ExportedInspection {
  return {
    id: parts.id ?? `inspection-${nextId++}`,
    name: 'Test PDU',
    framework: { id: 'hmip-probation-pdu', version: '2021' },
    options: { courtWork: parts.courtWork ?? false },
    judgements: Object.fromEntries(
      Object.entries(parts.judgements ?? {}).map(([standard, rating]) => [standard, { rating }]),
    ),
    cases: parts.cases ?? [],
    overrides: parts.overrides ?? {},
  };
}

/** Judgements giving every probation judged standard the same rating. */
export function allJudged(rating: Rating): Record<string, Rating> {
  return { leadership: rating, staff: rating, services: rating, information: rating };
}
