/**
 * Display numbers ("2.1 Court work", "2.2 Assessment") are derived, never stored: they shift when an
 * inspection does not rate court work, while ids never do.
 */
import { standardIsRated } from './applicability';
import type { Framework } from './types';

/** Display number of each rated domain ("1", "2"), keyed by domain id. */
export function numberDomains(framework: Framework): ReadonlyMap<string, string> {
  return new Map(framework.domains.map((d, i) => [d.id, String(i + 1)]));
}

/**
 * Display number of each standard the inspection rates, keyed by standard id. Standards the inspection does
 * not rate get no number and (unless the framework's numbering keeps places) do not use one up.
 */
export function numberStandards(
  framework: Framework,
  options: Readonly<Record<string, boolean>>,
): ReadonlyMap<string, string> {
  const numbers = new Map<string, string>();
  const keepPlaces = framework.numbering?.unratedStandards === 'kept';
  framework.domains.forEach((domain, domainIndex) => {
    let position = 0;
    for (const standard of domain.standards) {
      const rated = standardIsRated(standard, options);
      if (rated || keepPlaces) position += 1;
      if (rated) numbers.set(standard.id, `${domainIndex + 1}.${position}`);
    }
  });
  return numbers;
}

/**
 * Display number of each case question the inspection rates, keyed by question id: a key question is its
 * standard's number and its place ("2.2.1"), a prompt adds a letter ("2.2.1a"), and the questions that are
 * not rated follow their standard's key questions ("2.4.4"). Questions of standards the inspection does not
 * rate get no number.
 */
export function numberCaseQuestions(
  framework: Framework,
  options: Readonly<Record<string, boolean>>,
): ReadonlyMap<string, string> {
  const standards = numberStandards(framework, options);
  const numbers = new Map<string, string>();
  const next = new Map<string, number>();
  for (const domain of framework.domains) {
    for (const standard of domain.standards) {
      const standardNumber = standards.get(standard.id);
      if (standard.method !== 'case-sample' || standardNumber === undefined) continue;
      standard.keyQuestions.forEach((keyQuestion, k) => {
        const number = `${standardNumber}.${k + 1}`;
        numbers.set(keyQuestion.id, number);
        keyQuestion.prompts.forEach((prompt, p) => numbers.set(prompt.id, `${number}${letter(p)}`));
      });
      next.set(standard.id, standard.keyQuestions.length + 1);
    }
  }
  for (const question of framework.nonRatedQuestions) {
    const standardNumber = standards.get(question.standardId);
    const place = next.get(question.standardId);
    if (standardNumber === undefined || place === undefined) continue;
    numbers.set(question.id, `${standardNumber}.${place}`);
    next.set(question.standardId, place + 1);
  }
  return numbers;
}

/** a, b, … z, then aa, ab: prompts rarely pass a handful. */
function letter(index: number): string {
  const base = String.fromCharCode(97 + (index % 26));
  return index < 26 ? base : `${letter(Math.floor(index / 26) - 1)}${base}`;
}
