import ExcelJS from './exceljs.js';
import type { FastifyReply } from 'fastify';
import type { Locale } from './i18n.js';

export interface ExportColumn<T> {
  zh: string;
  en: string;
  width?: number;
  value: (row: T) => string | number | boolean | null | undefined;
}

/** Builds a one-sheet workbook with a bold, frozen header row. */
export async function buildWorkbook<T>(options: {
  sheet: string;
  locale: Locale;
  columns: ExportColumn<T>[];
  rows: T[];
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Aishang';
  const sheet = workbook.addWorksheet(options.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = options.columns.map((column) => ({
    header: options.locale === 'en-US' ? column.en : column.zh,
    width: column.width ?? 16,
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of options.rows) {
    sheet.addRow(options.columns.map((column) => column.value(row) ?? ''));
  }

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Sends an .xlsx file under a (possibly Chinese) file name. */
export function sendWorkbook(reply: FastifyReply, fileName: string, content: Buffer): FastifyReply {
  const encoded = encodeURIComponent(`${fileName}.xlsx`);

  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header(
      'content-disposition',
      `attachment; filename="export.xlsx"; filename*=UTF-8''${encoded}`,
    )
    .send(content);
}

export function yesNo(value: boolean, locale: Locale): string {
  if (locale === 'en-US') return value ? 'Yes' : 'No';

  return value ? '是' : '否';
}

/** Values' names in both languages, for export columns: `{ paid: { zh: '已缴清', en: 'Paid' } }`. */
export type Labels = Record<string, { zh: string; en: string }>;

/** A value's name in the caller's language; the value itself when unnamed, '' for null. */
export function labelOf(map: Labels, value: string | null, locale: Locale): string {
  if (value === null) return '';

  return map[value]?.[locale === 'en-US' ? 'en' : 'zh'] ?? value;
}
