export * from './ratings.aggregate';
export * from './reputation.formula';
