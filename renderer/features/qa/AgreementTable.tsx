// A table of agreement figures between first and second scorings: pairs compared, pairs agreed, percentage
// agreement, Cohen's kappa with its 95% interval, Gwet's AC1 and PABAK. Used on the QA page and in the report.
import type { AgreementRow } from '#shared/moderation';
import { agreementPercent, coefficient, kappaWithInterval } from './agreement-format';

export function AgreementTable({ caption, rows }: { caption: string; rows: readonly AgreementRow[] }) {
  return (
    <table className="table agreement-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Of</th>
          <th scope="col">Answers compared</th>
          <th scope="col">Agreed</th>
          <th scope="col">Agreement</th>
          <th scope="col">Cohen’s kappa (95% interval)</th>
          <th scope="col">Gwet’s AC1</th>
          <th scope="col">PABAK</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-row={row.id}>
            <th scope="row">{row.label}</th>
            <td>{row.pairs}</td>
            <td>{row.agreed}</td>
            <td>{agreementPercent(row)}</td>
            <td>{kappaWithInterval(row)}</td>
            <td>{coefficient(row.ac1)}</td>
            <td>{coefficient(row.pabak)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
