/**
 * 投诉 on its real WXML: the content checked as complaint.submit checks it and photos checked when picked (the
 * concerns' limits) BEFORE anything is sent or uploaded; sent as complaint.submit with the order, the text and
 * the uploaded photos' ids; the server's refusal said on the page; filed: 我的投诉 with the confirmation.
 */
import { takeNotice } from '../../../miniprogram/utils/notice';
import { providersFail, providersOk } from './complaint-support';
import { installPhotoStorage } from './concern-support';
import { fakeCloud } from './support/fake-cloud';
import { change, find, loadPage, noticeText, openPage, tapButton, textOf } from './support/page-harness';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

const COMPLAINTS = '/packages/concerns/pages/complaints/complaints';
const photos = installPhotoStorage();
const QUERY = { orderId: 'order-1', item: '家电维修', provider: '玉州区邻里家电维修服务部' };

describe('投诉', () => {
  let pageId: string;
  let redirect: jest.SpyInstance;

  beforeAll(() => {
    pageId = loadPage('packages/concerns/pages/complaint/complaint');
  });

  beforeEach(() => {
    fakeCloud.reset();
    photos.reset();
    takeNotice(COMPLAINTS);
    redirect = jest.spyOn(wx, 'redirectTo').mockImplementation(() => undefined as never);
  });
  afterEach(() => {
    expect(fakeCloud.unexpected).toEqual([]);
    jest.restoreAllMocks();
  });

  it('should refuse empty content before sending anything', async () => {
    const page = await openPage(pageId, QUERY);
    expect(textOf(find(page, '#subject'))).toBe('家电维修 · 玉州区邻里家电维修服务部');
    await change(page, '#content', { value: '   ' });
    await tapButton(page, '#submit');
    expect(noticeText(page)).toBe('请填写投诉内容');
    expect(fakeCloud.calls).toEqual([]);
    expect(redirect).not.toHaveBeenCalled();
  });

  it('should refuse a file that is not a photo when picked, and never upload or send it', async () => {
    photos.picked = [
      { tempFilePath: 'wxfile://tmp/ok.png', size: 200_000, fileType: 'image' },
      { tempFilePath: 'wxfile://tmp/receipt.pdf', size: 80_000, fileType: 'image' },
    ];
    const page = await openPage(pageId, QUERY);
    await tapButton(page, '#add-photos');
    const message = '第 2 张不是可以上传的照片，只能上传 JPG、PNG、GIF、WebP 格式的图片';
    expect(textOf(find(page, '#photo-error'))).toBe(message);
    expect(page.querySelector('#photo-0')).toBeUndefined();
    expect(photos.uploads).toEqual([]);
    expect(fakeCloud.calls).toEqual([]);
  });

  it('should send complaint.submit with the order, the text and the uploaded photos, then open 我的投诉', async () => {
    photos.picked = [{ tempFilePath: 'wxfile://tmp/aircon.jpg', size: 300_000, fileType: 'image' }];
    providersOk('complaint.submit', { complaintId: 'cmp-9', status: 'submitted', statusLabel: '待核实' });
    const page = await openPage(pageId, QUERY);
    await tapButton(page, '#add-photos');
    expect(page.querySelector('#photo-0')).toBeDefined();
    await change(page, '#content', { value: '  空调修完第二天又不制冷，师傅不接电话  ' });
    await tapButton(page, '#submit');

    expect(photos.uploads).toHaveLength(1);
    expect(fakeCloud.sent('complaint.submit')).toEqual([
      {
        name: 'providers',
        command: 'complaint.submit',
        input: {
          orderId: 'order-1',
          content: '空调修完第二天又不制冷，师傅不接电话',
          images: [`cloud://env.bucket/${photos.uploads[0]!.cloudPath}`],
          clientRequestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
        },
      },
    ]);
    expect(redirect).toHaveBeenCalledWith({ url: COMPLAINTS });
    expect(takeNotice(COMPLAINTS)).toEqual({
      text: '投诉已提交，社区工作人员核实后会答复您',
      kind: 'success',
    });
  });

  it('should say the server’s refusal on the page and stay', async () => {
    providersFail('complaint.submit', 'COMPLAINT_DUPLICATE', '这个订单已有一条投诉正在核实，请等待答复');
    const page = await openPage(pageId, QUERY);
    await change(page, '#content', { value: '空调修完又坏了' });
    await tapButton(page, '#submit');
    expect(noticeText(page)).toBe('这个订单已有一条投诉正在核实，请等待答复');
    expect(redirect).not.toHaveBeenCalled();
  });

  it('should say where to come from when opened without an order', async () => {
    const page = await openPage(pageId, {});
    expect(textOf(find(page, '#state'))).toContain('没有找到要投诉的订单');
    expect(page.querySelector('#submit')).toBeUndefined();
  });
});
