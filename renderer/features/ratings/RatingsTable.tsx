// The ratings laid out as annexe two prints them: domains, numbered standards, ratings, the score out of the
// maximum and the overall rating, with overridden ratings told apart from computed ones.
import { Link } from 'react-router';
import type { InspectionRating } from '#shared/scoring';
import { RATING_LABELS } from '#shared/scoring';
import { useMinimumCases } from '../../db';
import { RatingBadge } from '../../ui/RatingBadge';
import { DomainScore, StandardNotes } from './RatingNotes';
import './ratings.css';

export function RatingsTable({
  rating,
  linkTo,
}: {
  rating: InspectionRating;
  linkTo?: (standardId: string) => string;
}) {
  const minimumCases = useMinimumCases();
  return (
    <div className="annexe">
      <p className="annexe-score">
        Score{' '}
        <strong>
          {rating.score}/{rating.maxScore}
        </strong>{' '}
        <span className="sep">·</span> Overall rating <RatingBadge rating={rating.rating} size="large" />
      </p>
      {rating.domains.map((domain) => (
        <section key={domain.id} className="annexe-domain" aria-labelledby={`annexe-${domain.id}`}>
          <h3 id={`annexe-${domain.id}`}>
            {domain.number}. {domain.name} <DomainScore rating={rating} domain={domain} />
          </h3>
          <table className="table annexe-table">
            <tbody>
              {rating.standards
                .filter((s) => s.domainId === domain.id)
                .map((s) => (
                  <tr key={s.id}>
                    <th scope="row">
                      {s.number}{' '}
                      {linkTo && s.method === 'case-sample' ? (
                        <Link to={linkTo(s.id)}>{s.name}</Link>
                      ) : (
                        s.name
                      )}
                    </th>
                    <td>
                      <RatingBadge rating={s.rating} />
                      {s.override && (
                        <span className="override-inline">
                          {' '}
                          overridden; computed{' '}
                          {s.computedRating ? RATING_LABELS[s.computedRating] : 'not rated'}
                        </span>
                      )}
                      <StandardNotes standard={s} minimumCases={minimumCases} />
                    </td>
                    <td className="sub">
                      {s.method === 'judgement' ? 'Judgement' : 'Case sample'}
                      {s.ratedSeparately && ', rated separately: not part of the score'}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
