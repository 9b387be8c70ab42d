/**
 * Every collection of the platform and the document type stored in it. database/indexes.json and
 * database/security-rules.json declare exactly these names (a test keeps them equal); the first nine are
 * fixed because other parts of the platform read them.
 */
import type {
  Agreement,
  Application,
  ApplicationAssessment,
  ApplicationObjection,
} from './application.model';
import type { ServiceCategory, ServiceItem } from './catalog.model';
import type { Concern, ConcernSupport } from './concern.model';
import type { AuditEntry, ConsoleAccount, ConsoleSession } from './console.model';
import type { Evaluation, EvaluationCampaign, RedStarBoardEntry, RegulatorReport } from './evaluation.model';
import type { FeedbackTicket, OfferingChange, RatingAppeal } from './feedback.model';
import type { InboxMessage } from './inbox.model';
import type { EventRecord } from './event.model';
import type { Offering } from './offering.model';
import type { FundEntry, JointMeeting, LedgerExport, Station } from './operations.model';
import type { StationInspection } from './station.model';
import type { Complaint, FollowUp, Order, Rating } from './order.model';
import type { OrgUnit } from './org-unit.model';
import type { PrivacyRequest } from './privacy-request.model';
import type {
  DualRegistration,
  PartyMember,
  PartyOrg,
  VolunteerServiceLog,
  VolunteerTeam,
} from './party.model';
import type { ModerationItem } from './moderation.model';
import type { Announcement } from './announcement.model';
import type {
  ActivityPlace,
  ActivitySignup,
  CheckinCode,
  VolunteerActivity,
  VolunteerCertificate,
  VolunteerCounter,
  VolunteerProfile,
  VolunteerRecord,
} from './volunteer.model';
import type { TeamApplication, TeamInvite, TeamMember } from './volunteer-team.model';
import type {
  IdempotencyKeyRecord,
  Match,
  MatchGap,
  OutboxMessage,
  RateLimitCounter,
  SubscribeGrant,
} from './platform.model';
import type { AggregateCorrection, BlacklistEntry, Provider, StaffInvite } from './provider.model';
import type { User } from './user.model';

export interface CollectionDocuments {
  org_units: OrgUnit;
  service_categories: ServiceCategory;
  service_items: ServiceItem;
  providers: Provider;
  offerings: Offering;
  orders: Order;
  follow_ups: FollowUp;
  ratings: Rating;
  concerns: Concern;
  concern_supports: ConcernSupport;
  complaints: Complaint;
  feedback_tickets: FeedbackTicket;
  rating_appeals: RatingAppeal;
  offering_changes: OfferingChange;
  applications: Application;
  application_objections: ApplicationObjection;
  application_assessments: ApplicationAssessment;
  agreements: Agreement;
  evaluations: Evaluation;
  blacklist_entries: BlacklistEntry;
  evaluation_campaigns: EvaluationCampaign;
  regulator_reports: RegulatorReport;
  red_star_board: RedStarBoardEntry;
  staff_invites: StaffInvite;
  party_orgs: PartyOrg;
  party_members: PartyMember;
  volunteer_teams: VolunteerTeam;
  team_members: TeamMember;
  team_applications: TeamApplication;
  team_invites: TeamInvite;
  dual_registrations: DualRegistration;
  volunteer_service_logs: VolunteerServiceLog;
  volunteer_activities: VolunteerActivity;
  activity_signups: ActivitySignup;
  activity_places: ActivityPlace;
  checkin_codes: CheckinCode;
  volunteers: VolunteerProfile;
  volunteer_records: VolunteerRecord;
  volunteer_certificates: VolunteerCertificate;
  volunteer_counters: VolunteerCounter;
  stations: Station;
  station_inspections: StationInspection;
  announcements: Announcement;
  joint_meetings: JointMeeting;
  fund_entries: FundEntry;
  ledger_exports: LedgerExport;
  users: User;
  privacy_requests: PrivacyRequest;
  events: EventRecord;
  idempotency_keys: IdempotencyKeyRecord;
  matches: Match;
  match_gaps: MatchGap;
  subscribe_grants: SubscribeGrant;
  message_outbox: OutboxMessage;
  inbox_messages: InboxMessage;
  aggregate_corrections: AggregateCorrection;
  moderation_items: ModerationItem;
  rate_limit_counters: RateLimitCounter;
  console_accounts: ConsoleAccount;
  console_sessions: ConsoleSession;
  audit_entries: AuditEntry;
}

