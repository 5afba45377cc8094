// Screens wait (a moment, once per window) until the frameworks loaded in Settings are held, so an inspection
// made on one never meets "unknown framework".
import type { ReactNode } from 'react';
import { useStoredFrameworksHeld } from './held';

export function FrameworksGate({ children }: { children: ReactNode }) {
  const { ready, problems } = useStoredFrameworksHeld();
  if (!ready) {
    return (
      <main className="page" aria-busy="true">
        <p>Loading frameworks…</p>
      </main>
    );
  }
  return (
    <>
      {problems.length > 0 && (
        <div className="message message--error" role="alert">
          {problems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </div>
      )}
      {children}
    </>
  );
}
