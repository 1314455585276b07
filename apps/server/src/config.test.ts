import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

function problemWith(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  test.each([['abc'], ['70000'], ['-1'], ['3000.5']])(
    'refuses PORT=%s with one line naming PORT',
    (port) => {
      const message = problemWith({ PORT: port });

      expect(message).toMatch(/\bPORT\b/);
      expect(message).not.toContain('\n');
    },
  );

  test.each([['mysql://db/aishang'], ['localhost:5432'], ['not a url']])(
    'refuses DATABASE_URL=%s with one line naming DATABASE_URL',
    (url) => {
      const message = problemWith({ DATABASE_URL: url });

      expect(message).toMatch(/\bDATABASE_URL\b/);
      expect(message).not.toContain('\n');
    },
  );

  test('reads good values and fills defaults; empty variables count as unset', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@h/db', LOG_LEVEL: '' });

    expect(config).toMatchObject({
      PORT: 8080,
      DATABASE_URL: 'postgres://u@h/db',
      LOG_LEVEL: 'info',
      LOGIN_RATE_LIMIT_PER_MINUTE: 20,
      isProduction: true,
    });
  });

  test('without DATABASE_URL the SQLite file lives in DATA_DIR', () => {
    const config = loadConfig({ DATA_DIR: '/tmp/aishang-data' });

    expect(config.sqlitePath).toBe('/tmp/aishang-data/aishang.db');
    expect(config.isProduction).toBe(false);
  });
});
