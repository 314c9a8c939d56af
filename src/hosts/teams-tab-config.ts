export const TAB_ENTITY_ID = 'case-review-workspace';

/** Where the configured channel tab points: the tab page beside this configuration page. */
export function tabContentUrl(configPageUrl: string): string {
  return new URL('teams-tab.html', configPageUrl).toString();
}

/**
 * Registers the configurable tab's save handler (Teams calls it when the user selects Save) and
 * returns a function that enables or disables Save. Call only after `connectTeams` succeeded.
 */
export async function registerTabConfiguration(
  configPageUrl: string,
  suggestedDisplayName: string,
): Promise<(valid: boolean) => void> {
  const { pages } = await import(/* webpackChunkName: "teams-js" */ '@microsoft/teams-js');
  const contentUrl = tabContentUrl(configPageUrl);
  pages.config.registerOnSaveHandler((saveEvent) => {
    pages.config
      .setConfig({ contentUrl, websiteUrl: contentUrl, entityId: TAB_ENTITY_ID, suggestedDisplayName })
      .then(
        () => saveEvent.notifySuccess(),
        () => saveEvent.notifyFailure('The tab could not be saved. Try again.'),
      );
  });
  return (valid) => pages.config.setValidityState(valid);
}
