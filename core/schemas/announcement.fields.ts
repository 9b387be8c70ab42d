/**
 * The notices' field values without zod (as volunteer.fields.ts for the activities): announcement.schema.ts
 * builds the schemas from them, and the model's types (core/model/announcement.model.ts) read them here, so what
 * core/client exports of the notices reaches no zod.
 */

/** 通知, 公示, 结果公布 (labels in core/model/announcement.model.ts). */
export const ANNOUNCEMENT_KINDS = ['notice', 'publicity', 'result'] as const;
/** draft -> published -> withdrawn; draft -> held -> published (approved) or back to draft (rejected). */
export const ANNOUNCEMENT_STATUSES = ['draft', 'held', 'published', 'withdrawn'] as const;
/** At most this many images per notice. */
export const ANNOUNCEMENT_MAX_IMAGES = 9;
