/**
 * admin-api's routes for the concerns screens (docs/console.md, 诉求 and 联席会议): lists by view and status,
 * a concern's page, the 代办 intake and its similar-concerns suggestion, and each step (review, publish,
 * claim, push up, refer, progress, resolve, and the joint meeting's take, tasks and minutes).
 */
import type { ConcernDashboardReply } from '../../../../core/console/concern-dashboard.replies';
import type { ConcernQueuesReply } from '../../../../core/console/concern-workbench.query';
import type {
  ConcernDetail,
  ConcernListResult,
  ConcernSimilarResult,
  ConcernStepResult,
} from '../../../../core/concerns/concern.replies';
import type { Filters } from '../../api/console';
import { get, post, queryOf } from '../../api/http';

export type ConcernView = 'unit' | 'open' | 'claimed' | 'joint';

export interface JointTaskInput {
  department: string;
  task: string;
  dueAt: number;
}

const at = (concernId: string, step: string) =>
  `/console/api/concerns/${encodeURIComponent(concernId)}/${step}`;

export const concernList = (view: ConcernView, filters: Filters) =>
  get<ConcernListResult>(`/console/api/concerns${queryOf({ ...filters, view })}`);

export const concernDetail = (concernId: string) =>
  get<ConcernDetail>(`/console/api/concerns/${encodeURIComponent(concernId)}`);

export const similarConcerns = (orgUnitId: string, title: string, content: string) =>
  get<ConcernSimilarResult>(`/console/api/concerns/similar${queryOf({ orgUnitId, title, content })}`);

export const fileConcern = (input: {
  kind: 'worry' | 'wish';
  title: string;
  content: string;
  orgUnitId: string;
  onBehalfOf: { name: string; phone?: string; consent: { method: 'in_person' | 'phone'; statement: string } };
  crossDepartment: boolean;
  anonymous: boolean;
  sensitive: boolean;
  sensitiveConsent: boolean;
  images: string[];
  clientRequestId: string;
}) => post<ConcernStepResult>('/console/api/concerns', input);

export const reviewConcern = (
  concernId: string,
  input: { decision: 'approve' | 'reject'; reason: string; publicSummary?: string; clientRequestId: string },
) => post<ConcernStepResult>(at(concernId, 'review'), input);

export const publishConcern = (concernId: string, clientRequestId: string) =>
  post<ConcernStepResult>(at(concernId, 'publish'), { clientRequestId });

export const claimForUnit = (concernId: string, note: string, clientRequestId: string) =>
  post<ConcernStepResult>(at(concernId, 'claim'), { claimAs: 'unit', note, clientRequestId });

export const escalateConcern = (concernId: string, reason: string, clientRequestId: string) =>
  post<ConcernStepResult>(at(concernId, 'escalate'), { reason, clientRequestId });

export const referConcern = (
  concernId: string,
  input: { reason: string; departments: string[]; clientRequestId: string },
) => post<ConcernStepResult>(at(concernId, 'refer'), input);

export const updateConcern = (concernId: string, text: string, clientRequestId: string) =>
  post<ConcernStepResult>(at(concernId, 'update'), { text, images: [], clientRequestId });

export const resolveConcern = (concernId: string, summary: string, clientRequestId: string) =>
  post<ConcernStepResult>(at(concernId, 'resolve'), { summary, images: [], clientRequestId });

export const takeByJointMeeting = (
  concernId: string,
  input: {
    leadDepartment: string;
    departments: string[];
    tasks: JointTaskInput[];
    note: string;
    clientRequestId: string;
  },
) => post<ConcernStepResult>(at(concernId, 'joint/take'), input);

export const addJointTasks = (concernId: string, tasks: JointTaskInput[], clientRequestId: string) =>
  post<{ taskIds: string[] }>(at(concernId, 'joint/tasks'), { tasks, clientRequestId });

export const completeJointTask = (concernId: string, taskId: string, note: string, clientRequestId: string) =>
  post<{ taskId: string }>(at(concernId, `joint/tasks/${encodeURIComponent(taskId)}/done`), {
    note,
    clientRequestId,
  });

export const recordJointMinutes = (
  concernId: string,
  input: {
    heldOn: string;
    attendees: string[];
    minutes: string;
    decisions: string[];
    clientRequestId: string;
  },
) => post<{ minutesId: string }>(at(concernId, 'joint/minutes'), input);

export const concernQueues = () => get<ConcernQueuesReply>('/console/api/concerns/queues');

export const concernFigures = (filters: Filters) =>
  get<ConcernDashboardReply>(`/console/api/dashboard/concerns${queryOf(filters)}`);

/** Names typed one per line, or separated by commas or 、, without blanks and repeats. */
export function namesOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,，、;；]/)
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    ),
  ];
}
