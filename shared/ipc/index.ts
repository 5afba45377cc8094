/** The typed contract between the desktop shell's preload and main process. */
export * from './channels';
export * from './contract';
