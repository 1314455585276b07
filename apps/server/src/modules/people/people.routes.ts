import type { App } from '../../platform/http.js';
import { errorResponses, idParams } from '../../platform/http.js';
import type { Locale } from '../../platform/i18n.js';
import { buildWorkbook, sendWorkbook } from '../../platform/xlsx.js';
import { customFieldColumns } from '../custom-fields/custom-fields.service.js';
import * as s from './people.schemas.js';
import * as people from './person.service.js';
import * as links from './resource-link.service.js';
import * as vehicles from './vehicle.service.js';

const EXPORT_LIMIT = 100_000;

const roleLabel = {
  owner: { zh: '业主', en: 'Owner' },
  co_owner: { zh: '共有人', en: 'Co-owner' },
  family: { zh: '家庭成员', en: 'Family member' },
  tenant: { zh: '租户', en: 'Tenant' },
} as const;

const idTypeLabel = {
  resident_id: { zh: '身份证', en: 'Resident ID card' },
  passport: { zh: '护照', en: 'Passport' },
  hk_macau_permit: { zh: '港澳通行证', en: 'HK/Macau permit' },
  taiwan_permit: { zh: '台胞证', en: 'Taiwan permit' },
  other: { zh: '其他', en: 'Other' },
} as const;

const vehicleTypeLabel = {
  small_car: { zh: '小型车', en: 'Small car' },
  large_car: { zh: '大型车', en: 'Large car' },
  new_energy: { zh: '新能源车', en: 'New-energy vehicle' },
  motorcycle: { zh: '摩托车', en: 'Motorcycle' },
  other: { zh: '其他', en: 'Other' },
} as const;

function label(labels: { zh: string; en: string }, locale: Locale): string {
  return locale === 'en-US' ? labels.en : labels.zh;
}