export type CollectionName = keyof CollectionDocuments;

/** The collection names, in the order of the docs (catalog and orders first, platform plumbing last). */
export const COLLECTION_NAMES = [
  'org_units',
  'service_categories',
  'service_items',
  'providers',
  'offerings',
  'orders',
  'follow_ups',
  'ratings',
  'concerns',
  'concern_supports',
  'complaints',
  'feedback_tickets',
  'rating_appeals',
  'offering_changes',
  'applications',
  'application_objections',
  'application_assessments',
  'agreements',
  'evaluations',
  'blacklist_entries',
  'evaluation_campaigns',
  'regulator_reports',
  'red_star_board',
  'staff_invites',
  'party_orgs',
  'party_members',
  'volunteer_teams',
  'team_members',
  'team_applications',
  'team_invites',
  'dual_registrations',
  'volunteer_service_logs',
  'volunteer_activities',
  'activity_signups',
  'activity_places',
  'checkin_codes',
  'volunteers',
  'volunteer_records',
  'volunteer_certificates',
  'volunteer_counters',
  'stations',
  'station_inspections',
  'announcements',
  'joint_meetings',
  'fund_entries',
  'ledger_exports',
  'users',
  'privacy_requests',
  'events',
  'idempotency_keys',
  'matches',
  'match_gaps',
  'subscribe_grants',
  'message_outbox',
  'inbox_messages',
  'aggregate_corrections',
  'moderation_items',
  'rate_limit_counters',
  'console_accounts',
  'console_sessions',
  'audit_entries',
] as const satisfies readonly CollectionName[];

/** Name constants, so code says `COLLECTIONS.followUps` rather than repeating strings. */
export const COLLECTIONS = {
  orgUnits: 'org_units',
  serviceCategories: 'service_categories',
  serviceItems: 'service_items',
  providers: 'providers',
  offerings: 'offerings',
  orders: 'orders',
  followUps: 'follow_ups',
  ratings: 'ratings',
  concerns: 'concerns',
  concernSupports: 'concern_supports',
  complaints: 'complaints',
  feedbackTickets: 'feedback_tickets',
  ratingAppeals: 'rating_appeals',
  offeringChanges: 'offering_changes',
  applications: 'applications',
  applicationObjections: 'application_objections',
  applicationAssessments: 'application_assessments',
  agreements: 'agreements',
  evaluations: 'evaluations',
  blacklistEntries: 'blacklist_entries',
  evaluationCampaigns: 'evaluation_campaigns',
  regulatorReports: 'regulator_reports',
  redStarBoard: 'red_star_board',
  staffInvites: 'staff_invites',
  partyOrgs: 'party_orgs',
  partyMembers: 'party_members',
  volunteerTeams: 'volunteer_teams',
  teamMembers: 'team_members',
  teamApplications: 'team_applications',
  teamInvites: 'team_invites',
  dualRegistrations: 'dual_registrations',
  volunteerServiceLogs: 'volunteer_service_logs',
  volunteerActivities: 'volunteer_activities',
  activitySignups: 'activity_signups',
  activityPlaces: 'activity_places',
  checkinCodes: 'checkin_codes',
  volunteers: 'volunteers',
  volunteerRecords: 'volunteer_records',
  volunteerCertificates: 'volunteer_certificates',
  volunteerCounters: 'volunteer_counters',
  stations: 'stations',
  stationInspections: 'station_inspections',
  announcements: 'announcements',
  jointMeetings: 'joint_meetings',
  fundEntries: 'fund_entries',
  ledgerExports: 'ledger_exports',
  users: 'users',
  privacyRequests: 'privacy_requests',
  events: 'events',
  idempotencyKeys: 'idempotency_keys',
  matches: 'matches',
  matchGaps: 'match_gaps',
  subscribeGrants: 'subscribe_grants',
  messageOutbox: 'message_outbox',
  inboxMessages: 'inbox_messages',
  aggregateCorrections: 'aggregate_corrections',
  moderationItems: 'moderation_items',
  rateLimitCounters: 'rate_limit_counters',
  consoleAccounts: 'console_accounts',
  consoleSessions: 'console_sessions',
  auditEntries: 'audit_entries',
} as const satisfies Record<string, CollectionName>;

/** Documents per collection, e.g. what the demo generator returns. */
export type CollectionData = { [K in CollectionName]: CollectionDocuments[K][] };

export function isCollectionName(name: string): name is CollectionName {
  return (COLLECTION_NAMES as readonly string[]).includes(name);
}
