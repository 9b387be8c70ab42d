/**
 * 切换演示身份 as a service: available in local mode only; the choice kept on the device is what the next
 * call acts as; in cloud mode nothing can be switched. (The header itself: cloud-api.test.ts.)
 */
import type { AppConfig } from '../../../miniprogram/config';
import {
  currentLocalOpenid,
  identitySwitchAvailable,
  loadLocalIdentities,
  switchLocalIdentity,
} from '../../../miniprogram/services/local-identity/local-identity.service';
import { ServiceError } from '../../../miniprogram/services/service-error';

const LOCAL: AppConfig = {
  mode: 'local',
  envId: 'unused',
  gatewayUrl: 'http://127.0.0.1:3910',
  localOpenid: 'demo-resident-1',
};
const CLOUD: AppConfig = { ...LOCAL, mode: 'cloud' };

const storage = new Map<string, unknown>();

beforeEach(() => {
  storage.clear();
  (globalThis as Record<string, unknown>)['wx'] = {
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    request: () => {
      throw new Error('no request expected');
    },
  };
});

afterAll(() => {
  delete (globalThis as Record<string, unknown>)['wx'];
});

describe('local mode', () => {
  it('should offer the switch and act as the configured identity until another is chosen', () => {
    expect(identitySwitchAvailable(LOCAL)).toBe(true);
    expect(currentLocalOpenid(LOCAL)).toBe('demo-resident-1');

    switchLocalIdentity('demo-provider-member-1', LOCAL);

    expect(currentLocalOpenid(LOCAL)).toBe('demo-provider-member-1');
  });

  it('should refuse something that is not an openid', () => {
    expect(() => switchLocalIdentity('demo resident', LOCAL)).toThrow(ServiceError);
    expect(currentLocalOpenid(LOCAL)).toBe('demo-resident-1');
  });
});

describe('cloud mode', () => {
  it('should never offer the switch, list identities or read a stored choice', async () => {
    storage.set('localOpenid', 'demo-provider-manager-1');

    expect(identitySwitchAvailable(CLOUD)).toBe(false);
    expect(() => switchLocalIdentity('demo-resident-2', CLOUD)).toThrow(
      new ServiceError('LOCAL_MODE_ONLY', '演示身份仅在本地模式下可用'),
    );
    await expect(loadLocalIdentities(CLOUD)).rejects.toMatchObject({ code: 'LOCAL_MODE_ONLY' });
    expect(currentLocalOpenid(CLOUD)).toBe(CLOUD.localOpenid);
    expect(storage.get('localOpenid')).toBe('demo-provider-manager-1');
  });
});
