import type { Migration } from 'kysely';
import * as createOrganisation from './202612031400-create-organisation.js';
import * as createPropertyArchive from './202612031500-create-property-archive.js';
import * as createFees from './202612031620-create-fees.js';
import * as createBilling from './202612031700-create-billing.js';
import * as createNotices from './202612031710-create-notices.js';
import * as createDiscountSchemes from './202612031720-create-discount-schemes.js';

/** Every migration, by name; names sort in the order they run. A landed migration is never edited. */
export const migrations: Record<string, Migration> = {
  '202612031400-create-organisation': createOrganisation,
  '202612031500-create-property-archive': createPropertyArchive,
  '202612031620-create-fees': createFees,
  '202612031700-create-billing': createBilling,
  '202612031710-create-notices': createNotices,
  '202612031720-create-discount-schemes': createDiscountSchemes,
};
