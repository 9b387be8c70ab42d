export * from './idempotency.port';
export * from './request.fingerprint';
export * from './run-idempotent';
