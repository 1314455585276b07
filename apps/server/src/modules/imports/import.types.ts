import type { Database } from '../../db/database.js';
import type { RequestContext } from '../../platform/context.js';
import type { CustomFieldTarget } from '../custom-fields/custom-fields.service.js';

export interface ImportColumn {
  key: string;
  zh: string;
  en: string;
  required?: boolean;
  /** Shown in the template's example row. */
  example?: string;
  /** Shown on the template's instructions sheet. */
  hint?: { zh: string; en: string };
}

/** One data row of an import, by column key, with the line Excel shows. */
export interface ImportRow {
  line: number;
  fields: Record<string, string>;
}

/** A problem with one row: the column key and a message key (translated when reported). */
export interface RowProblem {
  line: number;
  column: string;
  message: string;
  params?: Record<string, string | number>;
}

/** What became of one row that a run accepted. */
export interface ImportedRecord {
  line: number;
  /** The record the row created, updated or matched; null for a row a dry run would create. */
  id: number | null;
  outcome: 'created' | 'updated' | 'unchanged';
}

export interface ImportCounts {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: RowProblem[];
  /**
   * Every row the run accepted, with its record. A definition that declares
   * `customFieldEntity` reports them, so that the framework can write the custom values.
   */
  records?: ImportedRecord[];
}

export interface ImportRunOptions {
  projectId: number;
  rows: ImportRow[];
  /** false: a dry run that only says what would happen; true: write it. */
  apply: boolean;
  progress: (done: number, total: number) => Promise<void>;
}

/** What a module declares to make one of its lists importable from Excel. */
export interface ImportDefinition {
  /** URL segment and job payload name: `rooms`, `shops`, `people`. */
  kind: string;
  permission: string;
  sheet: { zh: string; en: string };
  columns: ImportColumn[];
  /**
   * Whose custom fields (自定义字段) the rows carry. The framework adds the company's active
   * fields to the template after `columns`, reads and checks them per row (a bad value rejects
   * the row before `run` sees it) and, after `run`, writes them for the `records` it reports.
   */
  customFieldEntity?: CustomFieldTarget;
  run(db: Database, ctx: RequestContext, options: ImportRunOptions): Promise<ImportCounts>;
}
