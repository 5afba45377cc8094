// The encrypted file waiting for its passphrase, between choosing it and the unlock page opening it.
import { create } from 'zustand';
import type { LockedImport } from './transfer';

export const useLockedImport = create<{
  locked: LockedImport | null;
  set: (locked: LockedImport | null) => void;
}>((set) => ({ locked: null, set: (locked) => set({ locked }) }));
