import type { Insertable } from 'kysely';
import type { Database } from '../db/database.js';
import type { AuditLogTable } from '../db/schema.js';

export async function insertAuditEntry(
  db: Database,
  entry: Insertable<AuditLogTable>,
): Promise<void> {
  await db.insertInto('audit_log').values(entry).execute();
}
