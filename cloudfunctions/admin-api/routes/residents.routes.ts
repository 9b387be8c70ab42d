/**
 * admin-api's routes for acting for residents (代下单, 紧急求助; docs/acting-for-residents.md): one core use
 * case each, the actor from the console session.
 */
import { matchProviders } from '../../../core/matching/match-providers.usecase';
import { cancelOrder } from '../../../core/orders/cancel-order.usecase';
import { placeOrderForResident } from '../../../core/orders/create-order.usecase';
import {
  handleUrgentOrder,
  registerResident,
  setDuty,
} from '../../../core/orders/acting-for-residents.usecase';
import {
  dutyRoster,
  placedOrders,
  residentsForm,
  urgentQueue,
} from '../../../core/orders/acting-for-residents.query';
import { rateOrder } from '../../../core/orders/rate-order.usecase';
import type { HttpRoute } from '../../../function-kit/http-function';

export const residentsRoutes: Readonly<Record<string, HttpRoute>> = {
  'GET /console/api/residents/form': (ctx, r) => residentsForm({ ...ctx, command: r.query }),
  'POST /console/api/residents': (ctx, r) => registerResident({ ...ctx, command: r.body }),
  'POST /console/api/residents/:residentId/match': (ctx, r) =>
    matchProviders({ ...ctx, command: { ...r.body, ...r.params } }),
  'POST /console/api/residents/orders': (ctx, r) => placeOrderForResident({ ...ctx, command: r.body }),
  'GET /console/api/residents/orders': (ctx, r) => placedOrders({ ...ctx, command: r.query }),
  'POST /console/api/residents/orders/:orderId/cancel': (ctx, r) =>
    cancelOrder({ ...ctx, command: { ...r.body, ...r.params } }),
  'POST /console/api/residents/orders/:orderId/rating': (ctx, r) =>
    rateOrder({ ...ctx, command: { ...r.body, ...r.params } }),
  'GET /console/api/residents/urgent': (ctx, r) => urgentQueue({ ...ctx, command: r.query }),
  'POST /console/api/residents/urgent/:orderId/handle': (ctx, r) =>
    handleUrgentOrder({ ...ctx, command: { ...r.body, ...r.params } }),
  'GET /console/api/residents/duty': (ctx, r) => dutyRoster({ ...ctx, command: r.query }),
  'POST /console/api/residents/duty': (ctx, r) => setDuty({ ...ctx, command: r.body }),
};
