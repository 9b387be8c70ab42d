/**
 * `catalog`: public reads (docs/functions.md): the service catalog with each item's availability in a unit,
 * and the org tree, level by level, to pick a grid or community from.
 */
import { listCatalog } from '../../core/catalog/catalog-list.usecase';
import { orgChildren } from '../../core/catalog/org-children.usecase';
import { commandFunction } from '../../function-kit/command-function';

export const main = commandFunction({
  'catalog.list': (ctx, command) => listCatalog({ ...ctx, command }),
  'org.children': (ctx, command) => orgChildren({ ...ctx, command }),
});
