export * from './catalog.data';
export * from './pricing';
