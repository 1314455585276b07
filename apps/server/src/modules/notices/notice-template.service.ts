import type { Database } from '../../db/database.js';
import type { NoticeChannel } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, type FieldIssue, notFound } from '../../platform/errors.js';
import { scopeOf } from '../../platform/scope.js';
import { nowInstant } from '../../platform/time.js';
import { inTransaction } from '../../platform/transaction.js';
import { getProject } from '../org/project.service.js';
import {
  NOTICE_CHANNELS,
  NOTICE_KINDS,
  type TemplateText,
  noticeKind,
  placeholders,
  renderText,
  sampleVariables,
} from './notice-kinds.js';
import type { PreviewNoticeTemplateInput, SaveNoticeTemplateInput } from './notices.schemas.js';
import * as repo from './notices.repository.js';

type TemplateRow = NonNullable<Awaited<ReturnType<typeof repo.findTemplate>>>;

function toTemplate(row: TemplateRow) {
  return {
    id: row.id,
    projectId: row.project_id,
    kind: row.kind,
    channel: row.channel,
    subject: row.subject,
    body: row.body,
    isDefault: false,
    updatedAt: row.updated_at,
  };
}

export type NoticeTemplate = ReturnType<typeof toTemplate>;

/** Every kind of notice with its variables and built-in wording, for the template editor. */
export function listNoticeKinds() {
  return { kinds: Object.values(NOTICE_KINDS) };
}

/**
 * A project's templates: for every kind and channel, the project's own wording where it wrote
 * one, else the built-in default (id null).
 */
export async function listProjectTemplates(db: Database, ctx: RequestContext, projectId: number) {
  await getProject(db, ctx, projectId);
  const saved = await repo.templatesOfProject(db, scopeOf(ctx), projectId);

  const items = Object.values(NOTICE_KINDS).flatMap((kind) =>
    NOTICE_CHANNELS.map((channel) => {
      const own = saved.find((row) => row.kind === kind.kind && row.channel === channel);
      if (own) return toTemplate(own);

      return {
        id: null,
        projectId,
        kind: kind.kind,
        channel,
        ...kind.defaults[channel],
        isDefault: true,
        updatedAt: null,
      };
    }),
  );

  return { items };
}

export async function getNoticeTemplate(
  db: Database,
  ctx: RequestContext,
  id: number,
): Promise<NoticeTemplate> {
  const row = await repo.findTemplate(db, scopeOf(ctx), id);
  if (!row) throw notFound('notice_template');

  return toTemplate(row);
}

/** Refuses a template of an unknown kind, one without a subject where the channel needs one,
 * and placeholders the kind does not fill (they would always render as nothing). */
function templateIssues(input: SaveNoticeTemplateInput): FieldIssue[] {
  const kind = noticeKind(input.kind);
  if (!kind) return [{ field: 'kind', message: 'validation.unknown_notice_kind' }];

  const issues: FieldIssue[] = [];
  const known = new Set(kind.variables.map((v) => v.name));
  const needsSubject = input.channel !== 'sms';
  if (needsSubject && !input.subject)
    issues.push({ field: 'subject', message: 'validation.required' });
  for (const field of ['subject', 'body'] as const) {
    const unknown = placeholders(input[field] ?? '').filter((name) => !known.has(name));
    if (unknown.length > 0) {
      issues.push({
        field,
        message: 'validation.unknown_variable',
        params: { names: unknown.join(', ') },
      });
    }
  }

  return issues;
}

/** Writes a project's wording of one kind of notice on one channel (新增或修改通知模板). */
export async function saveNoticeTemplate(
  db: Database,
  ctx: RequestContext,
  projectId: number,
  input: SaveNoticeTemplateInput,
): Promise<NoticeTemplate> {
  const scope = scopeOf(ctx);
  await getProject(db, ctx, projectId);
  const issues = templateIssues(input);
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { details: issues });
  const text: TemplateText = {
    subject: input.channel === 'sms' ? null : (input.subject ?? null),
    body: input.body,
  };

  const id = await inTransaction(db, async (tx) => {
    const at = nowInstant();
    const before = (await repo.templatesOfProject(tx, scope, projectId)).find(
      (row) => row.kind === input.kind && row.channel === input.channel,
    );
    const templateId = before?.id ?? (await insertTemplate(tx, ctx, { projectId, input, text }));
    if (before) {
      await repo.updateTemplate(tx, before.id, {
        ...text,
        updated_by: ctx.actor?.id,
        updated_at: at,
      });
    }
    await recordAudit(tx, ctx, {
      action: 'notice-template.save',
      entityType: 'notice_template',
      entityId: templateId,
      projectId,
      before,
      after: { kind: input.kind, channel: input.channel, ...text },
    });

    return templateId;
  });

  return getNoticeTemplate(db, ctx, id);
}

function insertTemplate(
  db: Database,
  ctx: RequestContext,
  values: { projectId: number; input: SaveNoticeTemplateInput; text: TemplateText },
): Promise<number> {
  const at = nowInstant();

  return repo.insertTemplate(db, {
    org_id: scopeOf(ctx).orgId,
    project_id: values.projectId,
    kind: values.input.kind,
    channel: values.input.channel as NoticeChannel,
    ...values.text,
    updated_by: ctx.actor?.id ?? null,
    created_at: at,
    updated_at: at,
  });
}

/** Drops a project's own wording, so the built-in default applies again (恢复默认模板). */
export async function deleteNoticeTemplate(
  db: Database,
  ctx: RequestContext,
  id: number,
): Promise<void> {
  const scope = scopeOf(ctx);

  await inTransaction(db, async (tx) => {
    const before = await repo.findTemplate(tx, scope, id);
    if (!before) throw notFound('notice_template');

    await repo.deleteTemplate(tx, id);
    await recordAudit(tx, ctx, {
      action: 'notice-template.delete',
      entityType: 'notice_template',
      entityId: id,
      projectId: before.project_id,
      before,
    });
  });
}

/** Renders a template being edited with sample (or given) values; writes nothing. */
export function previewNoticeTemplate(input: PreviewNoticeTemplateInput) {
  const known = new Set(noticeKind(input.kind)?.variables.map((v) => v.name) ?? []);
  const variables = input.variables ?? sampleVariables(input.kind);
  const rendered = renderText({ subject: input.subject ?? null, body: input.body }, variables);
  const used = placeholders(`${input.subject ?? ''}\n${input.body}`);

  return { ...rendered, unknown: used.filter((name) => !known.has(name)) };
}
