/**
 * The governance view models read the `providers` replies once into what the pages render: 入驻申请 rows and
 * detail (what to do next by status, only the buttons `actions` allow, the objections without who raised
 * them), the agreement to sign (its version as the reply gives it, why it cannot be signed yet), the values an
 * amended application starts from, 红星榜 rows (stars in marks and words, 差评率 beside them), offerings,
 * tickets with their clocks, and the standing.
 */
import {
  T0,
  NO_ACTIONS,
  applicationDetail,
  applicationSummary,
  boardRow,
  offeringView,
  standing,
  ticketView,
} from '../pages/governance-replies';
import {
  lowRatingRateText,
  toBoardRow,
} from '../../../miniprogram/packages/providers/view-models/board.view-model';
import {
  toAgreementView,
  toApplicationDetail,
  toApplicationPrefill,
  toApplicationRow,
} from '../../../miniprogram/packages/staff/view-models/application.view-model';
import {
  checkContact,
  checkResolution,
  toOfferingRow,
  toStandingView,
  toTicketRow,
} from '../../../miniprogram/packages/staff/view-models/governance.view-model';
import { checkCommand } from '../../../core/schemas/command.parser';
import {
  feedbackTicketContactSchema,
  feedbackTicketResolveSchema,
} from '../../../core/schemas/feedback.schema';

const DAY = 86_400_000;

describe('入驻申请', () => {
  it('should say what to do next by status', () => {
    const next = (overrides: Parameters<typeof applicationSummary>[0]) =>
      toApplicationRow(applicationSummary(overrides), T0).next;
    expect(next({ status: 'returned' })).toBe('请按退回意见修改后重新提交');
    expect(next({ status: 'noticed', noticeEndsAt: T0 - 1 })).toBe('公示期满，请签署服务协定');
    expect(next({ status: 'noticed', noticeEndsAt: T0 + DAY })).toMatch(/^公示中，.+公示期满后签署服务协定$/);
    expect(next({ status: 'agreement_signed' })).toBe('已入驻，可以接单');
    expect(next({ status: 'withdrawn' })).toBe('');
  });

  it('should show only the buttons the actions allow, and objections without their objector', () => {
    const view = toApplicationDetail(
      applicationDetail({
        actions: { ...NO_ACTIONS, canWithdraw: true },
        objections: [
          {
            objectionId: 'obj-1',
            content: '收费不规范',
            status: 'open',
            statusLabel: '待答复',
            reply: null,
            createdAt: T0,
            answeredAt: null,
            contactPhone: '13800001111',
            mine: false,
          },
        ],
      }),
      T0,
    );
    expect(view.buttons).toEqual({ sign: false, resubmit: false, withdraw: true, any: true });
    expect(view.objections).toEqual([
      { id: 'obj-1', content: '收费不规范', statusLabel: '待答复', reply: '' },
    ]);
    expect(JSON.stringify(view)).not.toContain('13800001111');
    expect(view.items).toEqual([
      { id: 'item-cleaning', name: '家庭保洁', price: '20元/次（市场价 50元/次）' },
    ]);
  });

  it('should give the agreement’s version and paragraphs as the reply has them, or why it cannot be signed', () => {
    const ready = toAgreementView(applicationDetail(), T0);
    expect(ready).toMatchObject({ version: '2026-1', canSign: true, why: '' });
    expect(ready.paragraphs).toHaveLength(2);

    const early = toAgreementView(applicationDetail({ noticeEndsAt: T0 + DAY, actions: NO_ACTIONS }), T0);
    expect(early.canSign).toBe(false);
    expect(early.why).toMatch(/期满后才能签署$/);
    const objections = toAgreementView(applicationDetail({ openObjections: 1, actions: NO_ACTIONS }), T0);
    expect(objections.why).toBe('公示期内的异议尚未全部答复，答复后才能签署');
    const withoutText = toAgreementView(applicationDetail({ agreementText: null }), T0);
    expect(withoutText.canSign).toBe(false);
  });

  it('should start an amended application from what was filed, prices back in yuan', () => {
    const prefill = toApplicationPrefill(applicationDetail());
    expect(prefill.particulars.legalRepresentative).toBe('李明');
    expect(prefill.offerings).toEqual([
      {
        itemId: 'item-cleaning',
        itemName: '家庭保洁',
        kind: 'low_fee',
        price: '20',
        marketPrice: '50',
        unit: '次',
        description: '',
      },
    ]);
    expect(prefill.areas).toEqual([{ id: 'unit-community', name: '城南社区' }]);
  });
});

