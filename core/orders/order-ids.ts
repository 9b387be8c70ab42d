/** Ids the order loop derives from an order's, so a second follow-up or rating of one order cannot exist. */

/** One follow-up per order: its id is derived from the order's. */
export function followUpIdOf(orderId: string): string {
  return `fu-${orderId}`;
}

/** One rating per order: its id is derived from the order's. */
export function ratingIdOf(orderId: string): string {
  return `rat-${orderId}`;
}
