// A screen of one inspection with the live ratings panel beside it (below it under 1100px), for screens that
// do not draw the panel themselves, such as the ratings page.
import type { ReactNode } from 'react';
import { RatingsAside } from './RatingsAside';
import { useAddressedInspection } from './useRatedInspection';

export function WithRatingsPanel({ children }: { children: ReactNode }) {
  const { inspection, rated } = useAddressedInspection();
  // One shape from the first render, so the screen inside is never drawn again from scratch when the panel's
  // data arrives.
  return (
    <div className="with-panel">
      {children}
      {inspection && rated && <RatingsAside inspectionId={inspection.id} rated={rated} />}
    </div>
  );
}
