/**
 * Every action of the platform that needs a permission, with its Chinese label (used in denial messages
 * and in docs/permissions.md). The matrix in permissions.matrix.ts says who may do each, and where.
 */
export const ACTION_LABELS = {
  // Profile
  'profile.bind': '绑定所在社区/网格',
  'profile.phone.set': '设置联系电话',
  // A resident's rights over their personal data (PIPL arts. 44-47, 50)
  'profile.export': '查看和复制本人的个人信息',
  'profile.phone.withdraw': '撤回联系电话授权',
  'profile.delete': '注销本人账号',
  'privacy.request.submit': '提交个人信息申请',
  'privacy.request.view': '查看个人信息申请',
  'privacy.request.handle': '办理个人信息申请',
  // The message centre (消息中心): every notice, whatever WeChat did with its subscribe message
  'message.view': '查看本人的消息',
  'message.read': '将本人的消息标为已读',
  // Catalog
  'catalog.read': '查看服务目录',
  'catalog.manage': '管理服务类别和项目',
  // Providers: onboarding
  'provider.view': '查看服务机构和红星榜',
  'provider.apply': '提交入驻申请',
  'provider.withdraw': '撤回入驻申请',
  'provider.object': '对入驻公示提出异议',
  'provider.review': '审核入驻申请',
  'provider.notice': '发布入驻公示',
  'provider.sign': '签署服务协定',
  'provider.assess': '评估入驻申请（意见和评分表）',
  'provider.application.view': '查看入驻申请材料',
  'provider.objection.answer': '答复公示异议',
  // Providers: running
  'provider.profile.update': '维护服务机构资料',
  'provider.staff.manage': '邀请或移除机构人员',
  'provider.staff.bind': '凭邀请码绑定服务机构',
  'offering.view': '查看本机构的服务报价（含待审核项目）',
  'offering.manage': '管理服务报价',
  'offering.review': '审核新增服务项目',
  'provider.evaluate': '考核评价服务机构',
  'provider.rectify': '责令整改或验收整改',
  'provider.suspend': '暂停服务机构',
  'provider.reinstate': '恢复服务机构',
  'provider.blacklist': '清退服务机构并列入黑名单',
  'provider.exit': '服务机构退出平台',
  'provider.report.view': '查看清退报备记录',
  'provider.standing.view': '查看本机构的星级和得分构成',
  // Matching and orders
  'match.request': '匹配服务机构',
  'order.create': '下单',
  'order.cancel': '取消订单',
  'order.accept': '接单',
  'order.decline': '拒单',
  'order.expire': '订单超时未接',
  'order.done': '完成服务',
  'order.follow_up': '记录回访',
  'order.rate': '评价服务',
  'order.close': '关闭订单',
  'order.view': '查看订单',
  // Acting for residents who cannot use the mini-program, and urgent requests (紧急求助)
  'order.place_for_resident': '代居民下单',
  'order.urgent.handle': '处理紧急求助',
  'resident.phone.view': '查看居民联系电话',
  'complaint.submit': '投诉服务机构',
  'complaint.handle': '核实处理投诉',
  'complaint.view': '查看投诉',
  // 差评 follow-up (好差评): tickets, the resident's second rating, appeals against malicious ratings
  'feedback.ticket.view': '查看差评回访工单',
  'feedback.ticket.handle': '办理差评回访工单',
  'rating.rerate': '整改后再次评价',
  'rating.appeal': '对恶意评价提出申诉',
  'rating.appeal.decide': '裁定评价申诉',
  // Moderation of what users write (texts content security held for review, ratings held for review)
  'moderation.view': '查看待审核的内容',
  'moderation.decide': '审核用户发布的内容',
  // Concerns (忧心事 / 微心愿)
  'concern.submit': '提交忧心事/微心愿',
  'concern.withdraw': '撤回忧心事/微心愿',
  'concern.browse': '浏览已发布的事项',
  'concern.view': '查看事项详情',
  'concern.review': '审核事项',
  'concern.publish': '发布事项',
  'concern.claim': '认领事项',
  'concern.release': '退回认领',
  'concern.update': '更新办理进展',
  'concern.resolve': '办结事项',
  'concern.confirm': '确认办结结果',
  'concern.escalate': '逐级推送事项',
  'concern.refer': '提交联席会议',
  'concern.close': '关闭事项',
  'joint_meeting.take': '联席会议承接事项',
  'joint_meeting.manage': '联席会议分派部门任务、记录会议纪要',
  'concern.support': '表示“我也关心”',
  // Party organisations and volunteers
  'party.register': '双报到登记',
  'party.register.confirm': '确认双报到',
  // 双报到's lists, roster and leaving (docs/party.md)
  'party.registration.view': '查看双报到申请',
  'party.roster.view': '查看党组织与党员名册',
  'party.phone.view': '查看报到党员和党组织的联系电话',
  'party.member.leave': '退出或移出双报到',
  // Volunteer teams (微团队; docs/volunteers.md#teams)
  'team.manage': '组建或修改志愿服务队',
  'team.supervise': '指定队长或解散志愿服务队',
  'team.lead': '管理队员（邀请码、审核入队申请、移出队员）',
  'team.join': '加入或退出志愿服务队',
  'team.view': '查看志愿服务队',
  'volunteer.service.log': '登记志愿服务',
  // Volunteer activities, hours and records (docs/volunteers.md)
  'activity.manage': '组织志愿活动（发布、签到码、考勤）',
  'activity.view': '查看志愿活动',
  'activity.signup': '报名志愿活动',
  'activity.checkin': '志愿活动签到签退',
  'activity.rate': '评价志愿活动',
  'volunteer.hours.confirm': '确认志愿服务时长',
  'volunteer.phone.view': '查看志愿者和报名居民的联系电话',
  'volunteer.record.view': '查看志愿服务记录',
  'volunteer.record.add': '记录志愿者的培训、表彰奖励和评价',
  // Stations, ledgers, funds, dashboard, administration
  // 孵化管理中心（站）and their 十有 (docs/stations.md)
  'station.manage': '建立和维护孵化管理中心（站）及“十有”清单',
  'station.inspect': '检查孵化管理中心（站）',
  'station.demonstrate': '命名或撤销示范孵化管理中心（站）',
  'station.view': '查看孵化管理中心（站）',
  // Files uploaded in the console (docs/console.md#files)
  'file.upload': '在管理后台上传文件（照片、票据）',
  'file.view': '查看管理后台上传的文件',
  // Notices (信息发布; docs/announcements.md)
  'announcement.manage': '发布和撤回通知、公示、结果公布',
  'announcement.view': '查看通知公告',
  'ledger.export': '导出台账',
  'fund.record': '登记经费收支',
  'fund.view': '查看经费',
  'dashboard.view': '查看数据看板',
  'user.role.manage': '管理用户角色',
  'org.manage': '管理组织架构',
  // The workers' console (docs/console.md)
  'console.sign_in': '登录管理后台',
  'console.account.manage': '开设和重置下级的管理后台账号',
  'console.audit.view': '查看管理后台审计日志',
  'provider.records.view': '查看服务机构的订单、评价和得分构成',
} as const;

export type Action = keyof typeof ACTION_LABELS;

export const ACTIONS = Object.keys(ACTION_LABELS) as Action[];

export function isAction(value: string): value is Action {
  return Object.prototype.hasOwnProperty.call(ACTION_LABELS, value);
}
