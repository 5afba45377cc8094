// A rating shown the same way everywhere: its colour and always its words, so colour is never the only signal.
import type { Rating } from '#shared/framework';
import { RATING_LABELS } from '#shared/scoring';
import './ui.css';

export function RatingBadge({
  rating,
  size = 'normal',
}: {
  rating: Rating | null;
  size?: 'normal' | 'large' | 'compact';
}) {
  const name = rating ?? 'not-rated';
  return (
    <span className={`rating rating--${name} rating--${size}`}>
      {rating ? RATING_LABELS[rating] : 'Not rated'}
    </span>
  );
}
