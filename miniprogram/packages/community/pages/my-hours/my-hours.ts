/**
 * 我的志愿服务 (from 我的 and from 志愿活动): volunteer.me — the volunteer number (never an identity number),
 * total hours, the star level and the hours to the next star, the five kinds of record of 民政部令第67号 as
 * sections; 开具证明: volunteer.certificate's .docx written to the user's data folder and opened with
 * wx.openDocument (its menu lets it be printed or forwarded); the community's 年度排行 (volunteer.ranking) of
 * this year. Someone with no volunteer profile yet is told how one is made, and still sees the ranking.
 */
import type { VolunteerCertificateResult } from 'weimin-core';
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { messageOf, toServiceError } from '../../../../services/service-error';
import { showFailure, showNotice } from '../../../../utils/notice';
import { ROUTES } from '../../../../utils/routes';
import { volunteerCertificate, volunteerMe, volunteerRanking } from '../../services/volunteers.service';
import {
  certificatePath,
  shanghaiYear,
  toMyHoursView,
  toRankingRows,
  type MyHoursView,
  type RankingRowView,
} from '../../view-models/my-hours.view-model';

/** Write the certificate's bytes to `filePath`. */
function writeDocx(filePath: string, base64: string): Promise<void> {
  return new Promise((resolve, reject) => {
    wx.getFileSystemManager().writeFile({
      filePath,
      data: base64,
      encoding: 'base64',
      success: () => resolve(),
      fail: (err) => reject(new Error(err.errMsg)),
    });
  });
}

function openDocx(filePath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    wx.openDocument({
      filePath,
      fileType: 'docx',
      showMenu: true,
      success: () => resolve(),
      fail: (err) => reject(new Error(err.errMsg)),
    });
  });
}

Component({
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.myHours)],
  data: {
    loading: true,
    error: '',
    /** No volunteer profile yet (VOLUNTEER_NOT_FOUND). */
    noProfile: false,
    me: null as MyHoursView | null,
    issuing: false,
    year: 0,
    rankingLoading: true,
    rankingError: '',
    ranking: [] as RankingRowView[],
  },
  methods: {
    onLoad() {
      void this.load();
      void this.loadRanking();
    },
    async load() {
      try {
        const me = toMyHoursView(await volunteerMe());
        this.setData({ loading: false, error: '', noProfile: false, me });
      } catch (e) {
        if (toServiceError(e).code === 'VOLUNTEER_NOT_FOUND')
          this.setData({ loading: false, error: '', noProfile: true, me: null });
        else this.setData({ loading: false, error: messageOf(e) });
      }
    },
    async loadRanking() {
      const year = shanghaiYear(Date.now());
      this.setData({ year, rankingLoading: true, rankingError: '' });
      try {
        this.setData({ rankingLoading: false, ranking: toRankingRows(await volunteerRanking(year)) });
      } catch (e) {
        this.setData({ rankingLoading: false, rankingError: messageOf(e) });
      }
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.load();
    },
    onRetryRanking() {
      void this.loadRanking();
    },
    onActivities() {
      wx.navigateTo({ url: ROUTES.activities });
    },
    /** 开具证明: the numbered certificate, free, opened where it can be printed or forwarded. */
    async onCertificate() {
      if (this.data.issuing) return;
      this.setData({ issuing: true });
      let cert: VolunteerCertificateResult;
      try {
        cert = await volunteerCertificate();
      } catch (e) {
        this.setData({ issuing: false });
        showFailure(this, e);
        return;
      }
      const path = certificatePath(wx.env.USER_DATA_PATH, cert.fileName);
      try {
        await writeDocx(path, cert.base64);
        this.setData({ issuing: false });
        showNotice(this, `已开具志愿服务证明（编号 ${cert.certificateNo}），可在打开的文件里打印或转发`);
        await openDocx(path);
      } catch {
        this.setData({ issuing: false });
        showNotice(this, `证明已开具（编号 ${cert.certificateNo}），但手机没能打开文件，请再点一次`, 'error');
      }
    },
  },
});
