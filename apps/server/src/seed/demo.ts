import type { Database } from '../db/database.js';
import type { Actor, RequestContext } from '../platform/context.js';
import { systemContext } from '../platform/context.js';
import { permissionCatalogue } from '../modules/catalogue.js';
import { createCompany } from '../modules/org/company.service.js';
import { createDepartment, listDepartments } from '../modules/org/department.service.js';
import { createEmployee } from '../modules/org/employee.service.js';
import { createPlatformAdmin } from '../modules/org/platform-admin.service.js';
import { createProject } from '../modules/org/project.service.js';
import { companyCount, findEmployeeIdByUsername } from '../modules/org/org.repository.js';
import { seedDemoArchive } from './demo-archive.js';
import { seedDemoBills } from './demo-bills.js';
import { seedDemoFees } from './demo-fees.js';

export const DEMO_PASSWORD = 'admin123';

/** The quick start seeds only a database that holds no company yet. */
export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  return (await companyCount(db)) === 0;
}

function companyContext(orgId: number, adminId: number): RequestContext {
  const actor: Actor = {
    kind: 'employee',
    id: adminId,
    orgId,
    name: '系统初始化',
    username: 'admin',
    channel: 'console',
    sessionId: 'seed',
    permissions: new Set(permissionCatalogue.codes('console')),
    projectIds: 'all',
    authEpoch: 0,
  };

  return systemContext({ actor, requestId: 'seed-demo' });
}

/** What each demo department may do, on the console and in the staff app. */
const DEMO_DEPARTMENTS = [
  {
    name: '客服部',
    username: 'kefu',
    person: '李客服',
    phone: '13800000002',
    console: [
      'org.project.view',
      'org.employee.view',
      'resources.view',
      'people.person.view',
      'people.person.manage',
      'people.vehicle.view',
      'people.vehicle.manage',
      'billing.bill.view',
    ],
    app: ['org.project.view', 'resources.view', 'people.person.view'],
  },
  {
    name: '财务部',
    username: 'caiwu',
    person: '王财务',
    phone: '13800000003',
    console: [
      'org.project.view',
      'audit.log.view',
      'resources.view',
      'people.person.view',
      'fees.item.view',
      'fees.item.manage',
      'fees.binding.manage',
      'billing.bill.view',
      'billing.bill-run.create',
      'billing.bill.create-temporary',
      'billing.bill.void',
    ],
    app: [],
  },
  {
    name: '工程部',
    username: 'gongcheng',
    person: '赵工程',
    phone: '13800000004',
    console: ['org.project.view'],
    app: ['org.project.view', 'org.employee.view'],
  },
  {
    name: '秩序部',
    username: 'zhixu',
    person: '孙秩序',
    phone: '13800000005',
    console: ['org.project.view'],
    app: ['org.project.view'],
  },
];

/**
 * Loads the demo company 爱尚物业 with two projects, the usual departments and one employee in
 * each, all with the password admin123, plus a platform administrator platform / platform123.
 */
export async function seedDemo(db: Database): Promise<void> {
  await createPlatformAdmin(db, {
    username: 'platform',
    name: '平台管理员',
    password: 'platform123',
  });
  const company = await createCompany(db, systemContext({ requestId: 'seed-demo' }), {
    name: '爱尚物业服务有限公司',
    code: 'aishang',
    contactName: '周经理',
    contactPhone: '13800000000',
    adminUsername: 'admin',
    adminName: '系统管理员',
    adminPassword: DEMO_PASSWORD,
  });
  const adminId = await findEmployeeIdByUsername(db, 'admin');
  if (adminId === undefined) throw new Error('demo administrator missing');
  const ctx = companyContext(company.id, adminId);

  const garden = await createProject(db, ctx, {
    name: '爱尚花园',
    code: 'ASHY',
    address: '上海市浦东新区爱尚路 88 号',
    type: 'residential',
    area: '126500.00',
  });
  const plaza = await createProject(db, ctx, {
    name: '爱尚商业广场',
    code: 'ASGC',
    address: '上海市浦东新区世纪大道 1200 号',
    type: 'mixed',
    area: '58200.50',
  });

  const [management] = await listDepartments(db, ctx);
  for (const department of DEMO_DEPARTMENTS) {
    const created = await createDepartment(db, ctx, {
      name: department.name,
      parentId: management.id,
      consolePermissions: department.console,
      appPermissions: department.app,
    });
    await createEmployee(db, ctx, {
      name: department.person,
      phone: department.phone,
      username: department.username,
      password: DEMO_PASSWORD,
      departmentId: created.id,
      consoleLogin: true,
      appLogin: department.app.length > 0,
      allProjects: false,
      projectIds: department.name === '财务部' ? [garden.id, plaza.id] : [garden.id],
      status: 'active',
    });
  }

  await seedDemoArchive(db, ctx, { garden: garden.id, plaza: plaza.id });
  await seedDemoFees(db, ctx, { garden: garden.id, plaza: plaza.id });
  await seedDemoBills(db, ctx, [garden.id, plaza.id]);
}
