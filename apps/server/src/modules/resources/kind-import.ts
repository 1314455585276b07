import type { Database } from '../../db/database.js';
import type { ResourceKind, ResourceStatus } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { scopeOf } from '../../platform/scope.js';
import { nowInstant } from '../../platform/time.js';
import { inTransaction } from '../../platform/transaction.js';
import type {
  ImportCounts,
  ImportRunOptions,
  ImportedRecord,
  RowProblem,
} from '../imports/import.types.js';
import { linkImportedOwners } from '../people/owner-import.service.js';
import * as repo from './resources.repository.js';

/** What a parsed row of a resource import holds: the shared identity, its own columns, an owner. */
export interface KindRow {
  line: number;
  code: string;
  area: string | null;
  status: ResourceStatus;
  buildingId: number | null;
  /** Columns of the kind's own table (snake_case), without resource_id. */
  own: Record<string, string | number | null>;
  owner: { name: string; mobile: string | null } | null;
}

export interface KindImportSpec {
  kind: ResourceKind;
  ownTable: repo.OwnTable;
  /** Loads what rows refer to by code (buildings, parking lots) once per run. */
  lookups(db: Database, projectId: number): Promise<Record<string, Map<string, number>>>;
  parse(
    row: import('../imports/import.types.js').ImportRow,
    problems: RowProblem[],
    lookups: Record<string, Map<string, number>>,
  ): KindRow | null;
}

const BATCH = 500;

function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));

  return norm(a) === norm(b);
}

/**
 * The import of shops, parking spaces and the like: bad rows are reported and skipped, a code
 * repeated in the file is refused, a known code updates its resource when a value changed,
 * owners are linked, and importing the same file again changes nothing.
 */
export async function runKindImport(
  spec: KindImportSpec,
  db: Database,
  ctx: RequestContext,
  options: ImportRunOptions,
): Promise<ImportCounts> {
  const { orgId } = scopeOf(ctx);
  const problems: RowProblem[] = [];
  const lookups = await spec.lookups(db, options.projectId);
  const existing = new Map(
    (await repo.resourcesWithOwnColumns(db, options.projectId, spec.kind, spec.ownTable)).map(
      (r) => [String(r.code), r],
    ),
  );

  const seen = new Set<string>();
  const outcomes = new Map<string, 'created' | 'updated' | 'unchanged'>();
  const creates: KindRow[] = [];
  const updates: { row: KindRow; id: number }[] = [];
  const good: KindRow[] = [];
  let unchanged = 0;
  for (const raw of options.rows) {
    const row = spec.parse(raw, problems, lookups);
    if (!row) continue;
    if (seen.has(row.code)) {
      problems.push({ line: row.line, column: 'code', message: 'validation.duplicate_in_file' });
      continue;
    }
    seen.add(row.code);
    good.push(row);

    const current = existing.get(row.code);
    if (!current) {
      creates.push(row);
      outcomes.set(row.code, 'created');
      continue;
    }
    const changed =
      !same(current.area, row.area) ||
      !same(current.status, row.status) ||
      !same(current.building_id, row.buildingId) ||
      Object.entries(row.own).some(([column, value]) => !same(current[column], value));
    if (changed) updates.push({ row, id: Number(current.id) });
    else unchanged += 1;
    outcomes.set(row.code, changed ? 'updated' : 'unchanged');
  }

  const counts = {
    total: options.rows.length,
    created: creates.length,
    updated: updates.length,
    unchanged,
    problems,
  };
  const ids = new Map([...existing.values()].map((r) => [String(r.code), Number(r.id)]));
  const records = (): ImportedRecord[] =>
    good.map((row) => ({
      line: row.line,
      id: ids.get(row.code) ?? null,
      outcome: outcomes.get(row.code)!,
    }));
  if (!options.apply) {
    await options.progress(options.rows.length, options.rows.length);
    return { ...counts, records: records() };
  }

  const at = nowInstant();
  const work = creates.length + updates.length;
  for (let i = 0; i < creates.length; i += BATCH) {
    const chunk = creates.slice(i, i + BATCH);
    await inTransaction(db, async (tx) => {
      const created = await repo.insertResources(
        tx,
        chunk.map((row) => ({
          org_id: orgId,
          project_id: options.projectId,
          kind: spec.kind,
          code: row.code,
          area: row.area,
          status: row.status,
          building_id: row.buildingId,
          created_at: at,
          updated_at: at,
          archived_at: null,
        })),
      );
      for (const [code, id] of created) ids.set(code, id);
      await repo.insertOwnRows(
        tx,
        spec.ownTable,
        chunk.map((row) => ({ resource_id: created.get(row.code)!, ...row.own })),
      );
    });
    await options.progress(i + chunk.length, work);
  }

  for (let i = 0; i < updates.length; i += BATCH) {
    const chunk = updates.slice(i, i + BATCH);
    await inTransaction(db, async (tx) => {
      for (const { row, id } of chunk) {
        await repo.updateResource(tx, id, {
          area: row.area,
          status: row.status,
          building_id: row.buildingId,
          updated_at: at,
        });
        await repo.updateOwnRow(tx, spec.ownTable, id, row.own);
      }
    });
    await options.progress(creates.length + i + chunk.length, work);
  }

  const linked = await linkImportedOwners(db, ctx, {
    projectId: options.projectId,
    owners: good
      .filter((row) => row.owner !== null)
      .map((row) => ({ resourceId: ids.get(row.code)!, ...row.owner!, since: null })),
  });
  await inTransaction(db, (tx) =>
    recordAudit(tx, ctx, {
      action: `${spec.kind}.import`,
      entityType: 'project',
      entityId: options.projectId,
      projectId: options.projectId,
      after: {
        created: creates.length,
        updated: updates.length,
        unchanged,
        rejected: problems.length,
        ...linked,
      },
    }),
  );
  await options.progress(options.rows.length, options.rows.length);

  return { ...counts, records: records() };
}
