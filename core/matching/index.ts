export * from './match-selection.policy';
export * from './match-providers.usecase';
export * from './matchable-offerings';
