/**
 * The gateways the screens use, as interfaces: the app entry builds them (gateways.ts) and gives
 * them through React context, so src/ui imports only these types and never holds a Graph client.
 * Tests and other hosts can give other implementations.
 */
import type { BoardAction } from '../../core/model/board-action';
import type { Conversation } from '../../core/model/conversation';
import type { Finding, FindingStatus } from '../../core/model/finding';
import type { IdentityRegisterEntry } from '../../core/model/identity-register';
import type { KeyPracticeEpisode } from '../../core/model/key-practice-episode';
import type { ReviewMeeting } from '../../core/model/meeting';
import type { SchedulingGateway } from './scheduling-types';
import type { PersonRoleKey as PersonRole } from '../../core/model/person-roles';
import type {
  CaseGroupMember,
  FamilyMember,
  LeadReviewer,
  PanelMember,
  ReviewTeamMember,
} from '../../core/model/people';
import type { ArtefactType, RecordStatus } from '../artefacts/metadata';
import type { ArtefactLibraryGateway } from '../artefacts/screen-gateway';
import type { ReviewRecord } from '../review-site';
import type { ReviewSetupGateway } from '../review-setup';
import type { EpisodesGateway } from './episodes';
import type { InvitationTemplateGateway } from './invitation-template-gateway';
import type { Stored, WriteResult } from '../review-site';

export type { Stored, WriteResult, DeleteResult, Conflict } from '../review-site';
import type { DeleteResult } from '../review-site';
export type { ReviewRecord } from '../review-site';
export type * from './access-types';
import type { AccessGateway, PanelGateway } from './access-types';
export type * from './analysis-findings';
import type { AnalysisFindingsGateway } from './analysis-findings';

/** Who is signed in. */
export interface SignedInUser {
  id: string;
  displayName?: string | null;
  jobTitle?: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
}

/** A review's Team: its id is also its Microsoft 365 group id. */
export interface ReviewTeam {
  id: string;
  displayName: string;
  /** The review's reference code, e.g. CR-2026-014. */
  reference: string;
}

/** A named professional, as the pages show them. */
export interface Practitioner {
  id: string;
  role: Exclude<PersonRole, 'family'>;
  name: string;
  /** How the report names them ("Social worker 1"); a lead reviewer's or review team member's role. */
  label: string;
  jobRole: string;
  agency?: string;
  email?: string;
  organisation?: 'internal' | 'external';
}

/** A family member: pseudonym and relationship only. There is no name to show, by type. */
export interface FamilyPerson {
  id: string;
  role: 'family';
  pseudonym: string;
  relationship: string;
}

export type ReviewPerson = Practitioner | FamilyPerson;

/** A plain-words warning about what could not be read; it never quotes an entry. */
export interface Notice {
  intent: 'warning';
  title: string;
  detail: string;
}

/** An artefact as the review's load lists it (its metadata, not the file). */
export interface ArtefactEntry {
  /** Its workspace id (CrwId), or `item-{list item id}` for a file added outside the workspace. */
  id: string;
  name?: string;
  type?: ArtefactType;
  agency?: string;
  recordStatus?: RecordStatus;
  /** For a conversation record: the conversation it records. */
  conversation?: string;
  /** When the file or its details last changed (ISO); newest first is the dashboard's "recent". */
  lastModified?: string;
}

/** A person as stored, with what an edit needs (item id and eTag), by kind. */
export type PersonEntry =
  | { kind: 'leadReviewer'; stored: Stored<LeadReviewer> }
  | { kind: 'reviewTeamMember'; stored: Stored<ReviewTeamMember> }
  | { kind: 'caseGroupMember'; stored: Stored<CaseGroupMember> }
  | { kind: 'familyMember'; stored: Stored<FamilyMember> }
  | { kind: 'panelMember'; stored: Stored<PanelMember> };
export type PersonKind = PersonEntry['kind'];
export type PersonValue = PersonEntry['stored']['value'];

/** Everything of one review, read in one batched load. */
export interface ReviewSnapshot {
  reviewId: string;
  /** The review record with its eTag; absent until the review is set up. */
  record?: Stored<ReviewRecord>;
  people: ReviewPerson[];
  /** The same people as stored, for editing. */
  personEntries: PersonEntry[];
  conversations: Conversation[];
  keyPracticeEpisodes: KeyPracticeEpisode[];
  /** The same episodes as stored (eTag), for editing. */
  keyPracticeEpisodeEntries: Stored<KeyPracticeEpisode>[];
  findings: Finding[];
  /** The same findings as stored (eTag), for a status change. */
  findingEntries: Stored<Finding>[];
  boardActions: BoardAction[];
  /** Case group and review team meetings. */
  meetings: ReviewMeeting[];
  /** The same actions as stored (eTag), for the Board's tracking. */
  boardActionEntries: Stored<BoardAction>[];
  artefacts: ArtefactEntry[];
  /** What could not be read, counted and named by list; null when everything loaded. */
  notice: Notice | null;
  /** Entries that could not be read, or refer to something missing. */
  problemCount: number;
}

