export * from './provider-staff.errors';
export * from './staff-invite.policy';
export * from './staff-invite.usecase';
export * from './staff-bind.usecase';
