#!/usr/bin/env node
import { createInterface } from 'node:readline/promises';
import { stdin, stdout } from 'node:process';
import { buildApp } from './app.js';
import { ConfigError, type Config, loadConfig } from './config.js';
import { type DatabaseHandle, migrateToLatest, openDatabase } from './db/database.js';
import { createPlatformAdmin } from './modules/org/platform-admin.service.js';
import { isDatabaseEmpty, seedDemo } from './seed/demo.js';

const USAGE = `usage: aishang <command>

  serve            migrate, seed the demo into an empty quick-start database, and serve
  migrate          bring the database schema up to date
  seed --demo      load the demo company (refused on a database that has companies)
  create-admin     create a platform administrator (asks for the password)
  backup <file>    copy the SQLite database online to <file>
                   (PostgreSQL: use pg_dump "$DATABASE_URL" > file.sql)
`;

function open(config: Config): DatabaseHandle {
  return openDatabase({ url: config.DATABASE_URL, sqlitePath: config.sqlitePath });
}

async function serve(config: Config): Promise<void> {
  const database = open(config);
  await migrateToLatest(database.db);
  const seeded = !config.isProduction && (await isDatabaseEmpty(database.db));
  if (seeded) await seedDemo(database.db);

  const app = await buildApp({ config, database });
  app.jobs.start();
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.jobs.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.PORT, host: config.HOST });
  const url = `http://localhost:${config.PORT}`;
  process.stdout.write(
    [
      '',
      `  爱尚物业管理系统 is running at ${url}`,
      `  API documentation: ${url}/api/docs`,
      `  Database: ${database.dialect === 'sqlite' ? config.sqlitePath : 'PostgreSQL'}`,
      ...(seeded || !config.isProduction
        ? [
            '  Demo sign-in: admin / admin123 (company administrator)',
            '                platform / platform123 (platform administrator)',
          ]
        : []),
      '',
    ].join('\n') + '\n',
  );
}

async function ask(question: string, hidden = false): Promise<string> {
  const rl = createInterface({ input: stdin, output: stdout, terminal: stdin.isTTY });
  if (hidden && stdin.isTTY) {
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) =>
      write.call(rl, s.startsWith(question) ? s : '');
  }
  const answer = await rl.question(question);
  rl.close();
  if (hidden && stdin.isTTY) stdout.write('\n');

  return answer.trim();
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const config = loadConfig();

  switch (command) {
    case 'serve':
      await serve(config);
      return -1;
    case 'migrate': {
      const database = open(config);
      const ran = await migrateToLatest(database.db);
      await database.close();
      stdout.write(ran.length ? `migrated: ${ran.join(', ')}\n` : 'already up to date\n');
      return 0;
    }
    case 'seed': {
      if (args[0] !== '--demo') break;
      const database = open(config);
      await migrateToLatest(database.db);
      if (!(await isDatabaseEmpty(database.db))) {
        stdout.write('the database already has companies; the demo was not loaded\n');
        await database.close();
        return 1;
      }
      await seedDemo(database.db);
      await database.close();
      stdout.write('demo company loaded: admin / admin123\n');
      return 0;
    }
    case 'create-admin': {
      const username = args[0] ?? (await ask('username: '));
      const name = (await ask('name: ')) || username;
      const password = await ask('password (8+ characters, letters and digits): ', true);
      const database = open(config);
      await migrateToLatest(database.db);
      await createPlatformAdmin(database.db, { username, name, password });
      await database.close();
      stdout.write(`platform administrator ${username} created\n`);
      return 0;
    }
    case 'backup': {
      const file = args[0];
      if (!file) break;
      const database = open(config);
      if (!database.sqlite) {
        stdout.write(
          'backup copies SQLite only; for PostgreSQL run: pg_dump "$DATABASE_URL" > backup.sql\n',
        );
        await database.close();
        return 1;
      }
      await database.sqlite.backup(file);
      await database.close();
      stdout.write(`backed up to ${file}\n`);
      return 0;
    }
  }

  stdout.write(USAGE);
  return command ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(
        `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    }
    process.exit(1);
  },
);
