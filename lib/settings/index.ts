/** Settings: the reader's global and per-site switches, and where they are stored. */
export * from './schema';
export * from './store';
