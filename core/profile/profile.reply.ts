/**
 * What the `profile` function answers (`profile.get`, `profile.bind`, `profile.phone.set`): written once
 * here, read by the mini-program through `weimin-core` as types. Type-only and free of zod.
 */

/** What `profile.get` answers. */
export interface ProfileGetReply {
  readonly nickname: string;
  /** Masked (138****1234); null when none was given. */
  readonly phone: string | null;
  /** The bound grid or community; null before `profile.bind`. */
  readonly homeUnitId: string | null;
  /** Its full name, e.g. 玉林市玉州区玉城街道东门社区; null when not bound. */
  readonly homeUnitName: string | null;
}
