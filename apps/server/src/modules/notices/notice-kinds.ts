import type { NoticeChannel } from '../../db/schema.js';

export const NOTICE_CHANNELS = ['in_app', 'sms', 'email'] as const satisfies NoticeChannel[];

/** What a template holds: a subject (in-app title, e-mail subject; none for SMS) and a body. */
export interface TemplateText {
  subject: string | null;
  body: string;
}

export interface NoticeVariable {
  name: string;
  zh: string;
  en: string;
  /** Shown in the console's preview. */
  sample: string;
}

export interface NoticeKind {
  kind: string;
  zh: string;
  en: string;
  variables: NoticeVariable[];
  /** Used for a project that has not written its own template for a channel. */
  defaults: Record<NoticeChannel, TemplateText>;
}

const BILL_GENERATED: NoticeKind = {
  kind: 'bill_generated',
  zh: '账单生成通知',
  en: 'Bill generated',
  variables: [
    { name: 'payerName', zh: '缴费人', en: 'Payer', sample: '张伟' },
    { name: 'resourceName', zh: '房号', en: 'Room', sample: '1-1-101' },
    { name: 'period', zh: '账期', en: 'Period', sample: '2026年3月' },
    { name: 'itemNames', zh: '收费项目', en: 'Fee items', sample: '物业费、公摊水费' },
    { name: 'amount', zh: '金额', en: 'Amount', sample: '¥210.02' },
    { name: 'dueDate', zh: '缴费截止日', en: 'Due date', sample: '2026-03-15' },
    { name: 'projectName', zh: '项目', en: 'Project', sample: '爱尚花园' },
  ],
  defaults: {
    in_app: {
      subject: '{{period}}账单已生成',
      body:
        '{{payerName}}您好，您的{{resourceName}}（{{period}}）账单已生成：{{itemNames}}，' +
        '合计{{amount}}，请于{{dueDate}}前缴纳。',
    },
    sms: {
      subject: null,
      body:
        '【爱尚物业】{{payerName}}您好，您的{{resourceName}}（{{period}}）账单已生成：' +
        '{{itemNames}}共{{amount}}，请于{{dueDate}}前缴纳。',
    },
    email: {
      subject: '【{{projectName}}】{{resourceName}} {{period}}账单已生成',
      body: [
        '{{payerName}}您好：',
        '',
        '您在{{projectName}}的{{resourceName}}（{{period}}）账单已生成。',
        '收费项目：{{itemNames}}',
        '应缴金额：{{amount}}',
        '缴费截止：{{dueDate}}',
        '',
        '请按时缴纳。如有疑问，请联系物业服务中心。',
        '',
        '{{projectName}}物业服务中心',
      ].join('\n'),
    },
  },
};

/** Every kind of notice, by its code. A module that sends a new kind adds it here. */
export const NOTICE_KINDS: Record<string, NoticeKind> = {
  [BILL_GENERATED.kind]: BILL_GENERATED,
};

export function noticeKind(kind: string): NoticeKind | undefined {
  return Object.hasOwn(NOTICE_KINDS, kind) ? NOTICE_KINDS[kind] : undefined;
}

/** The sample values of a kind's variables, for previews. */
export function sampleVariables(kind: string): Record<string, string> {
  const variables = noticeKind(kind)?.variables ?? [];

  return Object.fromEntries(variables.map((v) => [v.name, v.sample]));
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** The variable names a template refers to, in order of first use. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

export interface Rendered {
  text: string;
  /** Placeholders with no value; they render as nothing. */
  missing: string[];
}

/**
 * Puts values into `{{name}}` placeholders. Plain text replacement, nothing evaluated; a value
 * is inserted as it is (e-mails go out as plain text, so no escaping is needed).
 */
export function renderTemplate(text: string, variables: Record<string, string>): Rendered {
  const missing = new Set<string>();
  const rendered = text.replace(PLACEHOLDER, (_whole, name: string) => {
    if (Object.hasOwn(variables, name) && typeof variables[name] === 'string') {
      return variables[name];
    }

    missing.add(name);
    return '';
  });

  return { text: rendered, missing: [...missing] };
}

/** Renders a subject and a body together, missing names of both gathered. */
export function renderText(template: TemplateText, variables: Record<string, string>) {
  const subject = template.subject === null ? null : renderTemplate(template.subject, variables);
  const body = renderTemplate(template.body, variables);

  return {
    subject: subject?.text ?? null,
    body: body.text,
    missing: [...new Set([...(subject?.missing ?? []), ...body.missing])],
  };
}
