/**
 * 切换演示身份, local mode only (nothing renders in cloud mode): the demo identity the mini-program acts as
 * towards the local cloud, the list of those the running local cloud accepts, and the switch to another,
 * kept on the device from the next call on (services/local-identity). When the list cannot be read or the
 * choice is refused, it says why in place, with a retry.
 *
 * Events: `change` `{ openid, title }` after switching (the host reloads what it shows as the new identity).
 */
import { messageOf } from '../../services/service-error';
import {
  currentLocalOpenid,
  identitySwitchAvailable,
  loadLocalIdentities,
  switchLocalIdentity,
} from '../../services/local-identity/local-identity.service';
import { toIdentityChoices, type IdentityChoiceView } from '../../view-models/local-identity.view-model';

export interface IdentitySwitched {
  openid: string;
  title: string;
}

Component({
  options: { styleIsolation: 'apply-shared' },
  data: { available: false, openid: '', open: false, error: '', rows: [] as IdentityChoiceView[] },
  lifetimes: {
    attached() {
      if (identitySwitchAvailable()) this.setData({ available: true, openid: currentLocalOpenid() });
    },
  },
  methods: {
    async onOpen() {
      try {
        const rows = toIdentityChoices(await loadLocalIdentities(), currentLocalOpenid());
        this.setData({ open: true, error: '', rows });
      } catch (e) {
        this.setData({ open: false, error: messageOf(e) });
      }
    },
    onChoose(e: WechatMiniprogram.CustomEvent<object, object, { index: number }>) {
      const row = this.data.rows[e.currentTarget.dataset.index];
      if (row === undefined) return;
      try {
        switchLocalIdentity(row.openid);
      } catch (err) {
        this.setData({ error: messageOf(err) });
        return;
      }
      this.setData({ open: false, error: '', openid: row.openid });
      const switched: IdentitySwitched = { openid: row.openid, title: row.title };
      this.triggerEvent('change', switched);
    },
    onClose() {
      this.setData({ open: false, error: '' });
    },
  },
});
