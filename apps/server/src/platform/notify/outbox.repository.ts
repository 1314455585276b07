import type { Insertable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { SmsOutboxTable } from '../../db/schema.js';

export async function insertSmsOutbox(
  db: Database,
  row: Insertable<SmsOutboxTable>,
): Promise<number> {
  const inserted = await db
    .insertInto('sms_outbox')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();

  return inserted.id;
}
