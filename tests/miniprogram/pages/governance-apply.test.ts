/**
 * 申请入驻 on its real WXML: its loading, error and form states; the form refuses, before anything is
 * uploaded or sent, a low fee that is not below its market price (the core's words) and an unticked
 * declaration; a complete form uploads the document photos and sends provider.apply with exactly the fields
 * the command takes, then lands on 我的入驻申请 with its confirmation; a refusal of the function (a
 * blacklisted credit code) is said in a notice that stays; 长辈模式.
 */
import { takeNotice } from '../../../miniprogram/utils/notice';
import { installPhotoStorage, openWithoutSettling } from './concern-support';
import { CATALOG, applicationDetail, providersFail, providersOk } from './governance-support';
import { fakeCloud } from './support/fake-cloud';
import {
  change,
  fakeStorage,
  find,
  loadPage,
  noticeKind,
  noticeText,
  openPage,
  rootClasses,
  tapButton,
  tapCell,
  tapCheckbox,
  textOf,
  type RenderedPage,
} from './support/page-harness';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

const APPLICATION = '/packages/staff/pages/application/application';
const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;
const photos = installPhotoStorage();

async function chooseUnit(page: RenderedPage): Promise<void> {
  await tapButton(page, '#pick-unit');
  await tapCell(find(page, '#unit-picker'), '#unit-grid-1');
}

/** Everything but the prices and the declaration. */
async function fillParticulars(page: RenderedPage): Promise<void> {
  await chooseUnit(page);
  await change(page, '#name', { value: ' 玉州区安心家政服务中心 ' });
  await change(page, '#credit-code', { value: '91450900ma5n0x123y' });
  await change(page, '#legal-representative', { value: '李明' });
  await change(page, '#contact-name', { value: '王芳' });
  await change(page, '#contact-phone', { value: '13800001111' });
  await change(page, '#address', { value: '玉州区人民中路 1 号' });
  await change(page, '#management-rules', { value: '服务规范和投诉处理制度' });
  await change(page, '#qualification-name-0', { value: '家政服务资质' });
  await change(page, '#qualification-number-0', { value: 'JZ-001' });
}

async function lowFee(page: RenderedPage, price: string, market: string): Promise<void> {
  await tapCheckbox(page, '#item-item-cleaning');
  await change(page, '#kind-item-cleaning', { value: 'low_fee' });
  await change(page, '#price-item-cleaning', { value: price });
  await change(page, '#market-price-item-cleaning', { value: market });
}

