/** Offering prices (free, or a low fee strictly below the market price) and the seeded catalog. */
import { CASE_STUDY_ITEM_NAMES, CATALOG_CATEGORIES, CATALOG_ITEMS } from '../../../core/catalog/catalog.data';
import {
  assertValidPricing,
  describePricing,
  discountPercent,
  formatFen,
  isValidPricing,
} from '../../../core/offerings/pricing';
import type { OfferingPricing } from '../../../core/model/offering.model';
import type { Pricing } from '../../../core/schemas/provider.schema';
import { DomainError } from '../../../core/kernel/errors';

// The command schema's output is what the use cases store: it must fit the stored shape.
const schemaPricingFitsTheModel: (p: Pricing) => OfferingPricing = (p) => p;
void schemaPricingFitsTheModel;

const lowFee = (priceFen: number, marketPriceFen: number, unit = '次'): OfferingPricing => ({
  kind: 'low_fee',
  priceFen,
  marketPriceFen,
  unit,
});

describe('pricing rule', () => {
  test.each([
    [{ kind: 'free' } as OfferingPricing, null],
    [lowFee(3000, 5000), null],
    [lowFee(4999, 5000), null],
    [lowFee(5000, 5000), 'OFFERING_PRICE_NOT_BELOW_MARKET'],
    [lowFee(6000, 5000), 'OFFERING_PRICE_NOT_BELOW_MARKET'],
    [lowFee(0, 5000), 'OFFERING_PRICE_INVALID'],
    [lowFee(12.5, 5000), 'OFFERING_PRICE_INVALID'],
    [lowFee(-100, 5000), 'OFFERING_PRICE_INVALID'],
  ])('%j -> %s', (pricing, code) => {
    let thrown: unknown;
    try {
      assertValidPricing(pricing);
    } catch (e) {
      thrown = e;
    }
    if (code === null) {
      expect(thrown).toBeUndefined();
      expect(isValidPricing(pricing)).toBe(true);
    } else {
      expect(thrown).toBeInstanceOf(DomainError);
      expect((thrown as DomainError).code).toBe(code);
      expect((thrown as DomainError).message).toMatch(/[\u4e00-\u9fa5]/);
      expect(isValidPricing(pricing)).toBe(false);
    }
  });

  test.each([
    [3000, '30元'],
    [1250, '12.50元'],
    [5, '0.05元'],
    [0, '0元'],
    [100_000_000, '1000000元'],
  ])('formatFen(%d) = %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  test.each([
    [{ kind: 'free' } as OfferingPricing, '免费', 0],
    [lowFee(3000, 5000), '30元/次（市场价 50元/次）', 40],
    [lowFee(1550, 2000, '小时'), '15.50元/小时（市场价 20元/小时）', 23],
    [lowFee(100, 200, ''), '1元（市场价 2元）', 50],
  ])('%j is shown as %s, %d%% below market', (pricing, text, percent) => {
    expect(describePricing(pricing)).toBe(text);
    expect(discountPercent(pricing)).toBe(percent);
  });
});

describe('seeded catalog', () => {
  test.each(Object.entries(CASE_STUDY_ITEM_NAMES))(
    'category %s holds the case study items',
    (categoryName, names) => {
      const category = CATALOG_CATEGORIES.find((c) => c.name === categoryName);
      expect(category).toBeDefined();
      const items = CATALOG_ITEMS.filter((item) => item.categoryId === category!.id).map((item) => item.name);
      expect(items).toEqual(expect.arrayContaining([...names]));
    },
  );

  test('ids and names are unique, every item has a known category', () => {
    expect(new Set(CATALOG_ITEMS.map((i) => i.id)).size).toBe(CATALOG_ITEMS.length);
    expect(new Set(CATALOG_ITEMS.map((i) => i.name)).size).toBe(CATALOG_ITEMS.length);
    expect(new Set(CATALOG_CATEGORIES.map((c) => c.id)).size).toBe(CATALOG_CATEGORIES.length);
    const categoryIds = new Set(CATALOG_CATEGORIES.map((c) => c.id));
    for (const item of CATALOG_ITEMS) expect(categoryIds.has(item.categoryId)).toBe(true);
    for (const item of CATALOG_ITEMS) expect(item.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });
});
