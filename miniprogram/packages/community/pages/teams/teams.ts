/**
 * 微团队: the active volunteer teams serving the resident's community (team.list), most hours first, a page at a
 * time (decision 0040): name, bond (地缘、趣缘、业缘), services, the leader's masked name, members and hours. A
 * tap opens the team, where one applies or joins with a code.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { pagedListBehavior } from '../../../../behaviors/paged-list.behavior';
import { ROUTES, withQuery } from '../../../../utils/routes';
import { listTeams } from '../../services/teams.service';
import { toTeamRow, type TeamRow } from '../../view-models/team.view-model';

Component({
  behaviors: [
    elderModeBehavior,
    pageNoticeBehavior(ROUTES.teams),
    pagedListBehavior({
      load: (_page, pageNo) => listTeams(pageNo),
      rows: (reply) => reply.items.map(toTeamRow),
    }),
  ],
  data: {
    rows: [] as TeamRow[],
  },
  methods: {
    onLoad() {
      void this.reload();
    },
    onOpen(e: WechatMiniprogram.CustomEvent<object, object, { id: string }>) {
      wx.navigateTo({ url: withQuery(ROUTES.team, { teamId: e.currentTarget.dataset.id }) });
    },
  },
});
