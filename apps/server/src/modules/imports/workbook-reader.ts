import ExcelJS, { type CellValue } from '../../platform/exceljs.js';
import type { Readable } from 'node:stream';

/** One data row of a sheet, by header text, every value as trimmed text. */
export interface SheetRow {
  /** The row number Excel shows, so an error report points at the right line. */
  line: number;
  values: Record<string, string>;
}

function dateText(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Whatever a cell holds (number, date, rich text, formula result) as the text a person sees. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return value.trim();
  if ('richText' in value)
    return value.richText
      .map((part) => part.text)
      .join('')
      .trim();
  if ('result' in value) return cellText(value.result as CellValue);
  if ('text' in value) return String(value.text).trim();
  if ('error' in value) return '';

  return String(value).trim();
}

/**
 * Streams the first sheet of an .xlsx file: the first row names the columns, every later
 * non-empty row becomes a SheetRow. Streaming keeps memory flat for 50,000-row files.
 */
export async function* readSheetRows(input: Readable | string): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });

  let sheetIndex = 0;
  for await (const worksheet of reader) {
    sheetIndex += 1;
    if (sheetIndex > 1) break;

    let headers: string[] | undefined;
    for await (const row of worksheet) {
      const cells = (row.values as CellValue[]).slice(1).map(cellText);
      if (!headers) {
        headers = cells.map((h) => h.replace(/\*$/, '').trim());
        continue;
      }
      if (cells.every((c) => c === '')) continue;

      const values: Record<string, string> = {};
      headers.forEach((header, index) => {
        if (header) values[header] = cells[index] ?? '';
      });
      yield { line: row.number, values };
    }
  }
}
