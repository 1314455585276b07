import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types shared by both dialects. Instants are ISO 8601 UTC strings, business dates are
 * `YYYY-MM-DD` strings, decimals are strings, flags are 0/1 integers, JSON is text.
 */
type Id = Generated<number>;
type Flag = number;
type Instant = string;

export interface CompanyTable {
  id: Id;
  name: string;
  code: string;
  contact_name: string | null;
  contact_phone: string | null;
  status: 'active' | 'disabled';
  /**
   * Bumped by every change that alters what a signed-in employee may do or see (departments,
   * employees, projects, the company itself), so cached sessions know to reload.
   */
  auth_epoch: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface PlatformAdminTable {
  id: Id;
  username: string;
  name: string;
  password_hash: string;
  status: 'active' | 'disabled';
  created_at: Instant;
}

export interface ProjectTable {
  id: Id;
  org_id: number;
  name: string;
  code: string;
  address: string | null;
  type: 'residential' | 'commercial' | 'mixed';
  area: string | null;
  status: 'active' | 'archived';
  created_at: Instant;
  updated_at: Instant;
}

export interface DepartmentTable {
  id: Id;
  org_id: number;
  parent_id: number | null;
  name: string;
  sort_order: number;
  console_permissions: string;
  app_permissions: string;
  created_at: Instant;
  updated_at: Instant;
}

export interface EmployeeTable {
  id: Id;
  org_id: number;
  department_id: number;
  name: string;
  phone: string | null;
  username: string;
  password_hash: string;
  console_login: Flag;
  app_login: Flag;
  all_projects: Flag;
  status: 'active' | 'disabled';
  created_at: Instant;
  updated_at: Instant;
}

export interface EmployeeProjectTable {
  org_id: number;
  employee_id: number;
  project_id: number;
}

export interface ButlerAssignmentTable {
  id: Id;
  org_id: number;
  project_id: number;
  employee_id: number;
  resource_type: 'building' | 'room';
  resource_id: number;
  created_at: Instant;
}

export interface SessionTable {
  id: string;
  account_kind: 'employee' | 'platform';
  account_id: number;
  org_id: number | null;
  channel: 'console' | 'app';
  ip: string | null;
  user_agent: string | null;
  created_at: Instant;
  last_seen_at: Instant;
  expires_at: Instant;
  revoked_at: Instant | null;
}

export interface LoginFailureTable {
  id: Id;
  login_key: string;
  ip: string | null;
  created_at: Instant;
}

export interface AuditLogTable {
  id: Id;
  org_id: number | null;
  project_id: number | null;
  actor_kind: 'employee' | 'platform' | 'system';
  actor_id: number | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  request_id: string | null;
  created_at: ColumnType<Instant, Instant, never>;
}

export interface DB {
  company: CompanyTable;
  platform_admin: PlatformAdminTable;
  project: ProjectTable;
  department: DepartmentTable;
  employee: EmployeeTable;
  employee_project: EmployeeProjectTable;
  butler_assignment: ButlerAssignmentTable;
  session: SessionTable;
  login_failure: LoginFailureTable;
  audit_log: AuditLogTable;
}

export type CompanyRow = Selectable<CompanyTable>;
export type ProjectRow = Selectable<ProjectTable>;
export type DepartmentRow = Selectable<DepartmentTable>;
export type EmployeeRow = Selectable<EmployeeTable>;
export type NewEmployee = Insertable<EmployeeTable>;
export type EmployeeUpdate = Updateable<EmployeeTable>;
export type SessionRow = Selectable<SessionTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
