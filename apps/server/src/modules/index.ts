import type { App } from '../platform/http.js';
import type { JobQueue } from '../platform/jobs.js';
import type { NotifyProviders } from '../platform/notify/index.js';
import { auditRoutes } from './audit/audit.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { BILL_RUN_JOB, billRunJob } from './billing/bill-run.service.js';
import { billingRoutes } from './billing/billing.routes.js';
import { customFieldRoutes } from './custom-fields/custom-fields.routes.js';
import { discountRoutes } from './discounts/discounts.routes.js';
import { feeRoutes } from './fees/fees.routes.js';
import {
  companyRoutes,
  departmentRoutes,
  employeeRoutes,
  projectRoutes,
} from './org/org.routes.js';
import { IMPORT_JOB, importJobHandler } from './imports/import.service.js';
import type { ImportDefinition } from './imports/import.types.js';
import { importRoutes } from './imports/imports.routes.js';
import { NOTICE_JOB, noticeJobHandler } from './notices/notice-sender.js';
import { noticeRoutes } from './notices/notices.routes.js';
import { peopleImport, vehicleImport } from './people/people-import.js';
import { peopleRoutes, resourceLinkRoutes, vehicleRoutes } from './people/people.routes.js';
import { resourceRoutes } from './resources/resources.routes.js';
import { parkingSpaceImport, shopImport } from './resources/kind-imports.js';
import { roomImport } from './resources/room-import.js';

/** Every list that imports from Excel. */
const importDefinitions: ImportDefinition[] = [
  roomImport,
  shopImport,
  parkingSpaceImport,
  peopleImport,
  vehicleImport,
];

/** Every module's routes; adding a module is one line here and one in catalogue.ts. */
export const moduleRoutes: ((app: App) => void)[] = [
  authRoutes,
  companyRoutes,
  projectRoutes,
  departmentRoutes,
  employeeRoutes,
  resourceRoutes,
  customFieldRoutes,
  importRoutes(importDefinitions),
  peopleRoutes,
  resourceLinkRoutes,
  vehicleRoutes,
  feeRoutes,
  billingRoutes,
  discountRoutes,
  auditRoutes,
  noticeRoutes,
];

/** Handlers of background jobs, by kind. */
export function registerJobs(jobs: JobQueue, notify: NotifyProviders): void {
  jobs.register(IMPORT_JOB, importJobHandler(importDefinitions));
  jobs.register(NOTICE_JOB, noticeJobHandler(notify));
  jobs.register(BILL_RUN_JOB, billRunJob());
}
