// Starting an import from a button or the menu: read and validate the file, then open the review screen.
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import type { Platform } from '../../platform';
import { useCasescore } from '../../state/store';
import { readImport } from './transfer';
import { useLockedImport } from './unlock';

export function useStartImport(platform: Platform): () => Promise<void> {
  const navigate = useNavigate();
  const notify = useCasescore((s) => s.notify);
  const setPendingImport = useCasescore((s) => s.setPendingImport);
  const setLocked = useLockedImport((s) => s.set);
  return useCallback(async () => {
    const result = await readImport(platform);
    if (!result) return;
    if ('kind' in result && result.kind === 'locked') {
      setLocked(result);
      navigate('/import/unlock');
      return;
    }
    if ('kind' in result) {
      notify(result);
      return;
    }
    setPendingImport(result);
    navigate('/import');
  }, [platform, navigate, notify, setPendingImport, setLocked]);
}
