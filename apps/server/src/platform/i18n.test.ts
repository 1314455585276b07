import { beforeAll, describe, expect, test } from 'vitest';
import { PASSWORD, type Session, makeCompany, signIn } from '../test/factories.js';
import { setupTestApp } from '../test/harness.js';
import { catalogueKeys, localeFrom, translate } from './i18n.js';

const t = setupTestApp();
let admin: Session;

beforeAll(async () => {
  const company = await makeCompany(t.db);
  admin = await signIn(t, { username: company.adminUsername, password: PASSWORD });
});

function createProject(language?: string) {
  return t.request({
    method: 'POST',
    url: '/api/v1/projects',
    headers: { ...admin.headers, ...(language ? { 'accept-language': language } : {}) },
    payload: { code: 'P-1', type: 'villa' },
  });
}

function missingProject(language?: string) {
  return t.request({
    method: 'GET',
    url: '/api/v1/projects/999999',
    headers: { ...admin.headers, ...(language ? { 'accept-language': language } : {}) },
  });
}

describe('error messages follow Accept-Language', () => {
  test('a validation error is in Chinese by default, naming the fields, with Chinese field messages', async () => {
    const response = await createProject();

    expect(response.statusCode).toBe(400);
    expect(response.body.message).toBe('请求参数有误：name, type');
    expect(response.body.details).toEqual([
      { field: 'name', message: '必填' },
      { field: 'type', message: '取值必须是以下之一：residential, commercial, mixed' },
    ]);
  });

  test('the same validation error in English when en-US is asked for', async () => {
    const response = await createProject('en-US,en;q=0.9,zh-CN;q=0.8');

    expect(response.body.message).toBe('Invalid request: name, type');
    expect(response.body.details).toEqual([
      { field: 'name', message: 'is required' },
      { field: 'type', message: 'must be one of: residential, commercial, mixed' },
    ]);
  });

  test('an unknown id is 404 with the entity named in Chinese, or in English', async () => {
    const chinese = await missingProject('zh-CN');
    const english = await missingProject('en');

    expect(chinese.statusCode).toBe(404);
    expect(chinese.body).toMatchObject({ code: 'NOT_FOUND', message: '项目不存在' });
    expect(english.body).toMatchObject({ code: 'NOT_FOUND', message: 'Project not found' });
  });

  test('every error carries the request id that the x-request-id header echoes', async () => {
    const response = await missingProject();

    expect(response.body.requestId).toBe(response.headers['x-request-id']);
    expect(response.body.requestId).toEqual(expect.any(String));
  });

  test('an unknown endpoint is 404 ROUTE_NOT_FOUND in the same shape', async () => {
    const response = await t.request({
      method: 'GET',
      url: '/api/v1/no-such-thing',
      headers: { 'accept-language': 'en-US' },
    });

    expect(response.statusCode).toBe(404);
    expect(response.body).toMatchObject({
      statusCode: 404,
      code: 'ROUTE_NOT_FOUND',
      message: 'No such endpoint',
    });
  });
});

describe('the catalogues', () => {
  test('Chinese and English hold the same keys', () => {
    const { zh, en } = catalogueKeys();

    expect(en).toEqual(zh);
  });

  test('every error code has a message in both languages', async () => {
    const { ERROR_STATUS } = await import('./errors.js');
    const { zh } = catalogueKeys();

    const missing = Object.keys(ERROR_STATUS).filter((code) => !zh.includes(`error.${code}`));

    expect(missing).toEqual([]);
  });

  test('placeholders are the same in both languages', () => {
    const { zh } = catalogueKeys();
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

    const differing = zh.filter(
      (key) =>
        JSON.stringify(placeholders(translate('zh-CN', key))) !==
        JSON.stringify(placeholders(translate('en-US', key))),
    );

    expect(differing).toEqual([]);
  });

  test('Chinese is the default; English only when asked for first', () => {
    expect(localeFrom(undefined)).toBe('zh-CN');
    expect(localeFrom('fr-FR,en;q=0.5')).toBe('zh-CN');
    expect(localeFrom('en-GB')).toBe('en-US');
  });
});
