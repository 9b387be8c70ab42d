/**
 * The value lists of the records a unit keeps of its volunteers (volunteer-unit.schema.ts), without zod, so the
 * model and the mini-program's bundle may name them (as volunteer.fields.ts does for activities).
 */

/** The kinds of record a worker or a team's leader adds (service records come from confirmed hours). */
export const VOLUNTEER_RECORD_ADD_KINDS = ['training', 'award', 'evaluation'] as const;

/** An evaluation's grade (评价等级; labels in the model). */
export const EVALUATION_GRADES = ['excellent', 'good', 'pass', 'fail'] as const;

/** The statuses the console's activity list filters by: the model's ACTIVITY_STATUSES (schemas import no model). */
export const ACTIVITY_LIST_STATUSES = ['scheduled', 'cancelled', 'finished'] as const;
