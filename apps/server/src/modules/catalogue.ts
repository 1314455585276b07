import { PermissionCatalogue } from '../platform/permissions.js';
import { auditPermissionGroups } from './audit/audit.permissions.js';
import { billingPermissionGroups } from './billing/billing.permissions.js';
import { customFieldPermissionGroups } from './custom-fields/custom-fields.permissions.js';
import { discountsPermissionGroups } from './discounts/discounts.permissions.js';
import { feesPermissionGroups } from './fees/fees.permissions.js';
import { noticesPermissionGroups } from './notices/notices.permissions.js';
import { orgPermissionGroups } from './org/org.permissions.js';
import { peoplePermissionGroups } from './people/people.permissions.js';
import { resourcesPermissionGroups } from './resources/resources.permissions.js';

/** Every module's permissions, in menu order: one list per module, registered here. */
export const permissionCatalogue = new PermissionCatalogue([
  ...orgPermissionGroups,
  ...resourcesPermissionGroups,
  ...customFieldPermissionGroups,
  ...peoplePermissionGroups,
  ...feesPermissionGroups,
  ...billingPermissionGroups,
  ...discountsPermissionGroups,
  ...noticesPermissionGroups,
  ...auditPermissionGroups,
]);
