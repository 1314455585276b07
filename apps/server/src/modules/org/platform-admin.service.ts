import type { Database } from '../../db/database.js';
import { alreadyExists, invalidField } from '../../platform/errors.js';
import { hashPassword, isStrongEnough } from '../../platform/password.js';
import { nowInstant } from '../../platform/time.js';
import { insertPlatformAdmin, usernameTaken } from './org.repository.js';

/** Creates a platform administrator, who opens companies; used by the CLI and the demo. */
export async function createPlatformAdmin(
  db: Database,
  input: { username: string; name: string; password: string },
): Promise<number> {
  if (!isStrongEnough(input.password)) throw invalidField('password', 'validation.password');
  if (await usernameTaken(db, input.username)) throw alreadyExists('username');

  return insertPlatformAdmin(db, {
    username: input.username,
    name: input.name,
    password_hash: await hashPassword(input.password),
    status: 'active',
    created_at: nowInstant(),
  });
}
