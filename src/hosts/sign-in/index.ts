export { SignInRequiredError, type SignInSession } from './session';
export {
  listLocalUsers,
  startLocalSession,
  rememberedLocalUser,
  tabStorage,
  LocalTenantUnavailableError,
  type LocalUser,
} from './local';
export type { Microsoft365Session, SitesPermission } from './microsoft365';
