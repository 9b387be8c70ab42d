/**
 * admin-api's routes for the catalog, people and places screens (docs/people-and-places.md): one line each,
 * the query or body as the input of one core use case. Accounts keep their routes in index.ts.
 */
import { listCatalogForConsole } from '../../../core/catalog/catalog-manage.query';
import { saveCategory, saveItem, setCatalogVisibility } from '../../../core/catalog/catalog-save.usecase';
import { listPlaces, moveOrgUnit, saveOrgUnit } from '../../../core/console/org-units.usecase';
import { listPeople } from '../../../core/console/people.query';
import { manageRole } from '../../../core/console/role-grant.usecase';
import type { HttpRoute } from '../../../function-kit/http-function';

export const peopleRoutes: Readonly<Record<string, HttpRoute>> = {
  'GET /console/api/catalog': (ctx, r) => listCatalogForConsole({ ...ctx, command: r.query }),
  'POST /console/api/catalog/categories': (ctx, r) => saveCategory({ ...ctx, command: r.body }),
  'POST /console/api/catalog/items': (ctx, r) => saveItem({ ...ctx, command: r.body }),
  'POST /console/api/catalog/visibility': (ctx, r) => setCatalogVisibility({ ...ctx, command: r.body }),
  'GET /console/api/people': (ctx, r) => listPeople({ ...ctx, command: r.query }),
  'POST /console/api/people/roles': (ctx, r) => manageRole({ ...ctx, command: r.body }),
  'GET /console/api/places': (ctx, r) => listPlaces({ ...ctx, command: r.query }),
  'POST /console/api/places': (ctx, r) => saveOrgUnit({ ...ctx, command: r.body }),
  'POST /console/api/places/:unitId/move': (ctx, r) =>
    moveOrgUnit({ ...ctx, command: { ...r.body, ...r.params } }),
};
