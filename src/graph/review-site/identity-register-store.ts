/** The identity register's entries, in the private channel's site. */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { IdentityRegisterEntry } from '../../core/model/identity-register';
import type { BatchOptions } from '../batch';
import { graphErrorMessage } from '../client';
import { PageReadError, readAllPages } from '../paging';
import { deleteEntity, updateEntity } from './conflicts';
import { createEntity } from './create-with-key';
import {
  StoreError,
  parseItem,
  stored,
  type GraphListItem,
  type LoadProblem,
  type Stored,
} from './list-items';
import { LIST_PAGE_SIZE, ListStore } from './list-store';
import { identityRegisterEntryMapping } from './mapping';
import type { ProvisionedSite } from './provisioning';
import { IDENTITY_REGISTER_LIST } from './schema';

/** The register's entries, in the private channel's site. Only its members can reach it. */
export class IdentityRegisterStore {
  private readonly list: ListStore;

  constructor(
    private readonly client: Client,
    readonly site: Pick<ProvisionedSite, 'siteId' | 'lists'>,
    options: BatchOptions = {},
  ) {
    const list = site.lists[IDENTITY_REGISTER_LIST.name];
    if (!list) throw new StoreError('The identity register list is missing. Set it up again.');
    this.list = new ListStore(client, site.siteId, list.id, options);
  }

  async load(): Promise<{ entries: Stored<IdentityRegisterEntry>[]; problems: LoadProblem[] }> {
    const entries: Stored<IdentityRegisterEntry>[] = [];
    const problems: LoadProblem[] = [];
    let items: GraphListItem[];
    try {
      items = await readAllPages<GraphListItem>(
        this.client,
        `/sites/${encodeURIComponent(this.site.siteId)}/lists/${encodeURIComponent(this.list.listId)}/items?$expand=fields&$top=${LIST_PAGE_SIZE}`,
      );
    } catch (err) {
      if (!(err instanceof PageReadError)) throw err;
      throw new StoreError(
        `The identity register could not be read (${graphErrorMessage(err.res)}).`,
        err.res.status,
      );
    }
    for (const item of items) {
      const parsed = parseItem(identityRegisterEntryMapping, item);
      if (parsed.ok) entries.push(stored(parsed.value, item));
      else
        problems.push({
          list: IDENTITY_REGISTER_LIST.name,
          itemId: item.id,
          kind: 'invalid-item',
          message: parsed.message,
        });
    }
    return { entries, problems };
  }

  create(input: Omit<IdentityRegisterEntry, 'id'> & { id?: string }) {
    return createEntity(this.list, identityRegisterEntryMapping, input);
  }
  update(base: Stored<IdentityRegisterEntry>, next: IdentityRegisterEntry) {
    return updateEntity(this.list, 'identityRegisterEntry', identityRegisterEntryMapping, base, next);
  }
  delete(base: Stored<IdentityRegisterEntry>) {
    return deleteEntity(this.list, 'identityRegisterEntry', identityRegisterEntryMapping, base);
  }
}
