export * from './profile.errors';
export * from './phone-number.port';
export * from './profile.view';
export * from './get-profile.usecase';
export * from './bind-profile.usecase';
export * from './set-phone.usecase';