/** What opening a review is doing: making sure its site has the lists, then reading them. */
export type OpenPhase = 'setting-up' | 'loading';

/** Who can see the identity register. Never the register's entries. */
export type RegisterVisibility =
  { state: 'member'; channelName: string; members: string[] } | { state: 'not-a-member'; message: string };

/** A document of the review's library (the report export, once saved there). */
export interface RecentArtefact {
  id: string;
  name: string;
  type?: ArtefactType;
  lastModified?: string;
  webUrl?: string;
}

/** Who is signed in and the review Teams they are in: what a page needs first, read together. */
export interface Session {
  user: SignedInUser;
  reviewTeams: ReviewTeam[];
}

/** The signed-in person, their reviews, and one review's data. */
export interface WorkspaceGateway {
  /** The signed-in person and their review Teams, in one round trip. */
  session(): Promise<Session>;
  signedInUser(): Promise<SignedInUser>;
  /** The review Teams the user belongs to, by reference. */
  reviewTeams(): Promise<ReviewTeam[]>;
  /** Sets the review's site up when it lacks lists (nothing written when up to date), then reads it all. */
  openReview(reviewId: string, onPhase?: (phase: OpenPhase) => void): Promise<ReviewSnapshot>;
  registerVisibility(reviewId: string): Promise<RegisterVisibility>;
  /**
   * The identity register's entries, for the anonymity check only: read when the check runs and
   * never cached. Rejects with 'not-allowed' for anyone outside the register's private channel.
   */
  identityRegisterEntries(reviewId: string): Promise<IdentityRegisterEntry[]>;
  /** Saves the review record with If-Match: a 412 comes back as a conflict with both versions. */
  saveReviewRecord(
    reviewId: string,
    base: Stored<ReviewRecord>,
    next: ReviewRecord,
  ): Promise<WriteResult<ReviewRecord>>;
}

/** Someone in the organisation's directory. */
export interface DirectoryPerson {
  id: string;
  displayName: string;
  mail?: string;
  jobTitle?: string;
}

/** Adding, editing and removing the review's people. Input is checked by the core's schemas first. */
export interface PeopleGateway {
  add(reviewId: string, kind: PersonKind, input: Omit<PersonValue, 'id'>): Promise<PersonEntry>;
  update(reviewId: string, entry: PersonEntry, next: PersonValue): Promise<WriteResult<PersonValue>>;
  remove(reviewId: string, entry: PersonEntry): Promise<DeleteResult<PersonValue>>;
  /** The directory, by name (`/users?$search="displayName:…"`). */
  searchDirectory(text: string): Promise<DirectoryPerson[]>;
}

export interface ArtefactsGateway extends ArtefactLibraryGateway {
  /**
   * Saves the report's .docx export to the review's library as a "report draft" (a new version of
   * the last export); named by the review's reference code only.
   */
  saveReportExport(reviewId: string, referenceCode: string, content: Uint8Array): Promise<RecentArtefact>;
}

/** A finding's status moved by the core's lifecycle, saved with If-Match (a 412 is a conflict). */
export interface FindingsGateway {
  transition(reviewId: string, base: Stored<Finding>, to: FindingStatus): Promise<WriteResult<Finding>>;
  /** Saves a finding as merged after a conflict, with If-Match on `base`. */
  save(reviewId: string, base: Stored<Finding>, next: Finding): Promise<WriteResult<Finding>>;
}

/** What the screens are given. Every method rejects with a core GatewayError. */
export interface Gateways {
  workspace: WorkspaceGateway;
  people: PeopleGateway;
  artefacts: ArtefactsGateway;
  findings: FindingsGateway;
  access: AccessGateway;
  episodes: EpisodesGateway;
  panel: PanelGateway;
  /** Setting up the review in its Team (the tab's first run, as on the configuration page). */
  setup: ReviewSetupGateway;
  scheduling: SchedulingGateway;
  analysisFindings: AnalysisFindingsGateway;
  invitationTemplate: InvitationTemplateGateway;
}
