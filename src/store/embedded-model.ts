/**
 * The bridge between the embedded Cosmos server's in-memory model (@vercel/cosmosdb-server) and
 * the journal. It observes every change where the server makes it, rather than at the HTTP layer:
 * every create, replace, upsert, patch, delete and batch operation on databases, containers and
 * items ends in one of three methods of the server's `Items` class (create, replace, delete; upsert
 * and patch call those). Wrapping those three gives one record per change, in the exact order the
 * changes were made, whatever the HTTP route.
 *
 * It relies on internals of @vercel/cosmosdb-server 1.0.x (pinned with ~ in package.json):
 * `lib/account` (the Account class, built when a server starts listening) and
 * `lib/account/items`. test/store/journal.test.ts fails if a new release moves them.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { installLinearQueries } from "./embedded-query";

/** One change, as written to the journal and the snapshot. Replaying them in order rebuilds the store. */
export type StoreRecord =
  | { op: "db"; id: string }
  | { op: "dropdb"; id: string }
  | { op: "coll"; db: string; def: Record<string, unknown> }
  | { op: "dropcoll"; db: string; id: string }
  | { op: "put"; db: string; coll: string; doc: Record<string, unknown> }
  | { op: "del"; db: string; coll: string; id: string; pk: unknown };

interface Item {
  read(): Record<string, any> | undefined;
}
interface Items {
  _parent: unknown;
  _data: Map<string, any>;
  create(data: Record<string, unknown>): Record<string, any>;
  replace(data: Record<string, unknown>, original: Record<string, any>): Record<string, any>;
  upsert(data: Record<string, unknown>): Record<string, any>;
  delete(idOrRid: string, partition: unknown): void;
  _item(keyPath: string, value: unknown, partition: unknown): Item;
  _getPartition(data: Record<string, unknown>): unknown;
}
interface Collection extends Item {
  documents: Items;
}
interface Database extends Item {
  collections: Items;
  collection(id: string): Collection;
}
export interface Account extends Item {
  databases: Items;
  database(id: string): Database;
}

/** Where the changes of one server's model go. */
export interface ChangeSink {
  append(record: StoreRecord): void;
  /** While true, changes are being replayed from disk and are not journalled again. */
  replaying: boolean;
}

type Owner = { sink: ChangeSink; kind: "dbs" } | { sink: ChangeSink; kind: "colls"; db: string } | { sink: ChangeSink; kind: "docs"; db: string; coll: string };

const owners = new WeakMap<object, Owner>();
const accountsByPort = new Map<number, Account>();
let installed = false;
let depth = 0;

/** Server fields that are rebuilt on load. `_etag` and `_ts` are kept so they survive a restart. */
const REBUILT = ["_rid", "_self", "_attachments"];

function strip(doc: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const copy = { ...doc };
  for (const f of fields) delete copy[f];
  return copy;
}

/** A container definition without any server-made field (they all start with "_"). */
function containerDef(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([k]) => !k.startsWith("_")));
}

function register(items: Items, owner: Owner): void {
  owners.set(items, owner);
}

/** After an item was created or replaced in `items`: journal it, and track the children it owns. */
function afterPut(items: Items, owner: Owner, data: Record<string, any>): void {
  const sink = owner.sink;
  if (owner.kind === "dbs") {
    const db = items._data.get(data._rid) as Database;
    register(db.collections, { sink, kind: "colls", db: data.id });
    if (!sink.replaying) sink.append({ op: "db", id: data.id });
  } else if (owner.kind === "colls") {
    const coll = items._data.get(data._rid) as Collection;
    register(coll.documents, { sink, kind: "docs", db: owner.db, coll: data.id });
    if (!sink.replaying) sink.append({ op: "coll", db: owner.db, def: containerDef(data) });
  } else if (!sink.replaying) {
    sink.append({ op: "put", db: owner.db, coll: owner.coll, doc: strip(data, REBUILT) });
  }
}

function afterDelete(items: Items, owner: Owner, data: Record<string, any>): void {
  if (owner.sink.replaying) return;
  if (owner.kind === "dbs") owner.sink.append({ op: "dropdb", id: data.id });
  else if (owner.kind === "colls") owner.sink.append({ op: "dropcoll", db: owner.db, id: data.id });
  else owner.sink.append({ op: "del", db: owner.db, coll: owner.coll, id: data.id, pk: items._getPartition(data) });
}

