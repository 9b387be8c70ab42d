export * from './catalog.data';
export * from './pricing';
export * from './catalog.errors';
export * from './org-unit.reader';
export * from './catalog-list.usecase';
export * from './org-children.usecase';
