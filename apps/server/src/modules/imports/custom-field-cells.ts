import type { Database } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { scopeOf } from '../../platform/scope.js';
import { inTransaction } from '../../platform/transaction.js';
import {
  type CustomFieldDef,
  activeFields,
  storedValues,
  writeCustomValues,
} from '../custom-fields/custom-fields.service.js';
import { parseCell } from '../custom-fields/custom-values.js';
import type {
  ImportColumn,
  ImportCounts,
  ImportDefinition,
  ImportRow,
  RowProblem,
} from './import.types.js';

/**
 * Custom fields in Excel imports, for every definition that declares `customFieldEntity`: the
 * template gets a column per active field, each row's cells are checked like any column, and
 * the values are written for the records the run reports.
 */

/** Values each row gives, by line, then by field id (null: the cell is empty, clear it). */
export type CustomCells = Map<number, Map<number, string | null>>;

const CHUNK = 1000;

/** The company's active custom fields for a definition; none when it declares no entity. */
export async function importFields(
  db: Database,
  ctx: RequestContext,
  definition: ImportDefinition,
): Promise<CustomFieldDef[]> {
  if (!definition.customFieldEntity) return [];

  return activeFields(db, scopeOf(ctx).orgId, definition.customFieldEntity);
}

function hintOf(field: CustomFieldDef): { zh: string; en: string } {
  const choices = field.options.join(' / ');
  switch (field.type) {
    case 'text':
      return { zh: '文本', en: 'Text' };
    case 'number':
      return { zh: '数字，最多 6 位小数', en: 'A number, at most 6 decimals' };
    case 'date':
      return { zh: 'YYYY-MM-DD', en: 'YYYY-MM-DD' };
    case 'boolean':
      return { zh: '是 / 否', en: '是 (yes) / 否 (no)' };
    case 'single':
      return { zh: `可选：${choices}`, en: `One of: ${choices}` };
    case 'multiple':
      return {
        zh: `可多选，用顿号或逗号分隔：${choices}`,
        en: `Any of, separated by commas: ${choices}`,
      };
  }
}

const EXAMPLES: Record<CustomFieldDef['type'], (field: CustomFieldDef) => string> = {
  text: () => '',
  number: () => '1',
  date: () => '2026-01-01',
  boolean: () => '是',
  single: (field) => field.options[0] ?? '',
  multiple: (field) => field.options[0] ?? '',
};

/** A template column per field, headed by its label, keyed `cf.<key>`. */
export function customColumns(fields: CustomFieldDef[]): ImportColumn[] {
  return fields.map((field) => ({
    key: `cf.${field.key}`,
    zh: field.label,
    en: field.label,
    required: field.required,
    example: EXAMPLES[field.type](field),
    hint: hintOf(field),
  }));
}

/**
 * Checks the custom cells of every row. A column missing from the file leaves its values as
 * they are, unless the field is required; an empty cell clears the value.
 */
export function checkCustomCells(
  fields: CustomFieldDef[],
  rows: ImportRow[],
): { rows: ImportRow[]; problems: RowProblem[]; cells: CustomCells } {
  const problems: RowProblem[] = [];
  const cells: CustomCells = new Map();
  const good: ImportRow[] = [];

  for (const row of rows) {
    const values = new Map<number, string | null>();
    const before = problems.length;
    for (const field of fields) {
      const column = `cf.${field.key}`;
      const text = row.fields[column];
      const parsed = parseCell(field, text ?? '');
      if (!parsed.ok) {
        problems.push({ line: row.line, column, message: parsed.message, params: parsed.params });
      } else if (parsed.value === null && field.required) {
        problems.push({ line: row.line, column, message: 'validation.required' });
      } else if (text !== undefined) {
        values.set(field.id, parsed.value);
      }
    }
    if (problems.length > before) continue;
    good.push(row);
    cells.set(row.line, values);
  }

  return { rows: good, problems, cells };
}

/**
 * After the run: a row the run left unchanged but whose custom values differ counts as
 * updated, and when applying, the values are written. Records are written before their values,
 * chunk by chunk as the run commits them; running the same file again completes a broken run.
 */
export async function settleCustomValues(
  db: Database,
  ctx: RequestContext,
  settle: {
    definition: ImportDefinition;
    projectId: number;
    fields: CustomFieldDef[];
    cells: CustomCells;
    counts: ImportCounts;
    apply: boolean;
  },
): Promise<ImportCounts> {
  const { fields, counts } = settle;
  if (fields.length === 0) return counts;
  if (!counts.records) {
    throw new Error(`import ${settle.definition.kind} has custom fields but reports no records`);
  }

  const known = counts.records.filter((record) => record.id !== null);
  const stored = await storedValues(
    db,
    fields,
    known.map((record) => record.id!),
  );
  const changes: { fieldId: number; entityId: number; value: string | null }[] = [];
  let updated = counts.updated;
  for (const record of known) {
    const entityId = record.id!;
    const wanted = [...(settle.cells.get(record.line) ?? [])].filter(
      ([fieldId, value]) => (stored.get(`${fieldId}:${entityId}`) ?? null) !== value,
    );
    if (wanted.length === 0) continue;
    changes.push(...wanted.map(([fieldId, value]) => ({ fieldId, entityId, value })));
    if (record.outcome === 'unchanged') updated += 1;
  }
  const settled = { ...counts, updated, unchanged: counts.unchanged - (updated - counts.updated) };
  if (!settle.apply || changes.length === 0) return settled;

  const { orgId } = scopeOf(ctx);
  for (let i = 0; i < changes.length; i += CHUNK) {
    await inTransaction(db, (tx) => writeCustomValues(tx, orgId, changes.slice(i, i + CHUNK)));
  }
  await inTransaction(db, (tx) =>
    recordAudit(tx, ctx, {
      action: 'custom_value.import',
      entityType: 'project',
      entityId: settle.projectId,
      projectId: settle.projectId,
      after: { import: settle.definition.kind, values: changes.length },
    }),
  );

  return settled;
}