describe('红星榜', () => {
  it('should put the stars in marks and words and 差评率 beside them', () => {
    const row = toBoardRow(boardRow({ starLevel: 5, lowRatingRate: 0.125 }));
    expect(row).toMatchObject({ stars: '★★★★★', starsLabel: '5 星', lowRate: '差评率 12.5%' });
    expect(row.label).toContain('第 1 名');
    expect(lowRatingRateText(null)).toBe('暂无评价');
    expect(lowRatingRateText(0)).toBe('差评率 0%');
  });
});

describe('服务报价, 差评回访, 本机构星级', () => {
  it('should say whether residents can choose an offering, a pending review included', () => {
    expect(toOfferingRow(offeringView()).state).toBe('已上架，居民可以选择');
    expect(
      toOfferingRow(offeringView({ review: 'pending', reviewLabel: '待审核', matchable: false })).state,
    ).toBe('待社区审核，审核通过后居民才能看到');
    expect(toOfferingRow(offeringView({ active: false, matchable: false })).stateLabel).toBe('已下架');
  });

  it('should show a ticket’s clocks, late ones said in words', () => {
    const late = toTicketRow(ticketView({ fixOverdue: true }));
    expect(late.overdue).toBe(true);
    expect(late.fixClock).toMatch(/（已超时）$/);
    expect(late.rating).toBe('2 星：不满意');
    const done = toTicketRow(
      ticketView({ contactedAt: T0, contactChannelLabel: '电话联系', contactNote: '已致歉' }),
    );
    expect(done.contactClock).toMatch(/^联系居民：已于 .+ 完成$/);
    expect(done.contact).toBe('电话联系：已致歉');
  });

  it.each<[string, string, string]>([
    ['a contact', 'phone', '已电话致歉'],
    ['no channel', '', '已电话致歉'],
    ['no note', 'visit', ' '],
    ['a channel that does not exist', 'letter', '已寄信'],
  ])('contact form, %s: the schema’s verdict', (_case, channel, note) => {
    const form = checkContact(channel, note);
    const schema = checkCommand(feedbackTicketContactSchema, {
      clientRequestId: 'req-12345678',
      ticketId: 't-1',
      ...(channel === '' ? {} : { channel }),
      note,
    });
    expect(form.ok ? true : form.message).toEqual(schema.ok ? true : schema.issues[0]!.message);
  });

  it('resolution form: the schema’s verdict', () => {
    for (const [outcome, note] of [
      ['fixed', '已返工'],
      ['', '已返工'],
      ['explained', ''],
    ] as const) {
      const form = checkResolution(outcome, note);
      const schema = checkCommand(feedbackTicketResolveSchema, {
        clientRequestId: 'req-12345678',
        ticketId: 't-1',
        ...(outcome === '' ? {} : { outcome }),
        note,
      });
      expect(form.ok ? true : form.message).toEqual(schema.ok ? true : schema.issues[0]!.message);
    }
  });

  it('should say the standing: stars, score, parts, ranks, tips, and how far from the board', () => {
    const view = toStandingView(standing());
    expect(view).toMatchObject({
      stars: '★★★★☆',
      starsLabel: '4 星',
      reputation: '86.5',
      board: '已上红星榜',
    });
    expect(view.parts[0]).toMatchObject({ label: '居民评价', points: '54 / 60 分' });
    expect(view.ranks[0]!.text).toBe('家庭保洁 · 城南社区：第 2 名（共 5 家）');
    expect(toStandingView(standing({ redStar: false, starLevel: 2 })).board).toBe(
      '3 星及以上才能上红星榜，现在是 2 星',
    );
  });
});
