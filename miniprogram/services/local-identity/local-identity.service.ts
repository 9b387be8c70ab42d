/**
 * 切换演示身份: in local mode the mini-program calls the local cloud as a demo identity; this lists the
 * identities the running local cloud accepts and switches between them on the device, so the resident and
 * provider staff pages can be tried in turn without editing config.ts. Not available in cloud mode.
 */
import { appConfig, type AppConfig } from '../../config';
import {
  activeLocalOpenid,
  chooseLocalOpenid,
  listLocalIdentities,
  type LocalIdentityReply,
} from '../cloud-api';
import { toServiceError } from '../service-error';

export type { LocalIdentityReply };

/** Only local mode has demo identities to switch between. */
export function identitySwitchAvailable(config: AppConfig = appConfig): boolean {
  return config.mode === 'local';
}

export function currentLocalOpenid(config: AppConfig = appConfig): string {
  return activeLocalOpenid(config);
}

export async function loadLocalIdentities(config: AppConfig = appConfig): Promise<LocalIdentityReply[]> {
  try {
    return await listLocalIdentities(config);
  } catch (e) {
    throw toServiceError(e);
  }
}

/** From the next call on, act as `openid`. */
export function switchLocalIdentity(openid: string, config: AppConfig = appConfig): void {
  try {
    chooseLocalOpenid(openid, config);
  } catch (e) {
    throw toServiceError(e);
  }
}
