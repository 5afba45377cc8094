// The live ratings panel in the column beside a screen (below it under 1100px): the one aside every screen of an
// inspection draws, so the panel is laid out and fed the same way everywhere.
import { useActor } from '../settings/actor';
import { RatingsPanel } from './RatingsPanel';
import type { RatedInspection } from './useRatedInspection';

export function RatingsAside({ inspectionId, rated }: { inspectionId: string; rated: RatedInspection }) {
  const by = useActor();
  return (
    <aside className="panel">
      <RatingsPanel
        inspectionId={inspectionId}
        framework={rated.framework}
        rating={rated.rating}
        unfinished={rated.unfinished}
        by={by}
      />
    </aside>
  );
}
