import type { App } from '../platform/http.js';
import { auditRoutes } from './audit/audit.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import {
  companyRoutes,
  departmentRoutes,
  employeeRoutes,
  projectRoutes,
} from './org/org.routes.js';
import { peopleRoutes, resourceLinkRoutes, vehicleRoutes } from './people/people.routes.js';

/** Every module's routes; adding a module is one line here and one in catalogue.ts. */
export const moduleRoutes: ((app: App) => void)[] = [
  authRoutes,
  companyRoutes,
  projectRoutes,
  departmentRoutes,
  employeeRoutes,
  peopleRoutes,
  resourceLinkRoutes,
  vehicleRoutes,
  auditRoutes,
];
