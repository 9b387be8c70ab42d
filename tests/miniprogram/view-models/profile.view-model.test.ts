/** 我的: home and phone as shown, and the org tree picker rows. */
import { toOrgChoices, toProfileView } from '../../../miniprogram/view-models/profile.view-model';

describe('profile view', () => {
  it('should show the bound home and the masked phone', () => {
    expect(
      toProfileView({
        nickname: '李阿姨',
        phone: '138****1234',
        homeUnitId: 'g1',
        homeUnitName: '东门社区金湖小区',
      }),
    ).toEqual({
      nickname: '李阿姨',
      home: '东门社区金湖小区',
      hasHome: true,
      homeUnitId: 'g1',
      phone: '138****1234',
      hasPhone: true,
    });
  });

  it('should mask a full number should one ever arrive', () => {
    expect(
      toProfileView({ nickname: '', phone: '13812341234', homeUnitId: null, homeUnitName: null }).phone,
    ).toBe('138****1234');
  });

  it('should say what is missing', () => {
    expect(toProfileView({ nickname: '', phone: null, homeUnitId: null, homeUnitName: null })).toEqual({
      nickname: '未填写',
      home: '未选择',
      hasHome: false,
      homeUnitId: '',
      phone: '未填写',
      hasPhone: false,
    });
  });
});

describe('org picker rows', () => {
  it('should let the resident choose an estate, or the whole community when theirs is not listed', () => {
    expect(
      toOrgChoices([{ _id: 'g1', name: '金湖小区', level: 'grid' }], {
        id: 'c1',
        name: '东门社区',
        level: 'community',
      }),
    ).toEqual([
      { id: 'c1', name: '东门社区（不指定小区）', choose: true },
      { id: 'g1', name: '金湖小区', choose: true },
    ]);
  });

  it('should drill down through counties and streets', () => {
    expect(toOrgChoices([{ _id: 'k1', name: '玉州区', level: 'county' }])).toEqual([
      { id: 'k1', name: '玉州区', choose: false },
    ]);
  });
});
