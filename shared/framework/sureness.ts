// How many of a framework's rules are marked confirmed and unconfirmed: said by `npm run framework -- check` and
// by the Settings list of frameworks, in the same words.
import type { Framework, RuleBasis } from './types';

/** Every rule's basis in the framework (absent where a rule carries no mark). */
function bases(framework: Framework): (RuleBasis | undefined)[] {
  const standards = framework.domains.flatMap((d) => d.standards);
  return [
    ...framework.domains.map((d) => d.basis),
    ...standards.map((s) => s.basis),
    ...standards.flatMap((s) => s.keyQuestions.map((k) => k.basis)),
    ...framework.nonRatedQuestions.map((q) => q.basis),
    ...framework.keyQuestionBands.map((b) => b.basis),
    ...framework.overall.publishedTables.map((t) => t.basis),
    framework.overall.pointsBasis,
    framework.overall.proportionalRuleBasis,
    framework.standardRating?.basis,
    framework.numbering?.basis,
  ];
}

/** "17 confirmed, 37 unconfirmed" (and how many carry no mark, where any do not). */
export function describeSureness(framework: Framework): string {
  const all = bases(framework);
  const confirmed = all.filter((b) => b?.sure === 'confirmed').length;
  const unconfirmed = all.filter((b) => b?.sure === 'unconfirmed').length;
  const unmarked = all.length - confirmed - unconfirmed;
  return `${confirmed} confirmed, ${unconfirmed} unconfirmed${unmarked > 0 ? `, ${unmarked} without a mark` : ''}`;
}
