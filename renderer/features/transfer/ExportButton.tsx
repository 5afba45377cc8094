// An export button: opens the export dialog for the given inspections (all of them when none are given).
import { useState, type ReactNode } from 'react';
import { ExportDialog } from './ExportDialog';

export function ExportButton({
  ids,
  disabled,
  children,
}: {
  ids?: readonly string[];
  disabled?: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" disabled={disabled} onClick={() => setOpen(true)}>
        {children}
      </button>
      {open && <ExportDialog {...(ids ? { ids } : {})} onClose={() => setOpen(false)} />}
    </>
  );
}
