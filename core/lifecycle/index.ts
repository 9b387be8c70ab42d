export * from './state-machine';
export * from './order.lifecycle';
export * from './order.deadlines';
export * from './concern.lifecycle';
export * from './concern.deadlines';
export * from './application.lifecycle';
export * from './provider.lifecycle';
export * from './lifecycle.table';
