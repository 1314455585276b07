import type { Migration } from 'kysely';
import * as createOrganisation from './202612031400-create-organisation.js';

/** Every migration, by name; names sort in the order they run. A landed migration is never edited. */
export const migrations: Record<string, Migration> = {
  '202612031400-create-organisation': createOrganisation,
};
