/** The review's data in its SharePoint site: schema, provisioning and the list store. */
export {
  SCHEMA_VERSION,
  REVIEW_SITE_LISTS,
  REGISTER_SITE_LISTS,
  ARTEFACTS_LIBRARY,
  IDENTITY_REGISTER_LIST,
  IDENTITY_REGISTER_CHANNEL,
  CRW_ID,
  CHOICES,
  type ColumnSpec,
  type ListSpec,
} from './schema';
export { ReviewRecord, REVIEW_RECORD_ID, ENTITY_MAPPINGS, type EntityKind, type EntityOf } from './mapping';
export {
  provisionReviewSite,
  provisionIdentityRegister,
  provisionLists,
  resolveSite,
  readSiteLists,
  visibleOnlyTo,
  ProvisioningError,
  type SiteAddress,
  type ProvisionedSite,
  type SiteList,
  type IdentityRegisterAccess,
  type ChannelMember,
} from './provisioning';
export { openReviewSite, type OpenSiteOptions } from './open-site';
export {
  ReviewStore,
  IdentityRegisterStore,
  ListStore,
  StoreError,
  DuplicateKeyError,
  ArtefactSummary,
  LIST_PAGE_SIZE,
  type Stored,
  type LoadedReview,
  type LoadProblem,
  type Conflict,
  type WriteResult,
  type DeleteResult,
} from './store';
