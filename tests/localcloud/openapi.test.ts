/**
 * `cloud.openapi.*` on the local cloud through the real wx-server-sdk: subscribe messages into the outbox,
 * validated as WeChat validates them, subscription grants from the gateway, msgSecCheck from the local word
 * list, and malformed multipart / protobuf bodies answered with coded errors.
 */
import type { OpenApi } from '../../localcloud/openapi';
import { encodeCommApiData, decodeCommOpenApiResp } from '../../localcloud/openapi/openapi-proto';
import { startLocalCloud, wxSdk, type StartedCloud } from '../helpers/local-cloud.fixture';

type WxCloud = ReturnType<typeof wxSdk>;

interface OutboxReply {
  total: number;
  offset: number;
  limit: number;
  messages: Array<Record<string, unknown>>;
}

const ORDER_NEW = {
  thing1: { value: '家电维修' },
  thing2: { value: '明珠花园3号楼' },
  time3: { value: '2024年5月1日 09:30' },
  thing4: { value: '请提前电话联系' },
};

describe('cloud.openapi on the local cloud', () => {
  let s: StartedCloud;
  let api: OpenApi;
  let cloud: WxCloud;

  beforeAll(async () => {
    s = await startLocalCloud();
    api = s.cloud.openapi;
    cloud = wxSdk(s.serviceUrl);
  });

  afterAll(async () => {
    await s.stop();
  });

  async function outbox(query = ''): Promise<OutboxReply> {
    const res = await fetch(`${s.cloud.url}/outbox${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as OutboxReply;
  }

  function send(touser: string, templateId: string, data: unknown, extra: Record<string, unknown> = {}) {
    return cloud.openapi.subscribeMessage.send({
      touser,
      templateId,
      page: 'pages/provider/order-detail/index?id=o1',
      data,
      miniprogramState: 'developer',
      ...extra,
    } as never) as Promise<Record<string, unknown>>;
  }

  async function expectNothingSentTo(touser: string) {
    expect(await outbox(`?touser=${touser}`)).toMatchObject({ total: 0, messages: [] });
  }

  describe('subscribeMessage.send', () => {
    it('records a valid send in the outbox with the local clock time and uses up the grant', async () => {
      const at = Date.parse('2024-05-01T01:30:00Z');
      s.cloud.clock.set(at, { freeze: true });
      try {
        api.recordSubscription('staff-valid-1', 'TPL_ORDER_NEW');
        const res = await send('staff-valid-1', 'TPL_ORDER_NEW', ORDER_NEW);
        expect(res).toEqual({
          errCode: 0,
          errMsg: 'openapi.subscribeMessage.send:ok',
          msgid: expect.any(Number),
        });
        expect(api.remainingSubscriptions('staff-valid-1', 'TPL_ORDER_NEW')).toBe(0);

        const box = await outbox('?touser=staff-valid-1');
        expect(box).toMatchObject({ total: 1, offset: 0, limit: 20 });
        expect(box.messages[0]).toEqual({
          msgid: res['msgid'],
          touser: 'staff-valid-1',
          templateId: 'TPL_ORDER_NEW',
          title: '新订单通知',
          page: 'pages/provider/order-detail/index?id=o1',
          data: ORDER_NEW,
          miniprogramState: 'developer',
          lang: 'zh_CN',
          sentAt: new Date(at).toISOString(),
        });
      } finally {
        s.cloud.clock.reset();
      }
    });

    it('lets a grant be used once: the second send fails with 43101', async () => {
      api.recordSubscription('resident-once', 'TPL_ORDER_STATUS');
      const data = {
        phrase1: { value: '已接单' },
        thing2: { value: '榆阳家政服务中心' },
        time3: { value: '09:30' },
      };
      await expect(send('resident-once', 'TPL_ORDER_STATUS', data)).resolves.toMatchObject({ errCode: 0 });
      await expect(send('resident-once', 'TPL_ORDER_STATUS', data)).rejects.toMatchObject({
        errCode: 43101,
        errMsg: expect.stringMatching(
          /^openapi\.subscribeMessage\.send:fail user refuse to accept the msg rid: /,
        ),
      });
      expect((await outbox('?touser=resident-once')).total).toBe(1);
    });

    it('accumulates accepts: two grants allow two sends', async () => {
      api.recordSubscription('staff-twice', 'TPL_WISH_CLAIMED', 2);
      const data = {
        thing1: { value: '想学智能手机' },
        thing2: { value: '青年志愿者协会' },
        time3: { value: '2024-05-02 10:00' },
      };
      await send('staff-twice', 'TPL_WISH_CLAIMED', data);
      await send('staff-twice', 'TPL_WISH_CLAIMED', data);
      await expect(send('staff-twice', 'TPL_WISH_CLAIMED', data)).rejects.toMatchObject({ errCode: 43101 });
      expect((await outbox('?touser=staff-twice')).total).toBe(2);
    });

    it('fails an over-long thing value with 47003, records nothing and keeps the grant', async () => {
      api.recordSubscription('staff-long', 'TPL_ORDER_NEW');
      const data = { ...ORDER_NEW, thing1: { value: '上门维修厨房水龙头、卫生间马桶及客厅吊灯和窗户' } };
      await expect(send('staff-long', 'TPL_ORDER_NEW', data)).rejects.toMatchObject({
        errCode: 47003,
        errMsg: expect.stringMatching(
          /^openapi\.subscribeMessage\.send:fail argument invalid! data\.thing1\.value invalid rid: .*20 个以内字符/,
        ),
      });
      await expectNothingSentTo('staff-long');
      expect(api.remainingSubscriptions('staff-long', 'TPL_ORDER_NEW')).toBe(1);
    });

    it.each([
      [
        'a missing key',
        { thing1: ORDER_NEW.thing1, thing2: ORDER_NEW.thing2, time3: ORDER_NEW.time3 },
        /data\.thing4\.value is empty/,
      ],
      [
        'a key the template does not have',
        { ...ORDER_NEW, phrase5: { value: '加急' } },
        /data\.phrase5 not exist/,
      ],
      ['a malformed time', { ...ORDER_NEW, time3: { value: '明天上午' } }, /data\.time3\.value invalid/],
    ])('fails %s with 47003 and records nothing', async (_what, data, msg) => {
      api.recordSubscription('staff-bad-data', 'TPL_ORDER_NEW');
      await expect(send('staff-bad-data', 'TPL_ORDER_NEW', data)).rejects.toMatchObject({
        errCode: 47003,
        errMsg: expect.stringMatching(msg),
      });
      await expectNothingSentTo('staff-bad-data');
    });

    it('fails an unknown template with 40037 and records nothing', async () => {
      api.recordSubscription('staff-unknown-tpl', 'TPL_ORDER_NEW');
      await expect(send('staff-unknown-tpl', 'TPL_NO_SUCH', ORDER_NEW)).rejects.toMatchObject({
        errCode: 40037,
        errMsg: expect.stringMatching(/^openapi\.subscribeMessage\.send:fail invalid template_id rid: /),
      });
      await expectNothingSentTo('staff-unknown-tpl');
      expect(api.remainingSubscriptions('staff-unknown-tpl', 'TPL_ORDER_NEW')).toBe(1);
    });

    it('fails a send without a subscription with 43101 and records nothing', async () => {
      await expect(send('staff-never-subscribed', 'TPL_ORDER_NEW', ORDER_NEW)).rejects.toMatchObject({
        errCode: 43101,
      });
      await expectNothingSentTo('staff-never-subscribed');
    });

    it('fails an empty touser with 40003', async () => {
      await expect(send('', 'TPL_ORDER_NEW', ORDER_NEW)).rejects.toMatchObject({
        errCode: 40003,
        errMsg: expect.stringMatching(/fail invalid openid/),
      });
    });

    it('fails an unknown miniprogram_state with 47003', async () => {
      api.recordSubscription('staff-state', 'TPL_ORDER_NEW');
      await expect(
        send('staff-state', 'TPL_ORDER_NEW', ORDER_NEW, { miniprogramState: 'production' }),
      ).rejects.toMatchObject({ errCode: 47003 });
      await expectNothingSentTo('staff-state');
    });
  });

  describe('outbox', () => {
    it('lists newest first, paginates, and refuses a limit over 100', async () => {
      const base = Date.parse('2024-06-01T00:00:00Z');
      const data = {
        thing1: { value: '水管漏水' },
        phrase2: { value: '已解决' },
        thing3: { value: '榆阳区住建局' },
        time4: { value: '16:00' },
      };
      try {
        api.recordSubscription('resident-paged', 'TPL_CONCERN_PROGRESS', 3);
        for (let i = 0; i < 3; i++) {
          s.cloud.clock.set(base + i * 60_000, { freeze: true });
          await send('resident-paged', 'TPL_CONCERN_PROGRESS', data);
        }
      } finally {
        s.cloud.clock.reset();
      }
      const all = await outbox('?touser=resident-paged');
      expect(all.messages.map((m) => m['sentAt'])).toEqual([
        '2024-06-01T00:02:00.000Z',
        '2024-06-01T00:01:00.000Z',
        '2024-06-01T00:00:00.000Z',
      ]);
      const page2 = await outbox('?touser=resident-paged&offset=1&limit=1');
      expect(page2).toMatchObject({ total: 3, offset: 1, limit: 1 });
      expect(page2.messages.map((m) => m['sentAt'])).toEqual(['2024-06-01T00:01:00.000Z']);

      const tooMany = await fetch(`${s.cloud.url}/outbox?limit=101`);
      expect(tooMany.status).toBe(400);
      expect(await tooMany.json()).toMatchObject({ code: 'INVALID_PARAM' });
    });

    it('renders a Chinese HTML page with every value escaped', async () => {
      api.recordSubscription('resident-html', 'TPL_REVIEW_REMINDER');
      await send('resident-html', 'TPL_REVIEW_REMINDER', {
        thing1: { value: '<script>x</script>' },
        thing2: { value: '"榆阳"&家政' },
        time3: { value: '2024-05-01 12:00' },
        thing4: { value: '服务已完成,请您评价' },
      });
      const res = await fetch(`${s.cloud.url}/outbox.html?touser=resident-html`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await res.text();
      expect(html).toContain('订阅消息发件箱');
      expect(html).toContain('评价提醒');
      expect(html).toContain('服务项目:');
      expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
      expect(html).toContain('&quot;榆阳&quot;&amp;家政');
      expect(html).not.toContain('<script>');
    });
  });

  describe('POST /gateway/subscribe', () => {
    async function subscribe(body: unknown) {
      const res = await fetch(`${s.cloud.url}/gateway/subscribe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    }

    it('records accepted templates as grants and ignores rejected ones', async () => {
      const r = await subscribe({
        openid: 'staff-gateway',
        templateIds: ['TPL_ORDER_NEW', 'TPL_FOLLOWUP_DUE'],
        result: { TPL_ORDER_NEW: 'accept', TPL_FOLLOWUP_DUE: 'reject' },
      });
      expect(r).toEqual({
        status: 200,
        body: {
          errMsg: 'requestSubscribeMessage:ok',
          TPL_ORDER_NEW: 'accept',
          TPL_FOLLOWUP_DUE: 'reject',
          remaining: { TPL_ORDER_NEW: 1, TPL_FOLLOWUP_DUE: 0 },
        },
      });
      await expect(send('staff-gateway', 'TPL_ORDER_NEW', ORDER_NEW)).resolves.toMatchObject({ errCode: 0 });
      await expect(
        send('staff-gateway', 'TPL_FOLLOWUP_DUE', {
          time1: { value: '2024-05-03 18:00' },
          thing2: { value: '家电维修' },
          character_string3: { value: 'ORD20240501001' },
        }),
      ).rejects.toMatchObject({ errCode: 43101 });
    });

    it('rejects an unknown template with 400 and records nothing, not even the known one', async () => {
      const r = await subscribe({
        openid: 'staff-gateway-bad',
        templateIds: ['TPL_ORDER_NEW', 'TPL_NOPE'],
        result: { TPL_ORDER_NEW: 'accept', TPL_NOPE: 'accept' },
      });
      expect(r.status).toBe(400);
      expect(r.body).toEqual({ code: 'UNKNOWN_TEMPLATE', message: expect.stringContaining('TPL_NOPE') });
      expect(api.remainingSubscriptions('staff-gateway-bad', 'TPL_ORDER_NEW')).toBe(0);
    });

    it.each([
      ['no openid', { templateIds: ['TPL_ORDER_NEW'], result: { TPL_ORDER_NEW: 'accept' } }],
      [
        'more than 3 templates',
        {
          openid: 'x1',
          templateIds: ['TPL_ORDER_NEW', 'TPL_ORDER_STATUS', 'TPL_FOLLOWUP_DUE', 'TPL_WISH_CLAIMED'],
          result: {},
        },
      ],
      [
        'a result that is not accept/reject',
        { openid: 'x1', templateIds: ['TPL_ORDER_NEW'], result: { TPL_ORDER_NEW: 'yes' } },
      ],
      [
        'a result for a template not asked for',
        {
          openid: 'x1',
          templateIds: ['TPL_ORDER_NEW'],
          result: { TPL_ORDER_NEW: 'accept', TPL_WISH_CLAIMED: 'accept' },
        },
      ],
    ])('rejects %s with 400 INVALID_PARAM', async (_what, body) => {
      const r = await subscribe(body);
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ code: 'INVALID_PARAM', message: expect.any(String) });
    });
  });

  describe('security.msgSecCheck version 2', () => {
    it('passes ordinary text with label 100', async () => {
      const r = (await cloud.openapi.security.msgSecCheck({
        openid: 'resident-sec',
        scene: 2,
        version: 2,
        content: '社区周六上午组织义诊,欢迎大家参加',
      } as never)) as Record<string, unknown>;
      expect(r).toEqual({
        errCode: 0,
        errMsg: 'openapi.security.msgSecCheck:ok',
        result: { suggest: 'pass', label: 100 },
        detail: [{ strategy: 'keyword', errcode: 0, suggest: 'pass', label: 100 }],
        traceId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/),
      });
    });

    it('marks text with a listed word risky with its label and keyword', async () => {
      const r = (await cloud.openapi.security.msgSecCheck({
        openid: 'resident-sec',
        scene: 3,
        version: 2,
        content: '有人在小区地下室组织赌博',
      } as never)) as Record<string, unknown>;
      expect(r).toMatchObject({
        errCode: 0,
        result: { suggest: 'risky', label: 20006 },
        detail: [{ strategy: 'keyword', errcode: 0, suggest: 'risky', label: 20006, keyword: '赌博' }],
      });
    });

    it('matches the English test word case-insensitively, also in the title', async () => {
      const r = (await cloud.openapi.security.msgSecCheck({
        openid: 'resident-sec',
        scene: 2,
        version: 2,
        content: '周末活动',
        title: 'Online CASINO night',
      } as never)) as Record<string, unknown>;
      expect(r).toMatchObject({ result: { suggest: 'risky', label: 20006 } });
    });

    it('answers a bad scene with 40129', async () => {
      await expect(
        cloud.openapi.security.msgSecCheck({
          openid: 'resident-sec',
          scene: 9,
          version: 2,
          content: 'x',
        } as never),
      ).rejects.toMatchObject({ errCode: 40129 });
    });
  });

  describe('protocol errors', () => {
    async function postAdmin(body: string | FormData, contentType?: string) {
      const res = await fetch(`${s.serviceUrl}?env=local-test&seqId=t1`, {
        method: 'POST',
        ...(contentType ? { headers: { 'content-type': contentType } } : {}),
        body,
      });
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        body: Buffer.from(await res.arrayBuffer()),
      };
    }

    it('answers a truncated multipart body with INVALID_PARAM', async () => {
      const r = await postAdmin(
        '--xyz\r\nContent-Disposition: form-data; name="action"\r\n\r\nwx.openApi\r\n--xyz\r\nContent-Disp',
        'multipart/form-data; boundary=xyz',
      );
      expect(r.status).toBe(200);
      expect(JSON.parse(r.body.toString())).toMatchObject({ code: 'INVALID_PARAM', requestId: 't1' });
    });

    it('answers multipart without a boundary with INVALID_PARAM', async () => {
      const r = await postAdmin('whatever', 'multipart/form-data');
      expect(JSON.parse(r.body.toString())).toMatchObject({
        code: 'INVALID_PARAM',
        message: expect.stringContaining('multipart/form-data'),
      });
    });

    it('answers a requestData that is not protobuf with INVALID_PARAM', async () => {
      const form = new FormData();
      form.append('action', 'wx.openApi');
      form.append('apiName', 'subscribeMessage.send');
      form.append(
        'requestData',
        new Blob([Buffer.from([0x12, 0xff, 0x01])], { type: 'application/octet-stream' }),
      );
      const r = await postAdmin(form);
      expect(JSON.parse(r.body.toString())).toMatchObject({
        code: 'INVALID_PARAM',
        message: expect.stringContaining('CommApiData'),
      });
    });

    it('answers a raw protobuf call with a protobuf CommOpenApiResp', async () => {
      const form = new FormData();
      form.append('action', 'wx.openApi');
      form.append('apiName', 'security.msgSecCheck');
      const pb = encodeCommApiData({
        pairs: [
          { key: 'openid', value: Buffer.from('"raw-caller"') },
          { key: 'scene', value: Buffer.from('1') },
          { key: 'version', value: Buffer.from('2') },
          { key: 'content', value: Buffer.from('"你好"') },
        ],
      });
      form.append('requestData', new Blob([pb], { type: 'application/octet-stream' }));
      const r = await postAdmin(form);
      expect(r.type).toBe('application/octet-stream');
      const resp = decodeCommOpenApiResp(r.body);
      expect(resp).toMatchObject({ contentType: 'application/json', errorCode: 0, httpCode: 200 });
      expect(JSON.parse(resp.respData.toString())).toMatchObject({ errcode: 0, result: { suggest: 'pass' } });
    });

    it('answers an open API the local cloud does not have with a coded SDK error', async () => {
      await expect(
        (cloud.openapi as unknown as Record<string, Record<string, (d: unknown) => Promise<unknown>>>)[
          'wxacode'
        ]!['getUnlimited']!({ scene: 'a=1' }),
      ).rejects.toMatchObject({
        errCode: -501007,
        errMsg: expect.stringContaining('本地云暂不支持开放接口'),
      });
    });

    it('keeps serving after the malformed requests', async () => {
      expect((await fetch(`${s.cloud.url}/health`)).status).toBe(200);
      api.recordSubscription('staff-after-errors', 'TPL_ORDER_NEW');
      await expect(send('staff-after-errors', 'TPL_ORDER_NEW', ORDER_NEW)).resolves.toMatchObject({
        errCode: 0,
      });
    });
  });
});
