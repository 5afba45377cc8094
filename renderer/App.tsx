// The first screen: the London 2022 demo rated live by the scoring engine, laid out like annexe two.
import { useMemo } from 'react';
import { createLondonDemo } from '../seeds';
import { rateInspection, RATING_LABELS } from '../shared/scoring';

export function App() {
  const rated = useMemo(
    () => createLondonDemo().map((i) => ({ inspection: i, rating: rateInspection(i) })),
    [],
  );
  return (
    <main>
      <h1>Casescore</h1>
      <p>London region 2022, rated from its case samples.</p>
      <table>
        <caption>PDU ratings</caption>
        <thead>
          <tr>
            <th scope="col">PDU</th>
            <th scope="col">Score</th>
            <th scope="col">Overall rating</th>
          </tr>
        </thead>
        <tbody>
          {rated.map(({ inspection, rating }) => (
            <tr key={inspection.id}>
              <th scope="row">{inspection.name}</th>
              <td>
                {rating.score}/{rating.maxScore}
              </td>
              <td>{rating.rating ? RATING_LABELS[rating.rating] : 'Not rated'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
