/**
 * Why an inspection is scored out of less than its full maximum, in one plain sentence naming the standards
 * left out: "Scored out of 27, not 36, because 3.1 Assessment, 3.2 Planning and 3.3 Implementation and
 * delivery (out-of-court disposals) are not rated: no out-of-court cases in the sample."
 */
import type { Framework } from '../framework/types';
import type { InspectionRating } from './inspection';
import { describeNotRated } from './not-rated';
import type { StandardResult } from './standard';

function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The sentence, or `null` when every standard the inspection rates has a rating. */
export function describeMaximum(framework: Framework, rating: InspectionRating): string | null {
  // A standard rated separately (youth resettlement) is outside the score, so it neither adds to the full
  // maximum nor takes from it.
  const counted = rating.standards.filter((s) => s.ratedSeparately !== true);
  const full = counted.length * framework.overall.points.outstanding;
  const left = counted.filter((s) => s.rating === null);
  if (left.length === 0 || rating.maxScore >= full) return null;
  const byReason = new Map<string, StandardResult[]>();
  for (const s of left) {
    const why = s.notRated ? describeNotRated(s.notRated) : 'not rated';
    byReason.set(why, [...(byReason.get(why) ?? []), s]);
  }
  const groups = [...byReason.entries()].map(([why, standards]) => {
    const names = list(standards.map((s) => `${s.number} ${s.name}`));
    return `${names} ${standards.length === 1 ? 'is' : 'are'} not rated (${why})`;
  });
  const basis =
    rating.ratingBasis === 'proportional-rule'
      ? `; no published table covers ${rating.maxScore}, so the overall rating uses the same proportions as the table for ${full}`
      : '';
  return `Scored out of ${rating.maxScore}, not ${full}, because ${list(groups)}${basis}.`;
}
