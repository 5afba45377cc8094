// Who is making changes: the inspector's initials, provided once the first-run prompt has been answered.
import { createContext, useContext } from 'react';

export const ActorContext = createContext<string | null>(null);

/** The initials every change made on this screen is stamped with. */
export function useActor(): string {
  const initials = useContext(ActorContext);
  if (initials === null) throw new Error('useActor is used outside the initials gate');
  return initials;
}