/** Wrap the server's model once per process. Servers whose account is not attached are left alone. */
export function installHooks(): void {
  installLinearQueries();
  if (installed) return;
  installed = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const accountModule = require("@vercel/cosmosdb-server/lib/account") as { default: new (host: string, port: number) => Account };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const itemsModule = require("@vercel/cosmosdb-server/lib/account/items") as { default: { prototype: Items } };
  const BaseAccount = accountModule.default;
  // The server builds its account when it starts listening, with its port: note it by port.
  accountModule.default = class extends (BaseAccount as new (host: string, port: number) => object) {
    constructor(host: string, port: number) {
      super(host, port);
      accountsByPort.set(port, this as unknown as Account);
    }
  } as unknown as typeof BaseAccount;

  const proto = itemsModule.default.prototype;
  const { create, replace, delete: remove } = proto;
  // Only the outermost call is a change: replace deletes then re-adds, and upsert calls create or replace.
  proto.create = function (this: Items, data) {
    depth++;
    let out: Record<string, any>;
    try {
      out = create.call(this, data);
    } finally {
      depth--;
    }
    const owner = depth === 0 ? owners.get(this) : undefined;
    if (owner) afterPut(this, owner, out);
    return out;
  };
  proto.replace = function (this: Items, data, original) {
    depth++;
    let out: Record<string, any>;
    try {
      out = replace.call(this, data, original);
    } finally {
      depth--;
    }
    const owner = depth === 0 ? owners.get(this) : undefined;
    if (owner) afterPut(this, owner, out);
    return out;
  };
  proto.delete = function (this: Items, idOrRid, partition) {
    const owner = depth === 0 ? owners.get(this) : undefined;
    const before = owner ? this._item("/id", idOrRid, partition).read() : undefined;
    depth++;
    try {
      remove.call(this, idOrRid, partition);
    } finally {
      depth--;
    }
    if (owner && before) afterDelete(this, owner, before);
  };
}

/** The model of the server listening on `port` (call once it listens), attached to `sink`. */
export function attachAccount(port: number, sink: ChangeSink): Account {
  const account = accountsByPort.get(port);
  if (!account) throw new Error("The embedded store could not reach its server's data model (has @vercel/cosmosdb-server changed?)");
  accountsByPort.delete(port);
  register(account.databases, { sink, kind: "dbs" });
  return account;
}

/** Apply one record to the model (while the sink is replaying). Every record is idempotent. */
export function applyRecord(account: Account, r: StoreRecord): void {
  switch (r.op) {
    case "db":
      if (!account.database(r.id).read()) account.databases.create({ id: r.id });
      return;
    case "dropdb":
      if (account.database(r.id).read()) account.databases.delete(r.id, r.id);
      return;
    case "coll": {
      const db = account.database(r.db);
      const existing = db.collection(String(r.def.id)).read();
      // Replacing a container empties it on this server, so replay does the same.
      if (existing) db.collections.replace({ ...r.def }, existing);
      else db.collections.create({ ...r.def });
      return;
    }
    case "dropcoll": {
      const db = account.database(r.db);
      if (db.collection(r.id).read()) db.collections.delete(r.id, r.id);
      return;
    }
    case "put": {
      const docs = account.database(r.db).collection(r.coll).documents;
      const stored = docs.upsert(strip(r.doc, ["_etag", "_ts", ...REBUILT]));
      // Keep the etag and timestamp the document had, so both mean the same after a restart.
      if (typeof r.doc._etag === "string") stored._etag = r.doc._etag;
      if (typeof r.doc._ts === "number") stored._ts = r.doc._ts;
      return;
    }
    case "del": {
      const docs = account.database(r.db).collection(r.coll).documents;
      if (docs._item("/id", r.id, r.pk).read()) docs.delete(r.id, r.pk);
      return;
    }
  }
}

/**
 * The whole store as records, taken synchronously so it is one consistent moment. Items are never
 * changed in place by the server (every change stores a new object), so this only copies references.
 */
export function captureRecords(account: Account): StoreRecord[] {
  const out: StoreRecord[] = [];
  for (const db of account.databases._data.values() as IterableIterator<Database>) {
    const dbData = db.read();
    if (!dbData) continue;
    out.push({ op: "db", id: dbData.id });
    for (const coll of db.collections._data.values() as IterableIterator<Collection>) {
      const c = coll.read();
      if (!c) continue;
      out.push({ op: "coll", db: dbData.id, def: containerDef(c) });
      for (const doc of coll.documents._data.values() as IterableIterator<Item>) {
        const d = doc.read();
        if (d) out.push({ op: "put", db: dbData.id, coll: c.id, doc: d });
      }
    }
  }
  return out;
}

/** JSON for a captured record, without the fields the server rebuilds. */
export function recordJson(r: StoreRecord): string {
  return JSON.stringify(r.op === "put" ? { ...r, doc: strip(r.doc, REBUILT) } : r);
}
