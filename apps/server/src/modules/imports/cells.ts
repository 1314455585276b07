import { Decimal } from 'decimal.js';
import type { ImportColumn, ImportRow, RowProblem } from './import.types.js';

/** Reads the cells of one row and collects its problems; each `read*` answers undefined when bad. */
export class RowReader {
  readonly #row: ImportRow;
  readonly #problems: RowProblem[];
  readonly #before: number;

  constructor(row: ImportRow, problems: RowProblem[], columns: ImportColumn[]) {
    this.#row = row;
    this.#problems = problems;
    this.#before = problems.length;
    for (const column of columns) {
      if (column.required && !row.fields[column.key])
        this.problem(column.key, 'validation.required');
    }
  }

  get line(): number {
    return this.#row.line;
  }

  /** Whether the row has any problem so far. */
  get bad(): boolean {
    return this.#problems.length > this.#before;
  }

  problem(column: string, message: string, params?: Record<string, string | number>): void {
    this.#problems.push({ line: this.#row.line, column, message, params });
  }

  text(key: string): string | null {
    return this.#row.fields[key] || null;
  }

  /** A decimal with at most `scale` places, written with exactly `scale` places. */
  decimal(
    key: string,
    scale: number,
    options: { positive?: boolean } = {},
  ): string | null | undefined {
    const text = this.#row.fields[key];
    if (!text) return null;
    const ok = new RegExp(`^\\d{1,10}(\\.\\d{1,${scale}})?$`).test(text);
    if (!ok || (options.positive && !new Decimal(text).greaterThan(0))) {
      this.problem(key, 'validation.decimal', { scale });
      return undefined;
    }

    return new Decimal(text).toFixed(scale);
  }

  integer(key: string, range: { min: number; max: number }): number | null | undefined {
    const text = this.#row.fields[key];
    if (!text) return null;
    const value = Number(text);
    if (!/^-?\d+$/.test(text) || value < range.min || value > range.max) {
      this.problem(key, 'validation.invalid_type', { expected: 'type.int' });
      return undefined;
    }

    return value;
  }

  /** YYYY-MM-DD, also written with / or . and without leading zeros. */
  date(key: string): string | null | undefined {
    const text = this.#row.fields[key];
    if (!text) return null;
    const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
    const value = match && `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
    if (!value || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
      this.problem(key, 'validation.date');
      return undefined;
    }

    return value;
  }

  /** One of a list of labels (Chinese or English), mapped to its stored value. */
  choice<T>(key: string, labels: Record<string, T>, fallback: T): T | undefined {
    const text = this.#row.fields[key];
    if (!text) return fallback;
    const value = labels[text] ?? labels[text.toLowerCase()];
    if (value === undefined) {
      const options = Object.keys(labels).filter((k) => /[\u4e00-\u9fff]/.test(k));
      this.problem(key, 'validation.invalid_value', { options: options.join(', ') });
    }

    return value;
  }

  /** A value that matches a pattern, such as a mobile number. */
  matching(key: string, pattern: RegExp, message: string): string | null | undefined {
    const text = this.#row.fields[key];
    if (!text) return null;
    if (!pattern.test(text)) {
      this.problem(key, message);
      return undefined;
    }

    return text;
  }
}
