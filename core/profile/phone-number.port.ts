/**
 * The PhoneNumberResolver port: exchanges the one-time code of the mini-program's phone-number button
 * (`<button open-type="getPhoneNumber">`) for the user's number. In the cloud functions it is WeChat's
 * `phonenumber.getPhoneNumber` (function-kit/wx-phone-number.adapter.ts); tests hand a fake.
 */
export interface PhoneNumberResolver {
  /**
   * The number without country code (WeChat's `purePhoneNumber`), or null when WeChat gives none: the code
   * is invalid, expired or already used, or the call failed. It does not throw for those.
   */
  resolve(code: string): Promise<string | null>;
}
