import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from '../../platform/exceljs.js';
import type { Database } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { type Locale, hasMessage, translate } from '../../platform/i18n.js';
import type { JobQueue, JobRun } from '../../platform/jobs.js';
import { inTransaction } from '../../platform/transaction.js';
import { assertProjectField } from '../org/project.service.js';
import type { CustomFieldDef } from '../custom-fields/custom-fields.service.js';
import {
  checkCustomCells,
  customColumns,
  importFields,
  settleCustomValues,
} from './custom-field-cells.js';
import type { ImportColumn, ImportDefinition, ImportRow } from './import.types.js';
import { readSheetRows } from './workbook-reader.js';

export const IMPORT_JOB = 'import';

export interface ImportJobPayload {
  kind: string;
  projectId: number;
  mode: 'dry_run' | 'import';
  file: string;
}

/** What the console shows after a dry run or an import: counts and every bad row. */
export interface ImportReport {
  mode: 'dry_run' | 'import';
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  errors: { line: number; column: string; message: string }[];
}

function header(column: { zh: string; en: string }, locale: Locale): string {
  return locale === 'en-US' ? column.en : column.zh;
}

/** A definition's own columns, then one per active custom field. */
function columnsOf(definition: ImportDefinition, fields: CustomFieldDef[]): ImportColumn[] {
  return [...definition.columns, ...customColumns(fields)];
}

/** The template of a definition with the caller's company's custom fields. */
export async function importTemplate(
  db: Database,
  ctx: RequestContext,
  definition: ImportDefinition,
): Promise<Buffer> {
  return buildTemplate(definition, ctx.locale, await importFields(db, ctx, definition));
}

/** The template to fill in: headers (required ones starred), one example row, and instructions. */
export async function buildTemplate(
  definition: ImportDefinition,
  locale: Locale,
  fields: CustomFieldDef[] = [],
): Promise<Buffer> {
  const columns = columnsOf(definition, fields);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(header(definition.sheet, locale), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns.map((column) => ({
    header: `${header(column, locale)}${column.required ? '*' : ''}`,
    width: Math.max(12, header(column, locale).length * 2 + 4),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(columns.map((column) => column.example ?? ''));

  const notes = workbook.addWorksheet(locale === 'en-US' ? 'Instructions' : '填写说明');
  notes.columns = [{ width: 20 }, { width: 12 }, { width: 60 }];
  notes.addRow(
    locale === 'en-US' ? ['Column', 'Required', 'How to fill'] : ['列', '必填', '填写说明'],
  );
  notes.getRow(1).font = { bold: true };
  for (const column of columns) {
    const required = column.required ? (locale === 'en-US' ? 'yes' : '是') : '';
    notes.addRow([
      header(column, locale),
      required,
      column.hint ? header(column.hint, locale) : '',
    ]);
  }

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Reads the file into rows keyed by column key; headers may be in Chinese or English. */
export async function readImportRows(
  definition: ImportDefinition,
  file: string,
  fields: CustomFieldDef[] = [],
): Promise<ImportRow[]> {
  const keyByHeader = new Map<string, string>();
  // A custom field labelled like a fixed column loses to it: the fixed columns come last.
  for (const column of [...customColumns(fields), ...definition.columns]) {
    keyByHeader.set(column.zh, column.key);
    keyByHeader.set(column.en, column.key);
  }

  const rows: ImportRow[] = [];
  for await (const row of readSheetRows(file)) {
    const fields: Record<string, string> = {};
    for (const [text, value] of Object.entries(row.values)) {
      const key = keyByHeader.get(text);
      if (key) fields[key] = value;
    }
    rows.push({ line: row.line, fields });
  }

  return rows;
}

/** Keeps an uploaded workbook under DATA_DIR/uploads until its job has read it. */
export function storeUpload(dataDir: string, content: Buffer): string {
  const folder = path.resolve(dataDir, 'uploads');
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${randomUUID()}.xlsx`);
  fs.writeFileSync(file, content);

  return file;
}

/** Queues a dry run or an import of an uploaded workbook, audited; answers the job id. */
export async function startImport(
  db: Database,
  jobs: JobQueue,
  ctx: RequestContext,
  request: {
    definition: ImportDefinition;
    projectId: number;
    mode: 'dry_run' | 'import';
    file: string;
  },
): Promise<number> {
  await assertProjectField(db, ctx, request.projectId);

  const payload: ImportJobPayload = {
    kind: request.definition.kind,
    projectId: request.projectId,
    mode: request.mode,
    file: request.file,
  };

  try {
    return await inTransaction(db, async (tx) => {
      const jobId = await jobs.enqueue(
        ctx,
        { kind: IMPORT_JOB, projectId: request.projectId, payload },
        tx,
      );
      await recordAudit(tx, ctx, {
        action: `import.${request.mode === 'import' ? 'start' : 'dry-run'}`,
        entityType: 'job',
        entityId: jobId,
        projectId: request.projectId,
        after: { kind: payload.kind, mode: payload.mode },
      });

      return jobId;
    });
  } catch (error) {
    fs.rmSync(request.file, { force: true });
    throw error;
  }
}

/** The job handler: reads the workbook, runs the definition, reports every bad row in words. */
export function importJobHandler(definitions: ImportDefinition[]) {
  return async (db: Database, run: JobRun<ImportJobPayload>): Promise<ImportReport> => {
    const { payload, ctx } = run;
    const definition = definitions.find((d) => d.kind === payload.kind);
    if (!definition) throw new Error(`unknown import kind ${payload.kind}`);

    const fields = await importFields(db, ctx, definition);
    const rows = await readImportRows(definition, payload.file, fields);
    await run.progress(0, rows.length);
    const custom = checkCustomCells(fields, rows);
    const apply = payload.mode === 'import';
    const ran = await definition.run(db, ctx, {
      projectId: payload.projectId,
      rows: custom.rows,
      apply,
      progress: run.progress,
    });
    const counts = await settleCustomValues(db, ctx, {
      definition,
      projectId: payload.projectId,
      fields,
      cells: custom.cells,
      counts: ran,
      apply,
    });
    if (apply) fs.rmSync(payload.file, { force: true });

    const columnLabel = new Map(
      columnsOf(definition, fields).map((c) => [c.key, header(c, ctx.locale)]),
    );
    const errors = [...counts.problems, ...custom.problems]
      .sort((a, b) => a.line - b.line)
      .map((problem) => ({
        line: problem.line,
        column: columnLabel.get(problem.column) ?? problem.column,
        message: hasMessage(problem.message)
          ? translate(ctx.locale, problem.message, problem.params)
          : problem.message,
      }));

    return {
      mode: payload.mode,
      total: rows.length,
      created: counts.created,
      updated: counts.updated,
      unchanged: counts.unchanged,
      errorCount: new Set(errors.map((e) => e.line)).size,
      errors: errors.slice(0, 5000),
    };
  };
}