export function peopleRoutes(app: App): void {
  const tags = ['people'];

  app.get('/api/v1/people', {
    config: { permission: 'people.person.view' },
    schema: {
      tags,
      summary: 'List owners, family members and tenants; numbers masked without view-sensitive',
      querystring: s.personListQuery,
      response: { 200: s.personPage, ...errorResponses },
    },
    handler: (req) => people.listPeople(app.db, req.ctx, req.query),
  });

  app.get('/api/v1/people/export', {
    config: { permission: 'people.person.view' },
    schema: { tags, summary: 'Export people to .xlsx', querystring: s.personListQuery },
    handler: async (req, reply) => {
      const page = await people.listPeople(app.db, req.ctx, {
        ...req.query,
        page: 1,
        pageSize: EXPORT_LIMIT,
      });
      const { locale } = req.ctx;
      const en = locale === 'en-US';
      const file = await buildWorkbook({
        sheet: en ? 'People' : '人员',
        locale,
        rows: page.items,
        columns: [
          { zh: '姓名', en: 'Name', value: (p) => p.name },
          { zh: '手机号', en: 'Mobile', value: (p) => p.mobile },
          {
            zh: '证件类型',
            en: 'ID type',
            value: (p) => p.idType && label(idTypeLabel[p.idType], locale),
          },
          { zh: '证件号码', en: 'ID number', width: 22, value: (p) => p.idNumber },
          {
            zh: '身份',
            en: 'Roles',
            value: (p) => p.roles.map((r) => label(roleLabel[r], locale)).join(en ? ', ' : '、'),
          },
          { zh: '标签', en: 'Tags', value: (p) => p.tags.join(en ? ', ' : '、') },
          { zh: '备注', en: 'Note', width: 30, value: (p) => p.note },
          ...(await customFieldColumns(app.db, req.ctx, 'person')),
        ],
      });

      return sendWorkbook(reply, en ? 'people' : '人员列表', file);
    },
  });

  app.post('/api/v1/people', {
    config: { permission: 'people.person.manage' },
    schema: {
      tags,
      summary: 'Register a person in a project',
      body: s.createPersonBody,
      response: { 201: s.personDetailSchema, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await people.createPerson(app.db, req.ctx, req.body)),
  });

  app.get('/api/v1/people/:id', {
    config: { permission: 'people.person.view' },
    schema: {
      tags,
      summary: 'Get a person with current and past resource links',
      params: idParams,
      response: { 200: s.personDetailSchema, ...errorResponses },
    },
    handler: (req) => people.getPerson(app.db, req.ctx, req.params.id),
  });

  app.patch('/api/v1/people/:id', {
    config: { permission: 'people.person.manage' },
    schema: {
      tags,
      summary: "Edit a person's archive",
      params: idParams,
      body: s.updatePersonBody,
      response: { 200: s.personDetailSchema, ...errorResponses },
    },
    handler: (req) => people.updatePerson(app.db, req.ctx, req.params.id, req.body),
  });
}

export function resourceLinkRoutes(app: App): void {
  const tags = ['people'];

  app.get('/api/v1/resources/:id/people', {
    config: { permission: 'people.person.view' },
    schema: {
      tags,
      summary: 'Everyone who is or was linked to a resource',
      params: idParams,
      response: { 200: s.resourcePeopleSchema, ...errorResponses },
    },
    handler: (req) => links.resourcePeople(app.db, req.ctx, req.params.id),
  });

  app.post('/api/v1/resources/:id/people', {
    config: { permission: 'people.person.manage' },
    schema: {
      tags,
      summary: 'Link a person to a resource as owner, co-owner, family member or tenant',
      params: idParams,
      body: s.createLinkBody,
      response: { 201: s.resourceLinkSchema, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await links.linkPerson(app.db, req.ctx, req.params.id, req.body)),
  });

  app.post('/api/v1/resource-people/:id/end', {
    config: { permission: 'people.person.manage' },
    schema: {
      tags,
      summary: 'End a link on a date, with a reason; links are never deleted',
      params: idParams,
      body: s.endLinkBody,
      response: { 200: s.resourceLinkSchema, ...errorResponses },
    },
    handler: (req) => links.endLink(app.db, req.ctx, req.params.id, req.body),
  });

  app.post('/api/v1/resources/:id/transfers', {
    config: { permission: 'people.person.manage' },
    schema: {
      tags,
      summary: 'Transfer ownership (过户): end the owner and family links, start the new owners',
      params: idParams,
      body: s.transferBody,
      response: { 201: s.transferResult, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await links.transferOwnership(app.db, req.ctx, req.params.id, req.body)),
  });
}

export function vehicleRoutes(app: App): void {
  const tags = ['vehicles'];

  app.get('/api/v1/vehicles', {
    config: { permission: 'people.vehicle.view' },
    schema: {
      tags,
      summary: 'List vehicles; q finds a plate or the owner name',
      querystring: s.vehicleListQuery,
      response: { 200: s.vehiclePage, ...errorResponses },
    },
    handler: (req) => vehicles.listVehicles(app.db, req.ctx, req.query),
  });

  app.get('/api/v1/vehicles/export', {
    config: { permission: 'people.vehicle.view' },
    schema: { tags, summary: 'Export vehicles to .xlsx', querystring: s.vehicleListQuery },
    handler: async (req, reply) => {
      const page = await vehicles.listVehicles(app.db, req.ctx, {
        ...req.query,
        page: 1,
        pageSize: EXPORT_LIMIT,
      });
      const { locale } = req.ctx;
      const en = locale === 'en-US';
      const file = await buildWorkbook({
        sheet: en ? 'Vehicles' : '车辆',
        locale,
        rows: page.items,
        columns: [
          { zh: '车牌号', en: 'Plate', value: (v) => v.plate },
          {
            zh: '车辆类型',
            en: 'Type',
            value: (v) => label(vehicleTypeLabel[v.vehicleType], locale),
          },
          { zh: '颜色', en: 'Colour', value: (v) => v.colour },
          { zh: '车主', en: 'Owner', value: (v) => v.personName },
          { zh: '车位', en: 'Parking space', value: (v) => v.parkingSpaceCode },
        ],
      });

      return sendWorkbook(reply, en ? 'vehicles' : '车辆列表', file);
    },
  });

  app.post('/api/v1/vehicles', {
    config: { permission: 'people.vehicle.manage' },
    schema: {
      tags,
      summary: 'Register a vehicle',
      body: s.createVehicleBody,
      response: { 201: s.vehicleSchema, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await vehicles.createVehicle(app.db, req.ctx, req.body)),
  });

  app.get('/api/v1/vehicles/:id', {
    config: { permission: 'people.vehicle.view' },
    schema: {
      tags,
      summary: 'Get a vehicle',
      params: idParams,
      response: { 200: s.vehicleSchema, ...errorResponses },
    },
    handler: (req) => vehicles.getVehicle(app.db, req.ctx, req.params.id),
  });

  app.patch('/api/v1/vehicles/:id', {
    config: { permission: 'people.vehicle.manage' },
    schema: {
      tags,
      summary: 'Edit a vehicle',
      params: idParams,
      body: s.updateVehicleBody,
      response: { 200: s.vehicleSchema, ...errorResponses },
    },
    handler: (req) => vehicles.updateVehicle(app.db, req.ctx, req.params.id, req.body),
  });
}
