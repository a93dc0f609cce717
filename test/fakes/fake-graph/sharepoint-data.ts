/** In-memory SharePoint: sites, lists with columns, list items with versions. No HTTP here. */

import { createHash, randomUUID } from 'node:crypto';
import type { Column } from './columns';
import { builtInColumns, checkIndexLimit } from './columns';
import { invalidRequest, itemNotFound, nameAlreadyExists } from './errors';
import type { FieldValue } from './field-values';

export interface SpSite {
  id: string;
  hostname: string;
  /** Server-relative path, e.g. '/sites/pmo'. */
  path: string;
  name: string;
  displayName: string;
  webUrl: string;
  created: string;
  lists: SpList[];
}

export interface SpList {
  id: string;
  /** URL name (Lists/<name>). */
  name: string;
  displayName: string;
  description: string;
  template: 'genericList' | 'documentLibrary';
  hidden: boolean;
  contentTypesEnabled: boolean;
  created: string;
  modified: string;
  version: number;
  /** A GUID Graph shows as the items' parentReference.id. */
  rootFolderId: string;
  contentTypeId: string;
  columns: Column[];
  /** Items in id order. */
  items: SpItem[];
  nextItemId: number;
}

export interface SpItem {
  id: number;
  uniqueId: string;
  version: number;
  created: string;
  modified: string;
  /** Values of writable columns; absent = null. */
  values: Map<string, FieldValue>;
}

