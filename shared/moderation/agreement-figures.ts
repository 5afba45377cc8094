/**
 * Agreement between the first scoring and the quality lead's blind second scoring of dip-sampled cases, per
 * key question, per standard (its key questions pooled) and per inspector (all key questions of the cases they
 * first scored, pooled), and over all. A pair is one key question of one case both scorings answered (Yes, No
 * or Not applicable); the categories are those three.
 */
import type { AnswerValue, Framework } from '../framework/types';
import { agreementFigures, agreementTable, type AgreementFigures, type ScoredPair } from '../statistics';

export const AGREEMENT_CATEGORIES: readonly AnswerValue[] = ['yes', 'no', 'na'];

/** One second-scored case: who first scored it, and both scorings' key-question answers. */
export interface ModeratedCase {
  readonly inspector?: string;
  readonly first: Readonly<Partial<Record<string, AnswerValue | null>>>;
  readonly second: Readonly<Partial<Record<string, AnswerValue | null>>>;
}

export interface AgreementRow extends AgreementFigures {
  readonly id: string;
  readonly label: string;
}

export interface ModerationAgreement {
  readonly cases: number;
  readonly overall: AgreementFigures;
  readonly byKeyQuestion: readonly (AgreementRow & { readonly standardId: string })[];
  readonly byStandard: readonly AgreementRow[];
  readonly byInspector: readonly AgreementRow[];
}

const answered = (v: AnswerValue | null | undefined): v is AnswerValue =>
  v === 'yes' || v === 'no' || v === 'na';

function pairsFor(
  cases: readonly ModeratedCase[],
  questionIds: readonly string[],
): ScoredPair<AnswerValue>[] {
  const pairs: ScoredPair<AnswerValue>[] = [];
  for (const c of cases) {
    for (const q of questionIds) {
      const first = c.first[q];
      const second = c.second[q];
      if (answered(first) && answered(second)) pairs.push({ first, second });
    }
  }
  return pairs;
}

const figuresOf = (pairs: readonly ScoredPair<AnswerValue>[]) =>
  agreementFigures(agreementTable(pairs, AGREEMENT_CATEGORIES));

/** Every agreement figure for a set of second-scored cases. */
export function moderationAgreement(
  framework: Framework,
  cases: readonly ModeratedCase[],
): ModerationAgreement {
  const standards = framework.domains
    .flatMap((d) => d.standards)
    .flatMap((s) => (s.method === 'case-sample' ? [s] : []));
  const allIds = standards.flatMap((s) => s.keyQuestions.map((k) => k.id));
  const inspectors = [...new Set(cases.map((c) => c.inspector?.trim() || '(no inspector)'))].sort();
  return {
    cases: cases.length,
    overall: figuresOf(pairsFor(cases, allIds)),
    byKeyQuestion: standards.flatMap((s) =>
      s.keyQuestions.map((k) => ({
        id: k.id,
        label: `${s.name}: ${k.label}`,
        standardId: s.id,
        ...figuresOf(pairsFor(cases, [k.id])),
      })),
    ),
    byStandard: standards.map((s) => ({
      id: s.id,
      label: s.name,
      ...figuresOf(
        pairsFor(
          cases,
          s.keyQuestions.map((k) => k.id),
        ),
      ),
    })),
    byInspector: inspectors.map((name) => ({
      id: name,
      label: name,
      ...figuresOf(
        pairsFor(
          cases.filter((c) => (c.inspector?.trim() || '(no inspector)') === name),
          allIds,
        ),
      ),
    })),
  };
}

/** "Assessment: Engagement": a key question named with its standard, since labels repeat across standards. */
export function keyQuestionName(framework: Framework, id: string): string {
  for (const standard of framework.domains.flatMap((d) => d.standards)) {
    if (standard.method !== 'case-sample') continue;
    const k = standard.keyQuestions.find((q) => q.id === id);
    if (k) return `${standard.name}: ${k.label}`;
  }
  return id;
}
