/**
 * The privacy-request forms' fields without zod (as order.fields.ts for the order forms): profile.schema.ts
 * builds the schemas from them and the mini-program checks its form with them through core/client.
 */

/** What a resident may ask a person to decide about their data (core/model/privacy-request.model.ts). */
export const PRIVACY_REQUEST_KINDS = ['correction', 'deletion', 'other'] as const;
export type PrivacyRequestKind = (typeof PRIVACY_REQUEST_KINDS)[number];

/** privacy.request.submit: what the resident asks, in their words. */
export const PRIVACY_REQUEST_CONTENT = { label: '申请内容', min: 5, max: 500, multiline: true } as const;

/** privacy.request.decide: the answer the resident reads; required when refusing (the reason). */
export const PRIVACY_REQUEST_REPLY = { label: '答复', min: 2, max: 300, multiline: true } as const;
