/**
 * What the governance screens' forms offer (docs/console.md, 入驻审核 and 考核评价): the units within the
 * worker's own where an application may be filed or a campaign run (communities and grids), the active
 * service items with their industry (whose regulator assesses), the agreement version in force and the
 * notice days. A console-only read: the rules stay in core/providers' use cases.
 */
import { listScope } from '../auth/list-scope';
import { requireIdentity } from '../kernel/identity';
import type { DatabasePort } from '../kernel/database.port';
import { orThrow } from '../kernel/outcome';
import { DEFAULT_PLATFORM_CONFIG } from '../kernel/platform.config';
import { formatShanghaiMinute } from '../kernel/shanghai-time';
import type { UseCaseInput } from '../kernel/use-case';
import type { ServiceCategory, ServiceItem } from '../model/catalog.model';
import { COLLECTIONS } from '../model/collections.model';
import { INDUSTRY_LABELS, industryOf } from '../model/industry.model';
import type { OrgUnit } from '../model/org-unit.model';
import { rootOf, withinRoot } from './console-scope';

const MAX_UNITS = 300;
const MAX_ITEMS = 300;
const FORM_ACTIONS = ['provider.review', 'provider.evaluate', 'provider.assess'] as const;

export interface GovernanceUnitOption {
  readonly unitId: string;
  /** The full name (玉林市玉州区玉城街道东门社区). */
  readonly name: string;
  readonly level: 'community' | 'grid';
}

export interface GovernanceItemOption {
  readonly itemId: string;
  readonly name: string;
  readonly categoryName: string;
  readonly industryLabel: string;
}

/** `GET /console/api/governance/form`. */
export interface GovernanceFormReply {
  readonly units: readonly GovernanceUnitOption[];
  readonly items: readonly GovernanceItemOption[];
  readonly agreementVersion: string;
  readonly noticeDays: number;
  /** Today in Asia/Shanghai by the platform's clock (YYYY-MM-DD): the forms' default dates. */
  readonly today: string;
}

async function activeItems(db: DatabasePort): Promise<GovernanceItemOption[]> {
  const [items, categories] = await Promise.all([
    db.find<ServiceItem>(
      COLLECTIONS.serviceItems,
      { active: true },
      {
        orderBy: [
          ['categoryId', 'asc'],
          ['sortOrder', 'asc'],
          ['_id', 'asc'],
        ],
        limit: MAX_ITEMS,
      },
    ),
    db.find<ServiceCategory>(COLLECTIONS.serviceCategories, {}, { limit: MAX_ITEMS }),
  ]);
  const byId = new Map(categories.map((c) => [c._id, c]));
  return items
    .filter((i) => i.categoryHidden !== true)
    .map((i) => {
      const category = byId.get(i.categoryId);
      return {
        itemId: i._id,
        name: i.name,
        categoryName: category?.name ?? '',
        industryLabel: INDUSTRY_LABELS[industryOf(category ?? {})],
      };
    });
}

/** The forms' choices for a worker who reviews applications or evaluates providers, in their units. */
export async function governanceForm(input: UseCaseInput): Promise<GovernanceFormReply> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  // Reviewers file paper applications; evaluators (a regulator among them) start campaigns in their units.
  const scopes = FORM_ACTIONS.map((action) => listScope(actor, action));
  const root = rootOf(orThrow(scopes.find((s) => s.ok) ?? scopes[0]!));
  const db = ports.db;
  const [units, items] = await Promise.all([
    db.find<OrgUnit>(
      COLLECTIONS.orgUnits,
      { level: db.command.in(['community', 'grid']), ...withinRoot(db, root, 'path') },
      { orderBy: [['path', 'asc']], limit: MAX_UNITS },
    ),
    activeItems(db),
  ]);
  return {
    units: units.map((u) => ({
      unitId: u._id,
      name: u.fullName || u.name,
      level: u.level === 'grid' ? 'grid' : 'community',
    })),
    items,
    agreementVersion: config.governance.agreementVersion,
    noticeDays: config.governance.noticeDays,
    today: formatShanghaiMinute(ports.clock.now()).slice(0, 10),
  };
}
