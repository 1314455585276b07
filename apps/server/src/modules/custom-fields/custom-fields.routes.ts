import type { App } from '../../platform/http.js';
import { errorResponses, idParams } from '../../platform/http.js';
import { AUTHENTICATED } from '../../platform/permissions.js';
import { MANAGE_CUSTOM_FIELDS } from './custom-fields.permissions.js';
import * as s from './custom-fields.schemas.js';
import * as fields from './custom-fields.service.js';

/**
 * Definitions of custom fields. Reading them is open to anyone signed in: every form, list and
 * detail page of resources and people needs them to show their values.
 */
export function customFieldRoutes(app: App): void {
  const tags = ['custom fields'];

  app.get('/api/v1/custom-fields', {
    config: { permission: AUTHENTICATED },
    schema: {
      tags,
      summary: "The company's custom fields, by entity and status",
      querystring: s.customFieldListQuery,
      response: { 200: s.customFieldPage, ...errorResponses },
    },
    handler: (req) => fields.listCustomFields(app.db, req.ctx, req.query),
  });

  app.post('/api/v1/custom-fields', {
    config: { permission: MANAGE_CUSTOM_FIELDS },
    schema: {
      tags,
      summary: 'Define a custom field; the key is made from the label when left out',
      body: s.createCustomFieldBody,
      response: { 201: s.customFieldSchema, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await fields.createCustomField(app.db, req.ctx, req.body)),
  });

  app.get('/api/v1/custom-fields/:id', {
    config: { permission: AUTHENTICATED },
    schema: {
      tags,
      summary: 'Get a custom field',
      params: idParams,
      response: { 200: s.customFieldSchema, ...errorResponses },
    },
    handler: (req) => fields.getCustomField(app.db, req.ctx, req.params.id),
  });

  app.patch('/api/v1/custom-fields/:id', {
    config: { permission: MANAGE_CUSTOM_FIELDS },
    schema: {
      tags,
      summary: 'Edit a custom field, or archive it (status archived) to retire it',
      params: idParams,
      body: s.updateCustomFieldBody,
      response: { 200: s.customFieldSchema, ...errorResponses },
    },
    handler: (req) => fields.updateCustomField(app.db, req.ctx, req.params.id, req.body),
  });
}
