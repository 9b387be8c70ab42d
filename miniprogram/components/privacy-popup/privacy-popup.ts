/**
 * The privacy guide popup: put one on every page that collects personal data. It shows when WeChat asks
 * for the user's agreement (privacy-guard.ts) and answers with the user's choice; the agree button is
 * WeChat's own `open-type="agreePrivacyAuthorization"`. Its sizes follow the host page's 长辈模式 through the
 * page's CSS variables; the guide itself opens from a link of its own, a full-size touch target.
 */
import { answerPrivacy, attachPopup, detachPopup, installPrivacyGuard } from './privacy-guard';

Component({
  data: { visible: false, contractName: '《个人信息保护指引》' },
  lifetimes: {
    attached() {
      installPrivacyGuard();
      attachPopup(this);
      if (typeof wx.getPrivacySetting === 'function') {
        wx.getPrivacySetting({
          success: (res) => {
            if (res.privacyContractName) this.setData({ contractName: res.privacyContractName });
          },
        });
      }
    },
    detached() {
      detachPopup(this);
    },
  },
  pageLifetimes: {
    // The page on top answers: showing again puts this page's popup first.
    show() {
      attachPopup(this);
    },
  },
  methods: {
    open() {
      this.setData({ visible: true });
    },
    close() {
      if (this.data.visible) this.setData({ visible: false });
    },
    onAgree() {
      answerPrivacy(true);
    },
    onDisagree() {
      answerPrivacy(false);
    },
    onOpenContract() {
      if (typeof wx.openPrivacyContract === 'function') wx.openPrivacyContract({});
    },
  },
});
