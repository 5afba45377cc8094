// A dip-sampled case and the key questions that apply to it, grouped by standard, for the second-scoring and
// reconciliation screens.
import { useParams } from 'react-router';
import { numberStandards, questionApplies, findCaseQuestion, type KeyQuestion } from '#shared/framework';
import type { StoredCase, StoredInspection } from '../../db';
import { type RatedInspection, useAddressedInspection } from '../ratings/useRatedInspection';

export interface StandardGroup {
  readonly id: string;
  readonly heading: string;
  readonly keyQuestions: readonly KeyQuestion[];
}

export type DipCase =
  | { readonly state: 'loading' }
  | { readonly state: 'missing'; readonly message: string }
  | {
      readonly state: 'ready';
      readonly inspection: StoredInspection;
      readonly sampled: StoredCase;
      readonly rated: RatedInspection;
      readonly groups: readonly StandardGroup[];
    };

export function useDipCase(): DipCase {
  const { caseId } = useParams();
  const { inspection, cases, rated } = useAddressedInspection();
  if (inspection === null) return { state: 'missing', message: 'That inspection does not exist.' };
  if (!inspection || !cases || !rated) return { state: 'loading' };
  const sampled = cases.find((c) => c.id === caseId && !c.deleted);
  if (!sampled) return { state: 'missing', message: 'That case does not exist (it may have been removed).' };
  if (!(inspection.dipSamples ?? []).some((s) => s.caseIds.includes(sampled.id))) {
    return { state: 'missing', message: `Case ${sampled.reference} is not in a dip sample.` };
  }
  const context = { options: inspection.options, caseType: sampled.caseType, attributes: sampled.attributes };
  const numbers = numberStandards(rated.framework, inspection.options);
  const groups = rated.framework.domains
    .flatMap((d) => d.standards)
    .flatMap((s) => (s.method === 'case-sample' ? [s] : []))
    .map((s) => ({
      id: s.id,
      heading: `${numbers.get(s.id) ?? ''} ${s.name}`.trim(),
      keyQuestions: s.keyQuestions.filter((k) => {
        const q = findCaseQuestion(rated.framework, k.id);
        return q !== undefined && questionApplies(q, context);
      }),
    }))
    .filter((g) => g.keyQuestions.length > 0);
  return { state: 'ready', inspection, sampled, rated, groups };
}
