import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The tenant's persistent store: one SQLite file (better-sqlite3, synchronous).
 *
 * Every resource is a JSON document of a `kind` ("user", "group", "site", "list", "listItem",
 * "driveItem", "event", ...) with an id and an optional parent id. Because better-sqlite3 is
 * synchronous and each route does its reads and writes inside one `transaction`, two requests
 * never interleave half-written state, and a throw rolls the whole change back.
 */
export class TenantStore {
  readonly db: Database.Database;

  constructor(file: string | ':memory:') {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS entities (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        parent TEXT,
        data TEXT NOT NULL,
        UNIQUE (kind, id)
      );
      CREATE INDEX IF NOT EXISTS entities_parent ON entities (kind, parent);
      CREATE TABLE IF NOT EXISTS blobs (id TEXT PRIMARY KEY, content BLOB NOT NULL);
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
  }

  /** Runs `fn` atomically: all its writes land, or none do. Nested calls join the outer transaction. */
  transaction<T>(fn: () => T): T {
    return this.db.inTransaction ? fn() : this.db.transaction(fn)();
  }

  get<T>(kind: string, id: string): T | undefined {
    const row = this.db.prepare('SELECT data FROM entities WHERE kind = ? AND id = ?').get(kind, id) as
      { data: string } | undefined;
    return row ? (JSON.parse(row.data) as T) : undefined;
  }

  /** Documents of a kind, in creation order; with `parent`, only that parent's children. */
  list<T>(kind: string, parent?: string): T[] {
    const rows = (
      parent === undefined
        ? this.db.prepare('SELECT data FROM entities WHERE kind = ? ORDER BY seq').all(kind)
        : this.db
            .prepare('SELECT data FROM entities WHERE kind = ? AND parent = ? ORDER BY seq')
            .all(kind, parent)
    ) as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as T);
  }

  /** Inserts or replaces a document, keeping its original creation order. */
  put<T extends { id: string }>(kind: string, doc: T, parent?: string): T {
    this.db
      .prepare(
        `INSERT INTO entities (kind, id, parent, data) VALUES (?, ?, ?, ?)
         ON CONFLICT (kind, id) DO UPDATE SET data = excluded.data, parent = excluded.parent`,
      )
      .run(kind, doc.id, parent ?? null, JSON.stringify(doc));
    return doc;
  }

  delete(kind: string, id: string): boolean {
    return this.db.prepare('DELETE FROM entities WHERE kind = ? AND id = ?').run(kind, id).changes > 0;
  }

  getBlob(id: string): Buffer | undefined {
    const row = this.db.prepare('SELECT content FROM blobs WHERE id = ?').get(id) as
      { content: Buffer } | undefined;
    return row?.content;
  }

  putBlob(id: string, content: Buffer): void {
    this.db
      .prepare(
        'INSERT INTO blobs (id, content) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET content = excluded.content',
      )
      .run(id, content);
  }

  deleteBlob(id: string): void {
    this.db.prepare('DELETE FROM blobs WHERE id = ?').run(id);
  }

  getMeta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)
      ?.value;
  }

  setMeta(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }

  close(): void {
    this.db.close();
  }
}
