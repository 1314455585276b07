// The yardstick: a bare Fastify route that reads one SQLite row by primary key.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import Fastify from 'fastify';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aishang-bare-'));
const db = new Database(path.join(dir, 'bare.db'));
db.pragma('journal_mode = WAL');
db.exec(
  'create table employee (id integer primary key, name text not null, username text not null)',
);
const insert = db.prepare('insert into employee (name, username) values (?, ?)');
db.transaction(() => {
  for (let i = 1; i <= 1000; i += 1) insert.run(`员工${i}`, `user${i}`);
})();
const byId = db.prepare('select id, name, username from employee where id = ?');

const app = Fastify();
app.get('/employees/:id', async (req) => byId.get(Number(req.params.id)));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');
