export * from './message-outbox';
