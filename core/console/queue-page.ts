/** A page of a queue (the house style of the core's lists). */
export interface QueuePage<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly hasMore: boolean;
}
