// The application menu's commands, carried out in the renderer that owns them.
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import type { MenuCommand } from '#shared/ipc';
import { useLock } from '../features/lock/lock-state';
import { useMenuExport } from '../features/transfer/ExportButton';
import { useStartImport } from '../features/transfer/useStartImport';
import type { Platform } from '../platform';
import { useCasescore } from '../state/store';
import { paths } from './paths';

function typingInField(): boolean {
  const active = document.activeElement;
  return (
    active instanceof HTMLElement &&
    (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName))
  );
}

export function useMenuCommands(platform: Platform, by: string | null): void {
  const navigate = useNavigate();
  const undo = useCasescore((s) => s.undo);
  const redo = useCasescore((s) => s.redo);
  const startImport = useStartImport(platform);
  const openExport = useMenuExport((s) => s.setOpen);
  const lock = useLock((s) => s.lock);
  useEffect(() => {
    if (!by) return;
    const run = async (command: MenuCommand) => {
      switch (command) {
        case 'new-inspection':
          navigate(paths.newInspection());
          return;
        case 'export':
          openExport(true);
          return;
        case 'import':
          await startImport();
          return;
        case 'print':
          await platform.printReport('casescore-report.pdf');
          return;
        case 'undo':
          // In a text field the menu undoes typing; elsewhere it undoes answers.
          if (typingInField()) document.execCommand('undo');
          else await undo(by);
          return;
        case 'redo':
          if (typingInField()) document.execCommand('redo');
          else await redo(by);
          return;
        case 'backup-now':
          navigate('/backups');
          return;
        case 'lock':
          lock();
          return;
        default: {
          const unhandled: never = command;
          throw new Error(`Unhandled menu command ${String(unhandled)}`);
        }
      }
    };
    return platform.onMenuCommand((command) => void run(command));
  }, [platform, by, navigate, undo, redo, startImport, openExport, lock]);
}
