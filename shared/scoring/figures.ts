/**
 * A question's figure in the letter's words: "management oversight was effective, in cases that required it:
 * 51 of 223 cases (23%)". Used by the region view, reports and the rate command alike.
 */
import { standardLabel } from '../framework/labels';
import type { CaseQuestion } from '../framework/questions';
import type { Framework } from '../framework/types';
import type { Tally } from './tally';

/** Yes of applicable (Yes + No), with the share. */
export interface Figure {
  readonly yes: number;
  readonly applicable: number;
  readonly share: number | null;
}

/** The figure a tally gives. */
export function figureOf(tally: Tally): Figure {
  const applicable = tally.yes + tally.no;
  return { yes: tally.yes, applicable, share: applicable > 0 ? tally.yes / applicable : null };
}

/** "51 of 223 (23%)", or "none applicable". Percentages round half up, as the inspectorate prints them. */
export function describeFigure(figure: Figure): string {
  if (figure.applicable === 0 || figure.share === null) return 'none applicable';
  return `${figure.yes} of ${figure.applicable} (${Math.round(figure.share * 100)}%)`;
}

/**
 * What the question asks, as a line heading: the non-rated question's summary, else its text. Given the
 * framework, a key question's standard carries its domain where two standards read alike.
 */
export function questionHeading(question: CaseQuestion, framework?: Framework): string {
  switch (question.kind) {
    case 'non-rated':
      return question.question.summary;
    case 'key-question': {
      const name = framework ? standardLabel(framework, question.standard) : question.standard.name;
      return `${name}: ${question.question.text}`;
    }
    case 'prompt': {
      // Court and out-of-court standards ask the same prompts; only the standard tells them apart.
      const name = framework ? standardLabel(framework, question.standard) : question.standard.name;
      return name === question.standard.name ? question.question.text : `${name}: ${question.question.text}`;
    }
  }
}