/** 'YYYY-MM-DDTHH:MM:SSZ', as SharePoint shows times. */
export function sharePointTime(date = new Date()): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** A stable GUID from text, so a site keeps its id across restarts of the fake. */
function stableGuid(text: string): string {
  const hex = createHash('sha1').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isGuid = (text: string): boolean => GUID.test(text);

/** Characters SharePoint does not allow in a list URL name. */
const URL_NAME_FORBIDDEN = /[~"#%&*:<>?/\\{|}.]/g;

export class SharePointData {
  readonly sites: SpSite[] = [];

  constructor(readonly hostname: string) {}

  addSite(path: string, displayName?: string): SpSite {
    if (!/^\/(sites|teams)\/[A-Za-z0-9_-]+$/.test(path)) {
      throw new Error(`Site path '${path}' must look like '/sites/name' or '/teams/name'.`);
    }
    if (this.findSiteByPath(path)) throw new Error(`Site '${path}' exists already.`);
    const name = path.split('/').pop() as string;
    const site: SpSite = {
      id: `${this.hostname},${stableGuid(`${this.hostname}${path}#collection`)},${stableGuid(`${this.hostname}${path}#web`)}`,
      hostname: this.hostname,
      path,
      name,
      displayName: displayName ?? name,
      webUrl: `https://${this.hostname}${path}`,
      created: sharePointTime(),
      lists: [],
    };
    this.sites.push(site);
    this.addDocumentsLibrary(site);
    return site;
  }

  /** Every site has its "Documents" library; list enumerations must cope with lists they did not make. */
  private addDocumentsLibrary(site: SpSite): void {
    const library = this.newList('Documents', '', 'documentLibrary');
    library.name = 'Shared Documents';
    site.lists.push(library);
  }

  findSite(id: string): SpSite | undefined {
    const wanted = id.toLowerCase();
    return this.sites.find((site) => site.id.toLowerCase() === wanted);
  }

  findSiteByPath(path: string): SpSite | undefined {
    const wanted = path.replace(/\/+$/, '').toLowerCase();
    return this.sites.find((site) => site.path.toLowerCase() === wanted);
  }

  /** A list by GUID or by display name (Graph accepts both). */
  findList(site: SpSite, idOrTitle: string): SpList | undefined {
    if (isGuid(idOrTitle)) {
      const byId = site.lists.find((list) => list.id.toLowerCase() === idOrTitle.toLowerCase());
      if (byId) return byId;
    }
    const wanted = idOrTitle.toLowerCase();
    return site.lists.find((list) => list.displayName.toLowerCase() === wanted);
  }

  getList(site: SpSite, idOrTitle: string): SpList {
    const list = this.findList(site, idOrTitle);
    if (!list) throw itemNotFound(`List '${idOrTitle}' was not found in site '${site.path}'.`);
    return list;
  }

  createList(
    site: SpSite,
    displayName: string,
    description: string,
    customColumns: Column[],
    settings: { hidden: boolean; contentTypesEnabled: boolean },
  ): SpList {
    if (site.lists.some((list) => list.displayName.toLowerCase() === displayName.toLowerCase())) {
      throw nameAlreadyExists(
        'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
      );
    }
    const list = this.newList(displayName, description, 'genericList');
    list.hidden = settings.hidden;
    list.contentTypesEnabled = settings.contentTypesEnabled;
    if (site.lists.some((other) => other.name.toLowerCase() === list.name.toLowerCase())) {
      list.name = `${list.name}${site.lists.length}`;
    }
    for (const column of customColumns) this.addColumnTo(list, column);
    list.version = 1; // columns sent with the create are part of version 1
    site.lists.push(list);
    return list;
  }

  private newList(displayName: string, description: string, template: SpList['template']): SpList {
    const now = sharePointTime();
    const urlName = displayName.replace(URL_NAME_FORBIDDEN, '').trim() || 'List';
    return {
      id: randomUUID(),
      name: urlName,
      displayName,
      description,
      template,
      hidden: false,
      contentTypesEnabled: false,
      created: now,
      modified: now,
      version: 1,
      rootFolderId: randomUUID(),
      contentTypeId: `0x0100${randomUUID().replace(/-/g, '').toUpperCase()}`,
      columns: template === 'genericList' ? builtInColumns() : [],
      items: [],
      nextItemId: 1,
    };
  }

  deleteList(site: SpSite, list: SpList): void {
    site.lists.splice(site.lists.indexOf(list), 1);
  }

  /** Adds a custom column; a name used already (any case) is a conflict, as in SharePoint. */
  addColumnTo(list: SpList, column: Column): void {
    if (list.columns.some((c) => c.name.toLowerCase() === column.name.toLowerCase())) {
      throw nameAlreadyExists(`A duplicate field name "${column.name}" was found.`);
    }
    checkIndexLimit([...list.columns, column]);
    list.columns.push(column);
    this.touchList(list);
  }

  replaceColumn(list: SpList, column: Column): void {
    const next = list.columns.map((c) => (c.id === column.id ? column : c));
    checkIndexLimit(next);
    list.columns = next;
    this.touchList(list);
  }

  deleteColumn(list: SpList, column: Column): void {
    if (column.builtIn) throw invalidRequest(`Column '${column.name}' is built in and cannot be deleted.`);
    list.columns = list.columns.filter((c) => c.id !== column.id);
    for (const item of list.items) item.values.delete(column.name);
    this.touchList(list);
  }

  findColumnById(list: SpList, id: string): Column | undefined {
    return list.columns.find((c) => c.id.toLowerCase() === id.toLowerCase());
  }

  findItem(list: SpList, id: string): SpItem | undefined {
    if (!/^[1-9]\d*$/.test(id)) return undefined;
    const wanted = Number(id);
    return list.items.find((item) => item.id === wanted);
  }

  getItem(list: SpList, id: string): SpItem {
    const item = this.findItem(list, id);
    if (!item) throw itemNotFound(`Item '${id}' was not found in list '${list.displayName}'.`);
    return item;
  }

  createItem(list: SpList, values: Map<string, FieldValue>): SpItem {
    this.checkUnique(list, values, undefined);
    const now = sharePointTime();
    const item: SpItem = {
      id: list.nextItemId,
      uniqueId: randomUUID(),
      version: 1,
      created: now,
      modified: now,
      values,
    };
    list.nextItemId += 1;
    list.items.push(item);
    list.modified = now;
    return item;
  }

  updateItem(list: SpList, item: SpItem, changes: Map<string, FieldValue | null>): void {
    const next = new Map(item.values);
    for (const [name, value] of changes) {
      if (value === null) next.delete(name);
      else next.set(name, value);
    }
    this.checkUnique(list, next, item);
    item.values = next;
    item.version += 1;
    item.modified = sharePointTime();
    list.modified = item.modified;
  }

  deleteItem(list: SpList, item: SpItem): void {
    list.items.splice(list.items.indexOf(item), 1);
    list.modified = sharePointTime();
  }

  private checkUnique(list: SpList, values: Map<string, FieldValue>, self: SpItem | undefined): void {
    for (const column of list.columns) {
      if (!column.enforceUniqueValues) continue;
      const value = values.get(column.name);
      if (value === undefined) continue;
      const clash = list.items.some((other) => {
        if (other === self) return false;
        const theirs = other.values.get(column.name);
        return typeof theirs === 'string' && typeof value === 'string'
          ? theirs.toLowerCase() === value.toLowerCase()
          : theirs === value;
      });
      if (clash) {
        throw invalidRequest(
          `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${column.name}].`,
        );
      }
    }
  }

  private touchList(list: SpList): void {
    list.version += 1;
    list.modified = sharePointTime();
  }
}

/** An item's eTag as Graph shows it: a quoted "GUID,version". */
export const itemETag = (item: SpItem): string => `"${item.uniqueId},${item.version}"`;

export const listETag = (list: SpList): string => `"${list.id},${list.version}"`;
