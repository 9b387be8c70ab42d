export * from './org-path';
export * from './org-tree';
