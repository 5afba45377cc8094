// Export buttons and the menu's export: each opens the export dialog for the given inspections (all of them
// when none are given), where the person chooses how the file leaves.
import { useState, type ReactNode } from 'react';
import { create } from 'zustand';
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

/** An export asked for from the application menu (File › Export): every inspection, through the same dialog. */
export const useMenuExport = create<{ open: boolean; setOpen: (open: boolean) => void }>((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));

/** The export dialog the menu opens; mounted once, in the frame. */
export function MenuExportDialog() {
  const { open, setOpen } = useMenuExport();
  return open ? <ExportDialog onClose={() => setOpen(false)} /> : null;
}
