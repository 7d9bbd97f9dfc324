/** Notes: the reader's background notes, their schema, storage and file format. */
export * from './schema';
export * from './db';
export * from './repo';
export * from './file-format';
