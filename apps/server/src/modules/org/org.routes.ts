import type { App } from '../../platform/http.js';
import { errorResponses, idParams, okSchema } from '../../platform/http.js';
import { buildWorkbook, sendWorkbook, yesNo } from '../../platform/xlsx.js';
import * as companies from './company.service.js';
import * as departments from './department.service.js';
import * as employees from './employee.service.js';
import * as s from './org.schemas.js';
import * as projects from './project.service.js';

const EXPORT_LIMIT = 100_000;

const projectTypeLabel = {
  residential: { zh: '住宅', en: 'Residential' },
  commercial: { zh: '商业', en: 'Commercial' },
  mixed: { zh: '综合', en: 'Mixed' },
} as const;

export function companyRoutes(app: App): void {
  const tags = ['companies'];

  app.get('/api/v1/companies', {
    config: { permission: 'platform.company.manage' },
    schema: {
      tags,
      summary: 'List companies',
      querystring: s.companyListQuery,
      response: { 200: s.companyPage, ...errorResponses },
    },
    handler: (req) => companies.listCompanies(app.db, req.query),
  });

  app.post('/api/v1/companies', {
    config: { permission: 'platform.company.manage' },
    schema: {
      tags,
      summary: 'Open a company with its first administrator',
      body: s.createCompanyBody,
      response: { 201: s.companySchema, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await companies.createCompany(app.db, req.ctx, req.body)),
  });

  app.get('/api/v1/companies/:id', {
    config: { permission: 'platform.company.manage' },
    schema: {
      tags,
      summary: 'Get a company',
      params: idParams,
      response: { 200: s.companySchema, ...errorResponses },
    },
    handler: (req) => companies.getCompany(app.db, req.params.id),
  });

  app.patch('/api/v1/companies/:id', {
    config: { permission: 'platform.company.manage' },
    schema: {
      tags,
      summary: 'Edit or disable a company',
      params: idParams,
      body: s.updateCompanyBody,
      response: { 200: s.companySchema, ...errorResponses },
    },
    handler: (req) => companies.updateCompany(app.db, req.ctx, req.params.id, req.body),
  });
}

export function projectRoutes(app: App): void {
  const tags = ['projects'];

  app.get('/api/v1/projects', {
    config: { permission: 'org.project.view' },
    schema: {
      tags,
      summary: 'List projects in scope',
      querystring: s.projectListQuery,
      response: { 200: s.projectPage, ...errorResponses },
    },
    handler: (req) => projects.listProjects(app.db, req.ctx, req.query),
  });

  app.get('/api/v1/projects/export', {
    config: { permission: 'org.project.view' },
    schema: { tags, summary: 'Export projects to .xlsx', querystring: s.projectListQuery },
    handler: async (req, reply) => {
      const page = await projects.listProjects(app.db, req.ctx, {
        ...req.query,
        page: 1,
        pageSize: EXPORT_LIMIT,
      });
      const en = req.ctx.locale === 'en-US';
      const file = await buildWorkbook({
        sheet: en ? 'Projects' : '项目',
        locale: req.ctx.locale,
        rows: page.items,
        columns: [
          { zh: '项目编码', en: 'Code', value: (p) => p.code },
          { zh: '项目名称', en: 'Name', width: 24, value: (p) => p.name },
          { zh: '类型', en: 'Type', value: (p) => projectTypeLabel[p.type][en ? 'en' : 'zh'] },
          { zh: '面积(㎡)', en: 'Area (m²)', value: (p) => p.area },
          { zh: '地址', en: 'Address', width: 36, value: (p) => p.address },
          {
            zh: '状态',
            en: 'Status',
            value: (p) =>
              p.status === 'active' ? (en ? 'Active' : '在管') : en ? 'Archived' : '已归档',
          },
        ],
      });

      return sendWorkbook(reply, en ? 'projects' : '项目列表', file);
    },
  });

  app.post('/api/v1/projects', {
    config: { permission: 'org.project.manage' },
    schema: {
      tags,
      summary: 'Create a project',
      body: s.createProjectBody,
      response: { 201: s.projectSchema, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await projects.createProject(app.db, req.ctx, req.body)),
  });

  app.get('/api/v1/projects/:id', {
    config: { permission: 'org.project.view' },
    schema: {
      tags,
      summary: 'Get a project',
      params: idParams,
      response: { 200: s.projectSchema, ...errorResponses },
    },
    handler: (req) => projects.getProject(app.db, req.ctx, req.params.id),
  });

  app.patch('/api/v1/projects/:id', {
    config: { permission: 'org.project.manage' },
    schema: {
      tags,
      summary: 'Edit or archive a project',
      params: idParams,
      body: s.updateProjectBody,
      response: { 200: s.projectSchema, ...errorResponses },
    },
    handler: (req) => projects.updateProject(app.db, req.ctx, req.params.id, req.body),
  });
}

export function departmentRoutes(app: App): void {
  const tags = ['departments'];

  app.get('/api/v1/permissions', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'The permission catalogue as a tree',
      response: { 200: s.permissionTree, ...errorResponses },
    },
    handler: async (req) => departments.permissionTree(req.ctx.locale),
  });

  app.get('/api/v1/departments', {
    config: { permission: 'org.department.view' },
    schema: {
      tags,
      summary: 'List departments',
      response: { 200: s.departmentList, ...errorResponses },
    },
    handler: async (req) => ({ items: await departments.listDepartments(app.db, req.ctx) }),
  });

  app.post('/api/v1/departments', {
    config: { permission: 'org.department.manage' },
    schema: {
      tags,
      summary: 'Create a department',
      body: s.createDepartmentBody,
      response: { 201: s.departmentSchema, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await departments.createDepartment(app.db, req.ctx, req.body)),
  });

  app.get('/api/v1/departments/:id', {
    config: { permission: 'org.department.view' },
    schema: {
      tags,
      summary: 'Get a department',
      params: idParams,
      response: { 200: s.departmentSchema, ...errorResponses },
    },
    handler: (req) => departments.getDepartment(app.db, req.ctx, req.params.id),
  });

  app.patch('/api/v1/departments/:id', {
    config: { permission: 'org.department.manage' },
    schema: {
      tags,
      summary: 'Edit a department or its permissions',
      params: idParams,
      body: s.updateDepartmentBody,
      response: { 200: s.departmentSchema, ...errorResponses },
    },
    handler: (req) => departments.updateDepartment(app.db, req.ctx, req.params.id, req.body),
  });

  app.delete('/api/v1/departments/:id', {
    config: { permission: 'org.department.manage' },
    schema: {
      tags,
      summary: 'Delete an empty department',
      params: idParams,
      response: { 200: okSchema, ...errorResponses },
    },
    handler: async (req) => {
      await departments.deleteDepartment(app.db, req.ctx, req.params.id);
      return { ok: true as const };
    },
  });
}

export function employeeRoutes(app: App): void {
  const tags = ['employees'];

  app.get('/api/v1/employees', {
    config: { permission: 'org.employee.view' },
    schema: {
      tags,
      summary: 'List employees',
      querystring: s.employeeListQuery,
      response: { 200: s.employeePage, ...errorResponses },
    },
    handler: (req) => employees.listEmployees(app.db, req.ctx, req.query),
  });

  app.get('/api/v1/employees/export', {
    config: { permission: 'org.employee.view' },
    schema: { tags, summary: 'Export employees to .xlsx', querystring: s.employeeListQuery },
    handler: async (req, reply) => {
      const page = await employees.listEmployees(app.db, req.ctx, {
        ...req.query,
        page: 1,
        pageSize: EXPORT_LIMIT,
      });
      const { locale } = req.ctx;
      const en = locale === 'en-US';
      const file = await buildWorkbook({
        sheet: en ? 'Employees' : '员工',
        locale,
        rows: page.items,
        columns: [
          { zh: '姓名', en: 'Name', value: (e) => e.name },
          { zh: '用户名', en: 'Username', value: (e) => e.username },
          { zh: '手机号', en: 'Phone', value: (e) => e.phone },
          { zh: '部门', en: 'Department', value: (e) => e.departmentName },
          { zh: '电脑端登录', en: 'Console sign-in', value: (e) => yesNo(e.consoleLogin, locale) },
          { zh: 'APP登录', en: 'App sign-in', value: (e) => yesNo(e.appLogin, locale) },
          { zh: '全部项目', en: 'All projects', value: (e) => yesNo(e.allProjects, locale) },
          {
            zh: '状态',
            en: 'Status',
            value: (e) =>
              e.status === 'active' ? (en ? 'Active' : '在职') : en ? 'Disabled' : '停用',
          },
        ],
      });

      return sendWorkbook(reply, en ? 'employees' : '员工列表', file);
    },
  });

  app.post('/api/v1/employees', {
    config: { permission: 'org.employee.manage' },
    schema: {
      tags,
      summary: 'Create an employee',
      body: s.createEmployeeBody,
      response: { 201: s.employeeDetailSchema, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await employees.createEmployee(app.db, req.ctx, req.body)),
  });

  app.get('/api/v1/employees/:id', {
    config: { permission: 'org.employee.view' },
    schema: {
      tags,
      summary: 'Get an employee with scope and butler assignments',
      params: idParams,
      response: { 200: s.employeeDetailSchema, ...errorResponses },
    },
    handler: (req) => employees.getEmployee(app.db, req.ctx, req.params.id),
  });

  app.patch('/api/v1/employees/:id', {
    config: { permission: 'org.employee.manage' },
    schema: {
      tags,
      summary: 'Edit, move or disable an employee',
      params: idParams,
      body: s.updateEmployeeBody,
      response: { 200: s.employeeDetailSchema, ...errorResponses },
    },
    handler: (req) => employees.updateEmployee(app.db, req.ctx, req.params.id, req.body),
  });

  app.post('/api/v1/employees/:id/password-resets', {
    config: { permission: 'org.employee.manage' },
    schema: {
      tags,
      summary: "Reset an employee's password",
      params: idParams,
      body: s.passwordResetBody,
      response: { 200: okSchema, ...errorResponses },
    },
    handler: async (req) => {
      await employees.resetPassword(app.db, req.ctx, req.params.id, req.body.newPassword);
      return { ok: true as const };
    },
  });

  app.put('/api/v1/employees/:id/projects', {
    config: { permission: 'org.employee.manage' },
    schema: {
      tags,
      summary: 'Set the projects an employee may see',
      params: idParams,
      body: s.employeeProjectsBody,
      response: { 200: s.employeeDetailSchema, ...errorResponses },
    },
    handler: (req) => employees.setEmployeeProjects(app.db, req.ctx, req.params.id, req.body),
  });

  app.put('/api/v1/employees/:id/butler-assignments', {
    config: { permission: 'org.employee.manage' },
    schema: {
      tags,
      summary: 'Set the buildings and rooms an employee is butler of',
      params: idParams,
      body: s.butlerAssignmentsBody,
      response: { 200: s.employeeDetailSchema, ...errorResponses },
    },
    handler: (req) => employees.setButlerAssignments(app.db, req.ctx, req.params.id, req.body),
  });
}
