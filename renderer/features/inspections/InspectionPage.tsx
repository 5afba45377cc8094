// One inspection: its details, the case sample or the judged standards, and the live ratings beside them.
import { NavLink } from 'react-router';
import { numberStandards } from '#shared/framework';
import { longDate } from '../../ui/format';
import { AddCases } from '../cases/AddCases';
import { SampleSizeHelper } from '../cases/SampleSizeHelper';
import { CaseList } from '../cases/CaseList';
import { InspectionTabs } from './InspectionTabs';
import { JudgementsPanel } from '../judgements/JudgementsPanel';
import { RatingsAside } from '../ratings/RatingsAside';
import { ExportButton } from '../transfer/ExportButton';
import { paths } from '../../app/paths';
import { useArrivalFocus } from '../../ui/useArrivalFocus';
import { useAddressedInspection } from '../ratings/useRatedInspection';

export function InspectionPage({ tab }: { tab: 'cases' | 'judgements' }) {
  const { inspection, cases, rated } = useAddressedInspection();
  const heading = useArrivalFocus<HTMLHeadingElement>(Boolean(inspection && cases && rated));
  if (inspection === null || inspection?.deletedAt) {
    return <main className="page">That inspection does not exist (it may have been deleted).</main>;
  }
  if (!inspection || !cases || !rated) return <main className="page">Loading…</main>;
  const numbers = numberStandards(rated.framework, inspection.options);
  return (
    <div className="with-panel">
      <main className="page">
        <div className="page-head">
          <div>
            <h1 ref={heading} tabIndex={-1}>
              {inspection.name}
            </h1>
            <p className="sub">
              {[
                inspection.region,
                inspection.round && `round ${inspection.round}`,
                inspection.fieldworkStart && `fieldwork from ${longDate(inspection.fieldworkStart)}`,
                inspection.leadInspector && `lead inspector ${inspection.leadInspector}`,
                rated.framework.name,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
          </div>
          <div className="actions">
            <ExportButton ids={[inspection.id]}>Export</ExportButton>
            <NavLink className="button" to={paths.editInspection(inspection.id)}>
              Edit details
            </NavLink>
          </div>
        </div>
        <InspectionTabs inspection={inspection} />
        {tab === 'cases' ? (
          <>
            <CaseList inspection={inspection} framework={rated.framework} cases={cases} />
            <AddCases inspectionId={inspection.id} framework={rated.framework} />
            <SampleSizeHelper sampled={cases.filter((c) => !c.deleted).length} />
          </>
        ) : (
          <JudgementsPanel inspection={inspection} framework={rated.framework} numbers={numbers} />
        )}
      </main>
      <RatingsAside inspectionId={inspection.id} rated={rated} />
    </div>
  );
}
