// The region view: one round of one framework's inspections side by side like annexe two, and the letter's
// figures for every question, with the split by PDU (or youth justice service) behind each. A region with
// several rounds or frameworks offers each one by name.
import { Link, useParams, useSearchParams } from 'react-router';
import { answersToCsv } from '#shared/interchange';
import { platform } from '../../platform';
import { ExportButton } from '../transfer/ExportButton';
import { useCasescore } from '../../state/store';
import { plural } from '../../ui/format';
import { describeGroup, groupPath, type RegionGroup } from './region-groups';
import { RegionAnnexe, RegionFigures } from './RegionSummary';
import { useRegion } from './useRegion';
import './region.css';

/** The groups of a region as links, each named by round and framework with how many inspections it has. */
export function RegionGroupLinks({ groups }: { groups: readonly RegionGroup[] }) {
  return (
    <ul className="region-links">
      {groups.map((g) => (
        <li key={groupPath(g)}>
          <Link to={groupPath(g)}>
            {g.region}, {describeGroup(g)}
          </Link>{' '}
          <span className="sub">({plural(g.count, 'inspection')})</span>
        </li>
      ))}
    </ul>
  );
}

/** The region, round and framework the address names. */
export function useRegionAddress() {
  // The router has already decoded the name; decoding again would throw on a name with a % in it.
  const region = useParams().region ?? '';
  const [search] = useSearchParams();
  return { region, round: search.get('round'), framework: search.get('framework') };
}

export function RegionPage() {
  const address = useRegionAddress();
  const { region } = address;
  const state = useRegion(region, address.round, address.framework);
  const notify = useCasescore((s) => s.notify);
  const words = state.status === 'ready' ? state.framework.words : null;
  return (
    <main className="page page--wide">
      <div className="page-head">
        <div>
          <h1>
            {region} region
            {state.status === 'ready' && state.group.round ? `, round ${state.group.round}` : ''}
          </h1>
          {state.status === 'ready' && words && (
            <p className="sub">
              {plural(state.inspections.length, words.unit, words.units)} · {state.framework.name} ·{' '}
              {plural(
                state.inspections.reduce((n, i) => n + i.cases.filter((c) => !c.deleted).length, 0),
                'case',
              )}
            </p>
          )}
        </div>
        {state.status === 'ready' && (
          <div className="actions">
            <Link className="button" to={groupPath(state.group, '/report')}>
              Region report
            </Link>
            <ExportButton ids={state.inspections.map((i) => i.id)}>Export region</ExportButton>
            <button
              type="button"
              className="button"
              onClick={async () => {
                const result = await platform().saveFile(
                  `${region} answers.csv`,
                  answersToCsv(state.inspections),
                  'csv',
                );
                if (result.saved)
                  notify({
                    kind: 'info',
                    text: `Saved the region's answers as CSV${result.where ? ` to ${result.where}` : ''}.`,
                  });
              }}
            >
              Export answers (CSV)
            </button>
          </div>
        )}
      </div>
      {state.status === 'loading' && <p>Loading…</p>}
      {state.status === 'empty' && <p className="empty">No inspections have the region {region}.</p>}
      {state.status === 'choose' && (
        <section aria-labelledby="choose-heading">
          <h2 id="choose-heading">Choose a round and framework</h2>
          <p>
            {region}’s inspections span more than one round or framework. Inspections are compared side by
            side only within one round of one framework, so each is shown on its own:
          </p>
          <RegionGroupLinks groups={state.groups} />
        </section>
      )}
      {state.status === 'ready' && words && (
        <>
          <RegionAnnexe framework={state.framework} inspections={state.inspections} rollUp={state.rollUp} />
          <h2>Figures across the region</h2>
          <p className="hint">
            Each line counts Yes among cases answered Yes or No; open a line for the split by {words.unit}.
          </p>
          <RegionFigures framework={state.framework} inspections={state.inspections} rollUp={state.rollUp} />
          {state.others.length > 0 && (
            <section aria-labelledby="other-groups-heading">
              <h2 id="other-groups-heading">The region’s other rounds and frameworks</h2>
              <RegionGroupLinks groups={state.others} />
            </section>
          )}
        </>
      )}
    </main>
  );
}
