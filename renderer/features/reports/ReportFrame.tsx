// The frame of a printable report: a title block with the details and the date, a print button that is not
// printed, and the body. Print styles (styles.css, @media print) hide the app around it.
import type { ReactNode } from 'react';
import { platform } from '../../platform';
import { useCasescore } from '../../state/store';
import './reports.css';

export function ReportFrame({
  title,
  details,
  fileName,
  landscape = false,
  brand = 'Casescore inspection report',
  children,
}: {
  title: string;
  /** The line above the title saying what kind of document this is. */
  brand?: string;
  landscape?: boolean;
  details: readonly (string | undefined | false)[];
  fileName: string;
  children: ReactNode;
}) {
  const notify = useCasescore((s) => s.notify);
  const printed = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  return (
    <main className={landscape ? 'page report report--landscape' : 'page report'}>
      <div className="report-actions no-print">
        <button
          type="button"
          className="button button--primary"
          onClick={async () => {
            const result = await platform().printReport(fileName);
            if (result.saved)
              notify({ kind: 'info', text: `Saved the report${result.where ? ` to ${result.where}` : ''}.` });
          }}
        >
          {platform().kind === 'desktop' ? 'Save as PDF…' : 'Print…'}
        </button>
      </div>
      <header className="report-title">
        <p className="report-brand">{brand}</p>
        <h1>{title}</h1>
        <p className="sub">{[...details.filter(Boolean), `printed ${printed}`].join(' · ')}</p>
      </header>
      {children}
    </main>
  );
}
