import type { Industry } from './industry.model';
import type { BaseDocument, Located, Timestamps } from './common.model';

/** `service_categories`: 服务类别 (家政服务, 休闲活动, 便民服务...). */
export interface ServiceCategory extends BaseDocument, Timestamps {
  readonly name: string;
  readonly description: string;
  readonly sortOrder: number;
  /** Hidden categories stay for history (orders keep pointing at them) but are not offered. */
  readonly active: boolean;
  /** Whose regulator reviews and oversees its providers (core/model/industry.model.ts); absent: 民政. */
  readonly industry?: Industry;
}

/**
 * `service_items`: 服务项目, what a resident ticks (家电维修, 预约挂号...). Workers may add items; `orgPath` is the
 * unit that added it (the city for the case study's catalog) and bounds where it is offered.
 */
export interface ServiceItem extends BaseDocument, Timestamps, Located {
  readonly name: string;
  readonly categoryId: string;
  readonly description: string;
  readonly sortOrder: number;
  readonly active: boolean;
  /** True for the items the case study lists (section 二(二)一); false for those added later. */
  readonly fromCaseStudy: boolean;
  /** Who added it; null for the seeded catalog. */
  readonly createdBy: string | null;
  /**
   * Its category is hidden (copied from the category by catalog.visibility.set, so matching reads no
   * category): not offered, like a hidden item. Absent or false otherwise.
   */
  readonly categoryHidden?: boolean;
}
