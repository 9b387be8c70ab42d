/**
 * Choosing a unit from the org tree a level at a time (org.children): the city's counties first, then
 * down through streets and communities to the estates (小区/网格). Under a community the community itself
 * can be chosen too, for residents whose estate is not listed. It opens at the top when attached (show it
 * with `wx:if`), says while it reads a level, and when a level cannot be read says why with a retry.
 *
 * Events: `choose` `{ unitId, name }` (a grid, or a community as a whole); `close` (取消).
 */
import { orgChildren, type OrgUnitReply } from '../../services/catalog/catalog.service';
import { messageOf } from '../../services/service-error';
import { instanceState } from '../../utils/instance-state';
import { toOrgChoices, type OrgChoiceView } from '../../view-models/profile.view-model';

export interface UnitChosen {
  unitId: string;
  name: string;
}

/** Not rendered: the units behind the rows, the names of the levels passed, the level being read. */
const state = instanceState(() => ({
  units: [] as readonly OrgUnitReply[],
  trail: [] as string[],
  reading: undefined as OrgUnitReply | undefined,
}));

Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    title: { type: String, value: '选择您所在的小区' },
  },
  data: { trail: '', rows: [] as OrgChoiceView[], loading: true, error: '' },
  lifetimes: {
    attached() {
      void this.showUnits(undefined);
    },
  },
  methods: {
    async showUnits(parent: OrgUnitReply | undefined) {
      const s = state(this);
      s.reading = parent;
      this.setData({ loading: true, error: '' });
      try {
        const { units } = await orgChildren(parent?._id);
        s.units = units;
        if (parent !== undefined) s.trail.push(parent.name);
        const rows = toOrgChoices(
          units,
          parent === undefined ? undefined : { id: parent._id, name: parent.name, level: parent.level },
        );
        this.setData({ loading: false, trail: s.trail.join(' / '), rows });
      } catch (e) {
        this.setData({ loading: false, error: messageOf(e) });
      }
    },
    onRetry() {
      void this.showUnits(state(this).reading);
    },
    async onRowTap(e: WechatMiniprogram.CustomEvent<object, object, { index: number }>) {
      const row = this.data.rows[e.currentTarget.dataset.index];
      if (row === undefined || this.data.loading) return;
      if (row.choose) {
        const chosen: UnitChosen = { unitId: row.id, name: row.name };
        this.triggerEvent('choose', chosen);
        return;
      }
      const unit = state(this).units.find((u) => u._id === row.id);
      if (unit !== undefined) await this.showUnits(unit);
    },
    onClose() {
      this.triggerEvent('close', {});
    },
  },
});