describe('申请入驻', () => {
  let pageId: string;
  let redirect: jest.SpyInstance;

  beforeAll(() => {
    pageId = loadPage('packages/staff/pages/apply/apply');
  });

  beforeEach(() => {
    fakeCloud.reset();
    photos.reset();
    takeNotice(APPLICATION);
    fakeStorage();
    fakeCloud.ok('catalog', 'catalog.list', CATALOG);
    fakeCloud.ok('catalog', 'org.children', {
      units: [{ _id: 'grid-1', name: '城南社区第一网格', level: 'grid' }],
    });
    redirect = jest.spyOn(wx, 'redirectTo').mockImplementation(() => undefined as never);
  });
  afterEach(() => {
    expect(fakeCloud.unexpected).toEqual([]);
    jest.restoreAllMocks();
  });

  it('should say what it reads while the service items load', () => {
    const page = openWithoutSettling(pageId);
    expect(textOf(find(page, '#state'))).toContain('正在读取服务项目');
  });

  it('should say why the form cannot show, with a retry that reads again', async () => {
    fakeCloud.fail('catalog', 'catalog.list', 'INTERNAL', '系统繁忙，请稍后重试');
    const page = await openPage(pageId);
    expect(textOf(find(page, '#state'))).toContain('系统繁忙，请稍后重试');
    expect(page.querySelector('#submit')).toBeUndefined();

    fakeCloud.ok('catalog', 'catalog.list', CATALOG);
    await tapButton(find(page, '#state'), '#state-action');
    expect(page.querySelector('#state')).toBeUndefined();
    expect(textOf(find(page, '#offerings'))).toContain('家庭保洁');
  });

  it('should show the form: unit, particulars, qualifications, area, every item with its pricing, the declaration', async () => {
    const page = await openPage(pageId);
    const text = textOf(page);
    for (const words of [
      '统一社会信用代码',
      '法定代表人',
      '执业规则和管理制度',
      '第 1 项资质',
      '服务范围',
      '承诺',
    ]) {
      expect(text).toContain(words);
    }
    // Every item of the catalog can be offered, even one not open for residents of the caller's community.
    expect(textOf(find(page, '#offerings'))).toContain('家电维修');
    expect(page.querySelector('#pricing-item-cleaning')).toBeUndefined();
    await tapCheckbox(page, '#item-item-cleaning');
    expect(textOf(find(page, '#pricing-item-cleaning'))).toContain('低收费服务（须低于市场价）');
  });

  it('should refuse a low fee that is not below its market price, before anything is sent', async () => {
    const page = await openPage(pageId);
    await fillParticulars(page);
    await lowFee(page, '50', '50');
    await tapCheckbox(page, '#commitment');
    await tapButton(page, '#submit');

    expect(noticeText(page)).toBe('家庭保洁：低收费服务的价格必须低于市场价');
    expect(noticeKind(page)).toBe('warning');
    expect(fakeCloud.sent('provider.apply')).toEqual([]);
  });

  it('should refuse a credit code whose check character is wrong, before anything is sent', async () => {
    const page = await openPage(pageId);
    await fillParticulars(page);
    await change(page, '#credit-code', { value: '91450900MA5N0X1234' });
    await tapCheckbox(page, '#item-item-cleaning');
    await tapCheckbox(page, '#commitment');
    await tapButton(page, '#submit');

    expect(noticeText(page)).toBe('统一社会信用代码校验位不正确，请核对后重新填写');
    expect(fakeCloud.sent('provider.apply')).toEqual([]);
  });

  it('should refuse an unticked declaration, before anything is uploaded or sent', async () => {
    photos.picked = [{ tempFilePath: 'wxfile://tmp/licence.jpg', size: 300_000, fileType: 'image' }];
    const page = await openPage(pageId);
    await fillParticulars(page);
    await tapButton(page, '#add-documents-0');
    await lowFee(page, '20', '50');
    await tapButton(page, '#submit');

    expect(noticeText(page)).toBe('请确认能独立承担法律责任并自愿接受服务范围内的群众需求');
    expect(photos.uploads).toEqual([]);
    expect(fakeCloud.sent('provider.apply')).toEqual([]);
  });

  it('should upload the documents and send provider.apply with the form’s fields, then land on 我的入驻申请', async () => {
    photos.picked = [{ tempFilePath: 'wxfile://tmp/licence.jpg', size: 300_000, fileType: 'image' }];
    providersOk('provider.apply', {
      applicationId: 'app-1',
      status: 'applied',
      statusLabel: '已提交',
      statusChangedAt: Date.now(),
    });
    const page = await openPage(pageId);
    await fillParticulars(page);
    await tapButton(page, '#add-documents-0');
    await lowFee(page, '20', '50.5');
    await tapCheckbox(page, '#commitment');
    await tapButton(page, '#submit');

    expect(photos.uploads).toEqual([
      {
        cloudPath: expect.stringMatching(/^applications\/[A-Za-z0-9]+\.jpg$/),
        filePath: 'wxfile://tmp/licence.jpg',
      },
    ]);
    const sent = fakeCloud.sent('provider.apply');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.input).toEqual({
      orgUnitId: 'grid-1',
      name: '玉州区安心家政服务中心',
      creditCode: '91450900MA5N0X123Y',
      legalRepresentative: '李明',
      contactName: '王芳',
      contactPhone: '13800001111',
      address: '玉州区人民中路 1 号',
      managementRules: '服务规范和投诉处理制度',
      qualifications: [
        {
          name: '家政服务资质',
          number: 'JZ-001',
          fileIds: [`cloud://env.bucket/${photos.uploads[0]!.cloudPath}`],
        },
      ],
      // The unit applied to is served unless removed.
      serviceAreaOrgUnitIds: ['grid-1'],
      offerings: [
        {
          itemId: 'item-cleaning',
          pricing: { kind: 'low_fee', priceFen: 2000, marketPriceFen: 5050, unit: '次' },
        },
      ],
      commitment: true,
      clientRequestId: expect.stringMatching(REQUEST_ID),
    });
    expect(redirect).toHaveBeenCalledWith({ url: APPLICATION });
    expect(takeNotice(APPLICATION)?.text).toContain('入驻申请已提交');
  });

  it('should say the function’s refusal (a blacklisted credit code) in a notice that stays, and stay on the form', async () => {
    providersFail(
      'provider.apply',
      'APPLICATION_BLACKLISTED',
      '该统一社会信用代码已被列入黑名单，不能申请入驻（清退原因：整改不到位）',
    );
    const page = await openPage(pageId);
    await fillParticulars(page);
    await tapCheckbox(page, '#item-item-cleaning');
    await tapCheckbox(page, '#commitment');
    await tapButton(page, '#submit');

    expect(fakeCloud.sent('provider.apply')[0]!.input['offerings']).toEqual([
      { itemId: 'item-cleaning', pricing: { kind: 'free' } },
    ]);
    expect(noticeText(page)).toBe('该统一社会信用代码已被列入黑名单，不能申请入驻（清退原因：整改不到位）');
    expect(noticeKind(page)).toBe('error');
    expect(redirect).not.toHaveBeenCalled();
    expect(page.querySelector('#submit')).toBeDefined();
  });

  it('should amend a returned application: the form starts from what was filed and files it again', async () => {
    providersOk(
      'provider.application.detail',
      applicationDetail({
        status: 'returned',
        statusLabel: '退回补充材料',
        qualifications: [
          {
            name: '家政服务资质',
            number: 'JZ-001',
            validUntil: '2027-12-31',
            fileIds: ['cloud://env.bucket/a.jpg'],
          },
        ],
      }),
    );
    providersOk('provider.apply', {
      applicationId: 'app-1',
      status: 'applied',
      statusLabel: '已提交',
      statusChangedAt: Date.now(),
    });
    const page = await openPage(pageId, { applicationId: 'app-1' });
    expect(textOf(find(page, '#unit-name'))).toBe('城南社区');
    expect(find(page, '#pricing-item-cleaning')).toBeDefined();
    await change(page, '#management-rules', { value: '补充了收费公示制度' });
    await tapCheckbox(page, '#commitment');
    await tapButton(page, '#submit');

    expect(fakeCloud.sent('provider.apply')[0]!.input).toMatchObject({
      applicationId: 'app-1',
      orgUnitId: 'unit-community',
      name: '玉州区安心家政服务中心',
      creditCode: '91450900MA5N0X123Y',
      managementRules: '补充了收费公示制度',
      qualifications: [
        {
          name: '家政服务资质',
          number: 'JZ-001',
          validUntil: '2027-12-31',
          fileIds: ['cloud://env.bucket/a.jpg'],
        },
      ],
      offerings: [
        {
          itemId: 'item-cleaning',
          pricing: { kind: 'low_fee', priceFen: 2000, marketPriceFen: 5000, unit: '次' },
        },
      ],
    });
    expect(redirect).toHaveBeenCalledWith({ url: APPLICATION });
  });

  it('should follow 长辈模式', async () => {
    const storage = fakeStorage();
    storage.set('elderMode', 'on');
    const page = await openPage(pageId);
    expect(rootClasses(page)).toContain('elder');
  });
});
