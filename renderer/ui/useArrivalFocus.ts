// Focus for a page arrived at after an action that removed what had focus (creating an inspection, removing a
// case): the page's heading takes it, so a keyboard or screen-reader user is not left on the body. The
// navigation says so with `state: ARRIVAL`; ordinary navigation leaves focus alone.
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/** The navigation state asking the page arrived at to focus its heading. */
export const ARRIVAL = { focusHeading: true } as const;

/** Put on the page's h1 (which gets tabIndex -1): focuses it when arrived at with ARRIVAL. */
export function useArrivalFocus<T extends HTMLElement>(ready: boolean) {
  const heading = useRef<T>(null);
  const location = useLocation();
  const wanted = (location.state as { focusHeading?: boolean } | null)?.focusHeading === true;
  useEffect(() => {
    if (ready && wanted) heading.current?.focus();
  }, [ready, wanted, location.key]);
  return heading;
}
