/** The team server's signed messages: batches of changes, team lists, and the sign-in challenge (docs/sync.md). */
export * from './batch';
export * from './roster';
export * from './session';
export * from './changes';
export * from './server-address';
