/** 切换演示身份's rows: who each demo identity is, named with the core's role names. */
import { identityTitle, toIdentityChoices } from '../../../miniprogram/view-models/local-identity.view-model';

const identity = (openid: string, role: string, nickname: string, label: string) => ({
  openid,
  role,
  nickname,
  label,
});

const IDENTITIES = [
  identity('demo-resident-1', 'resident', '黄阿姨', '居民（玉城街道东门社区金港花园小区）'),
  identity('demo-provider-manager-1', 'provider_staff', '梁师傅', '服务机构负责人（第一家演示机构）'),
];

describe('demo identity choices', () => {
  it('should name each identity and its role in Chinese, with what it demonstrates', () => {
    expect(toIdentityChoices(IDENTITIES, 'demo-provider-manager-1')).toEqual([
      {
        openid: 'demo-resident-1',
        title: '黄阿姨（居民）',
        description: '居民（玉城街道东门社区金港花园小区）',
        current: false,
      },
      {
        openid: 'demo-provider-manager-1',
        title: '梁师傅（服务机构人员）',
        description: '服务机构负责人（第一家演示机构）',
        current: true,
      },
    ]);
  });

  it('should keep a role the core does not know as it came', () => {
    expect(identityTitle(identity('demo-x', 'astronaut', '小王', ''))).toBe('小王（astronaut）');
  });
});
