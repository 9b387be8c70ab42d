export * from './roles';
export * from './actions';
export * from './permissions.matrix';
export * from './authorize';
export * from './permissions.table';
