/**
 * The volunteer activities' field values without zod (as order.fields.ts for the order forms):
 * volunteer-activity.schema.ts builds the schemas from them, and the model's types (core/model/volunteer.model.ts)
 * read them here, so what core/client exports of the volunteers reaches no zod.
 */

/** Who takes a place: a resident served by the activity, or a volunteer serving in it. */
export const SIGNUP_KINDS = ['resident', 'volunteer'] as const;
/** Check-in on arrival, check-out on leaving. */
export const CHECKIN_PHASES = ['in', 'out'] as const;
