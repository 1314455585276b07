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

export type ResourceKind = 'room' | 'shop' | 'parking_space' | 'ad_space' | 'storage';
export type ResourceStatus = 'unsold' | 'vacant' | 'occupied' | 'renovating' | 'rented' | 'sold';
type BusinessDate = string;

export interface BuildingTable {
  id: Id;
  org_id: number;
  project_id: number;
  code: string;
  name: string;
  floors_above: number | null;
  floors_below: number | null;
  sort_order: number;
  note: string | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface BuildingUnitTable {
  id: Id;
  org_id: number;
  project_id: number;
  building_id: number;
  code: string;
  name: string;
  sort_order: number;
  created_at: Instant;
}

export interface ParkingLotTable {
  id: Id;
  org_id: number;
  project_id: number;
  code: string;
  name: string;
  lot_type: 'above_ground' | 'underground';
  created_at: Instant;
  updated_at: Instant;
}

/** The identity every billable thing shares; the fee module bills resources. */
export interface ResourceTable {
  id: Id;
  org_id: number;
  project_id: number;
  kind: ResourceKind;
  code: string;
  area: string | null;
  status: ResourceStatus;
  building_id: number | null;
  created_at: Instant;
  updated_at: Instant;
  archived_at: Instant | null;
}

export interface RoomTable {
  resource_id: number;
  building_id: number;
  unit_id: number | null;
  floor: number;
  inner_area: string | null;
  layout: string | null;
  decoration: 'rough' | 'simple' | 'fine' | null;
  room_use: 'residential' | 'commercial' | 'office';
  fee_coefficient: ColumnType<string, string | undefined, string>;
  delivery_date: BusinessDate | null;
  move_in_date: BusinessDate | null;
}

export interface ShopTable {
  resource_id: number;
  floor: number | null;
  lease_start: BusinessDate | null;
  lease_end: BusinessDate | null;
  business_scope: string | null;
  rent_standard: string | null;
}

export interface ParkingSpaceTable {
  resource_id: number;
  lot_id: number;
  space_type: 'standard' | 'large' | 'charging' | 'mother_child';
}

export interface AdSpaceTable {
  resource_id: number;
  location: string;
  size: string | null;
  lease_start: BusinessDate | null;
  lease_end: BusinessDate | null;
}

export interface StorageRoomTable {
  resource_id: number;
  storage_type: 'basement' | 'storage_room';
  floor: number | null;
}

export interface PersonTable {
  id: Id;
  org_id: number;
  project_id: number;
  name: string;
  mobile: string | null;
  id_type: string | null;
  id_number: string | null;
  gender: 'male' | 'female' | null;
  birthday: BusinessDate | null;
  tags: string;
  note: string | null;
  /** Where e-mail notices go; null: e-mail notices are skipped. Optional so older inserts hold. */
  email?: string | null;
  created_at: Instant;
  updated_at: Instant;
}

export type PersonRole = 'owner' | 'co_owner' | 'family' | 'tenant';

export interface ResourcePersonTable {
  id: Id;
  org_id: number;
  project_id: number;
  resource_id: number;
  person_id: number;
  role: PersonRole;
  relation: string | null;
  start_date: BusinessDate;
  end_date: BusinessDate | null;
  end_reason: string | null;
  created_at: Instant;
}

export interface VehicleTable {
  id: Id;
  org_id: number;
  project_id: number;
  plate: string;
  vehicle_type: string;
  colour: string | null;
  person_id: number | null;
  parking_space_id: number | null;
  created_at: Instant;
  updated_at: Instant;
}

export type CustomFieldEntity =
  'room' | 'shop' | 'parking_space' | 'ad_space' | 'storage' | 'owner' | 'tenant';

export interface CustomFieldTable {
  id: Id;
  org_id: number;
  entity: CustomFieldEntity;
  field_key: string;
  label: string;
  field_type: 'text' | 'number' | 'date' | 'single' | 'multiple' | 'boolean';
  options: string;
  required: Flag;
  sort_order: number;
  status: 'active' | 'archived';
  created_at: Instant;
  updated_at: Instant;
}

export interface CustomValueTable {
  org_id: number;
  field_id: number;
  entity_id: number;
  value: string;
}

export interface EmployeeBuildingTable {
  org_id: number;
  employee_id: number;
  building_id: number;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface JobTable {
  id: Id;
  org_id: number | null;
  project_id: number | null;
  kind: string;
  status: JobStatus;
  progress: number;
  total: number;
  payload: string;
  result: string | null;
  error: string | null;
  created_by: number | null;
  claimed_by: string | null;
  created_at: Instant;
  started_at: Instant | null;
  heartbeat_at: Instant | null;
  finished_at: Instant | null;
}

export type FeeCategory =
  'property_fee' | 'water' | 'electricity' | 'gas' | 'parking' | 'rent' | 'deposit' | 'other';
export type FeeCycle = 'monthly' | 'quarterly' | 'half_yearly' | 'yearly' | 'one_off';
export type DueRule = 'days_after_period_start' | 'days_after_period_end' | 'day_of_first_month';
export type RoundingMode = 'half_up' | 'half_even' | 'down' | 'up' | 'yuan';
export type ProrationMethod = 'actual_days' | 'thirty_day_month' | 'none';
export type LateFeeCapKind = 'none' | 'percent' | 'fixed';
export type StandardMethod =
  | 'area_price'
  | 'fixed'
  | 'floor_coefficient'
  | 'usage_price'
  | 'tiered_usage'
  | 'rent_escalation'
  | 'parking_monthly'
  | 'parking_temporary'
  | 'custom_formula';
export type PriceScope = 'project' | 'building' | 'unit' | 'floor_range' | 'resource';

/** 收费项目: what is charged, with its cycle, due date, rounding and late-fee settings. */
export interface FeeItemTable {
  id: Id;
  org_id: number;
  project_id: number;
  code: string;
  name: string;
  category: FeeCategory;
  cycle: FeeCycle;
  billing_mode: 'prepaid' | 'postpaid';
  due_rule: DueRule;
  due_value: number;
  rounding_mode: RoundingMode;
  proration: ProrationMethod;
  tax_rate: string;
  late_fee_enabled: Flag;
  late_fee_clause_ref: string | null;
  late_fee_start_date: BusinessDate | null;
  late_fee_rate_per_day: string;
  late_fee_grace_days: number;
  late_fee_cap_kind: LateFeeCapKind;
  late_fee_cap_percent: string | null;
  late_fee_cap_fen: number | null;
  status: 'active' | 'archived';
  note: string | null;
  created_at: Instant;
  updated_at: Instant;
}

/** 收费标准: how an item is computed; `parameters` is the method's JSON, checked by zod. */
export interface FeeStandardTable {
  id: Id;
  org_id: number;
  project_id: number;
  fee_item_id: number;
  name: string;
  method: StandardMethod;
  parameters: string;
  resource_kinds: string;
  room_use: 'residential' | 'commercial' | 'office' | null;
  status: 'active' | 'archived';
  note: string | null;
  created_at: Instant;
  updated_at: Instant;
}

/** A standard's unit price for one scope from a date; append-only. */
export interface FeePriceTable {
  id: Id;
  org_id: number;
  project_id: number;
  standard_id: number;
  scope: PriceScope;
  building_id: number | null;
  unit_id: number | null;
  floor_from: number | null;
  floor_to: number | null;
  resource_id: number | null;
  price: string;
  effective_from: BusinessDate;
  /** The last day the price applies (inclusive); null: until a later row replaces it. */
  effective_to: BusinessDate | null;
  created_by: number | null;
  created_at: Instant;
}

/** 收费绑定: a standard charged on a resource from a start date to an optional (inclusive) end. */
export interface FeeBindingTable {
  id: Id;
  org_id: number;
  project_id: number;
  fee_item_id: number;
  standard_id: number;
  resource_id: number;
  start_date: BusinessDate;
  end_date: BusinessDate | null;
  end_reason: string | null;
  note: string | null;
  created_by: number | null;
  created_at: Instant;
  updated_at: Instant;
}

export type DiscountSchemeKind =
  'free_months' | 'percent_for_months' | 'fixed_reduction' | 'loyalty' | 'vacancy' | 'deferral';

/** 优惠方案: a discount rule of a project; `parameters` is the kind's JSON, checked by zod. */
export interface DiscountSchemeTable {
  id: Id;
  org_id: number;
  project_id: number;
  code: string;
  name: string;
  kind: DiscountSchemeKind;
  parameters: string;
  /** A sorted JSON array of fee_item ids; null: every fee item of the project. */
  fee_item_ids: string | null;
  valid_from: BusinessDate;
  /** The last day the scheme applies (inclusive); null: open-ended. */
  valid_to: BusinessDate | null;
  /** Order among schemes of the same stacking stage; lower first. */
  priority: number;
  status: 'active' | 'archived';
  note: string | null;
  created_by: number | null;
  created_at: Instant;
  updated_at: Instant;
}

export type BillKind = 'periodic' | 'temporary' | 'late_fee';
export type BillStatus = 'unpaid' | 'partially_paid' | 'paid' | 'void';
export type BillEntryKind = 'payment' | 'reduction' | 'offset' | 'void' | 'deferral';
export type BillRunStatus = 'queued' | 'running' | 'completed' | 'cancelled' | 'failed';

/** 批量生成账单: one run of a project's periodic bills over a range of months. */
export interface BillRunTable {
  id: Id;
  org_id: number;
  project_id: number;
  /** First and last month of the range, `YYYY-MM`, inclusive. */
  from_month: string;
  to_month: string;
  fee_item_ids: string;
  building_ids: string | null;
  notify: Flag;
  status: BillRunStatus;
  job_id: number | null;
  cancel_requested: ColumnType<number, number | undefined, number>;
  bill_count: ColumnType<number, number | undefined, number>;
  total_fen: ColumnType<number, number | undefined, number>;
  skipped_count: ColumnType<number, number | undefined, number>;
  error: string | null;
  created_by: number | null;
  created_at: Instant;
  finished_at: Instant | null;
}

/**
 * 账单: one charge, never edited or deleted. `amount_fen` is what was charged; the balance
 * columns are the running sums of its entries (`charged = amount − voided`,
 * `outstanding = charged − paid − reduced − offset`), written with each entry.
 */
export interface BillTable {
  id: Id;
  org_id: number;
  project_id: number;
  building_id: number | null;
  resource_id: number;
  fee_item_id: number;
  standard_id: number | null;
  binding_id: number | null;
  bill_run_id: number | null;
  kind: BillKind;
  parent_bill_id: number | null;
  period_key: string | null;
  period_label: string;
  period_start: BusinessDate;
  /** The last day the bill covers (inclusive). */
  period_end: BusinessDate;
  due_date: BusinessDate;
  payer_person_id: number | null;
  payer_name: string | null;
  amount_fen: number;
  calculation: string;
  description: string | null;
  status: BillStatus;
  charged_fen: number;
  paid_fen: ColumnType<number, number | undefined, number>;
  reduced_fen: ColumnType<number, number | undefined, number>;
  offset_fen: ColumnType<number, number | undefined, number>;
  outstanding_fen: number;
  entry_count: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  created_at: Instant;
  updated_at: Instant;
}

/** A movement on a bill: payment allocation, reduction, offset from a wallet, void, deferral. */
export interface BillEntryTable {
  id: Id;
  org_id: number;
  project_id: number;
  bill_id: number;
  kind: BillEntryKind;
  amount_fen: number;
  entry_date: BusinessDate;
  new_due_date: BusinessDate | null;
  reason: string | null;
  source_type: string | null;
  source_id: number | null;
  created_by: number | null;
  created_at: Instant;
}

export type NoticeChannel = 'in_app' | 'sms' | 'email';
export type NoticeDeliveryStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'skipped';

/** A project's own wording of one kind of notice on one channel; absent: the built-in default. */
export interface NoticeTemplateTable {
  id: Id;
  org_id: number;
  project_id: number;
  kind: string;
  channel: NoticeChannel;
  /** Title of an in-app message or e-mail; null for SMS. */
  subject: string | null;
  body: string;
  updated_by: number | null;
  created_at: Instant;
  updated_at: Instant;
}

/** One notice to one person on one channel, and what became of it (the delivery log). */
export interface NoticeDeliveryTable {
  id: Id;
  org_id: number;
  project_id: number;
  kind: string;
  source_type: string;
  source_id: number;
  person_id: number;
  channel: NoticeChannel;
  /** Mobile number or e-mail address the notice went to; null for in-app and when skipped. */
  recipient: string | null;
  /** JSON object of the template variables, as the caller gave them. */
  variables: string;
  /** Rendered when the sending job claims the row. */
  subject: string | null;
  body: string | null;
  status: NoticeDeliveryStatus;
  /** Why it was skipped (no_phone, no_email, no_smtp) or failed (missing_variables, …). */
  reason: string | null;
  error: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  job_id: number | null;
  provider_message_id: string | null;
  claimed_at: Instant | null;
  sent_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

/** An in-app message to a person (owner, tenant), read in the owner app. */
export interface MessageTable {
  id: Id;
  org_id: number;
  project_id: number;
  person_id: number;
  title: string;
  body: string;
  kind: string;
  source_type: string | null;
  source_id: number | null;
  delivery_id: number | null;
  read_at: Instant | null;
  created_at: Instant;
}

/** Texts the development SMS provider "sent", for developers and tests to read. */
export interface SmsOutboxTable {
  id: Id;
  org_id: number | null;
  phone: string;
  body: string;
  purpose: string;
  reference: string | null;
  created_at: Instant;
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
  building: BuildingTable;
  building_unit: BuildingUnitTable;
  parking_lot: ParkingLotTable;
  resource: ResourceTable;
  room: RoomTable;
  shop: ShopTable;
  parking_space: ParkingSpaceTable;
  ad_space: AdSpaceTable;
  storage_room: StorageRoomTable;
  person: PersonTable;
  resource_person: ResourcePersonTable;
  vehicle: VehicleTable;
  custom_field: CustomFieldTable;
  custom_value: CustomValueTable;
  employee_building: EmployeeBuildingTable;
  job: JobTable;
  fee_item: FeeItemTable;
  fee_standard: FeeStandardTable;
  fee_price: FeePriceTable;
  fee_binding: FeeBindingTable;
  bill_run: BillRunTable;
  bill: BillTable;
  bill_entry: BillEntryTable;
  discount_scheme: DiscountSchemeTable;
  notice_template: NoticeTemplateTable;
  notice_delivery: NoticeDeliveryTable;
  message: MessageTable;
  sms_outbox: SmsOutboxTable;
}

export type CompanyRow = Selectable<CompanyTable>;
export type ProjectRow = Selectable<ProjectTable>;
export type DepartmentRow = Selectable<DepartmentTable>;
export type EmployeeRow = Selectable<EmployeeTable>;
export type NewEmployee = Insertable<EmployeeTable>;
export type EmployeeUpdate = Updateable<EmployeeTable>;
export type SessionRow = Selectable<SessionTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
