import { z } from 'zod';
import {
  codeSchema,
  decimalSchema,
  idSchema,
  idText,
  listQuery,
  pageOf,
  phoneSchema,
} from '../../platform/http.js';

const name = z.string().trim().min(1).max(100);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const id = idSchema;
const password = z.string().min(1).max(128);

/* companies */

export const companySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  code: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  createdAt: z.string(),
});

export const companyListQuery = listQuery;
export const companyPage = pageOf(companySchema);

export const createCompanyBody = z.strictObject({
  name,
  code: codeSchema,
  contactName: optionalText(50),
  contactPhone: phoneSchema.nullable().optional(),
  adminUsername: z.string().trim().min(3).max(50),
  adminName: name,
  adminPassword: password,
});

export const updateCompanyBody = z.strictObject({
  name: name.optional(),
  contactName: optionalText(50),
  contactPhone: phoneSchema.nullable().optional(),
  status: z.enum(['active', 'disabled']).optional(),
});

/* projects */

export const projectType = z.enum(['residential', 'commercial', 'mixed']);
export const projectStatus = z.enum(['active', 'archived']);

export const projectSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  code: z.string(),
  address: z.string().nullable(),
  type: projectType,
  area: z.string().nullable(),
  status: projectStatus,
  createdAt: z.string(),
});

export const projectListQuery = listQuery.extend({
  status: projectStatus.optional(),
  type: projectType.optional(),
});
export const projectPage = pageOf(projectSchema);

export const createProjectBody = z.strictObject({
  name,
  code: codeSchema,
  address: optionalText(200),
  type: projectType,
  area: decimalSchema(2).nullable().optional(),
});

export const updateProjectBody = z.strictObject({
  name: name.optional(),
  code: codeSchema.optional(),
  address: optionalText(200),
  type: projectType.optional(),
  area: decimalSchema(2).nullable().optional(),
  status: projectStatus.optional(),
});

/* departments */

export const departmentSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  sortOrder: z.number().int(),
  consolePermissions: z.array(z.string()),
  appPermissions: z.array(z.string()),
  employeeCount: z.number().int(),
  createdAt: z.string(),
});

export const departmentList = z.object({ items: z.array(departmentSchema) });

const permissionCodes = z.array(z.string().min(1).max(100)).max(500);

export const createDepartmentBody = z.strictObject({
  name: z.string().trim().min(1).max(50),
  parentId: id.nullable().optional(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
  consolePermissions: permissionCodes.optional(),
  appPermissions: permissionCodes.optional(),
});

export const updateDepartmentBody = createDepartmentBody.partial();

/* permissions catalogue */

export const permissionTree = z.object({
  groups: z.array(
    z.object({
      module: z.string(),
      label: z.string(),
      permissions: z.array(
        z.object({
          code: z.string(),
          label: z.string(),
          channels: z.array(z.enum(['console', 'app'])),
        }),
      ),
    }),
  ),
});

/* employees */

export const employeeSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  phone: z.string().nullable(),
  username: z.string(),
  departmentId: z.number().int(),
  departmentName: z.string(),
  consoleLogin: z.boolean(),
  appLogin: z.boolean(),
  allProjects: z.boolean(),
  status: z.enum(['active', 'disabled']),
  createdAt: z.string(),
});

export const butlerAssignmentSchema = z.object({
  projectId: z.number().int(),
  resourceType: z.enum(['building', 'room']),
  resourceId: z.number().int(),
});

export const employeeDetailSchema = employeeSchema.extend({
  projectIds: z.array(z.number().int()),
  /** Buildings the employee is narrowed to inside their projects; empty: all of them. */
  buildingIds: z.array(z.number().int()),
  butlerAssignments: z.array(butlerAssignmentSchema),
});

export const employeeListQuery = listQuery.extend({
  departmentId: idText.optional(),
  status: z.enum(['active', 'disabled']).optional(),
});
export const employeePage = pageOf(employeeSchema);

export const createEmployeeBody = z.strictObject({
  name: z.string().trim().min(1).max(50),
  phone: phoneSchema.nullable().optional(),
  username: z
    .string()
    .trim()
    .min(3)
    .max(50)
    .regex(/^[A-Za-z0-9_.-]+$/, { message: 'validation.code' }),
  password,
  departmentId: id,
  consoleLogin: z.boolean().default(true),
  appLogin: z.boolean().default(false),
  allProjects: z.boolean().default(false),
  projectIds: z.array(id).max(1000).default([]),
  status: z.enum(['active', 'disabled']).default('active'),
});

export const updateEmployeeBody = z.strictObject({
  name: z.string().trim().min(1).max(50).optional(),
  phone: phoneSchema.nullable().optional(),
  departmentId: id.optional(),
  consoleLogin: z.boolean().optional(),
  appLogin: z.boolean().optional(),
  status: z.enum(['active', 'disabled']).optional(),
});

export const employeeProjectsBody = z.strictObject({
  allProjects: z.boolean(),
  projectIds: z.array(id).max(1000),
  buildingIds: z.array(id).max(5000).default([]),
});

export const passwordResetBody = z.strictObject({ newPassword: password });

export const butlerAssignmentsBody = z.strictObject({
  assignments: z
    .array(
      z.strictObject({
        projectId: id,
        resourceType: z.enum(['building', 'room']),
        resourceId: id,
      }),
    )
    .max(5000),
});

export type CreateCompanyInput = z.infer<typeof createCompanyBody>;
export type UpdateCompanyInput = z.infer<typeof updateCompanyBody>;
export type CreateProjectInput = z.infer<typeof createProjectBody>;
export type UpdateProjectInput = z.infer<typeof updateProjectBody>;
export type ProjectListQuery = z.infer<typeof projectListQuery>;
export type CreateDepartmentInput = z.infer<typeof createDepartmentBody>;
export type UpdateDepartmentInput = z.infer<typeof updateDepartmentBody>;
export type CreateEmployeeInput = z.infer<typeof createEmployeeBody>;
export type UpdateEmployeeInput = z.infer<typeof updateEmployeeBody>;
export type EmployeeListQuery = z.infer<typeof employeeListQuery>;
export type ButlerAssignmentsInput = z.infer<typeof butlerAssignmentsBody>;
