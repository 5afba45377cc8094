// How sure a rating is, in words: intervals as "80% likely range 78%–96%", and a standard's unsettled band.
import { RATING_LABELS, type StandardCertainty } from '#shared/scoring';
import type { Interval } from '#shared/statistics';
import { percent } from '../../ui/format';

/** "80% interval 78%–96%". */
export function describeInterval(interval: Interval): string {
  return `${percent(interval.level)} interval ${percent(interval.lower)}–${percent(interval.upper)}`;
}

/** The sentence under a standard whose band is not settled, or `null` when it is. */
export function describeUnsettled(certainty: StandardCertainty): string | null {
  if (certainty.settled) return null;
  const range = `${RATING_LABELS[certainty.lowestBand.rating]} to ${RATING_LABELS[certainty.highestBand.rating]}`;
  const more =
    certainty.moreCasesToSettle === null
      ? 'more cases alone would not settle it while a key question sits on a band edge, or it would take over 2,000'
      : `about ${certainty.moreCasesToSettle} more case${certainty.moreCasesToSettle === 1 ? '' : 's'} answering its key questions in today’s proportions would settle it`;
  return `Band not settled: at ${percent(certainty.level)} confidence the rating could be anything from ${range}; ${more}`;
}
