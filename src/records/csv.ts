// CSV as RFC 4180 says (comma, CRLF, fields with a comma, quote or line break quoted, quotes doubled), UTF-8 with a
// byte-order mark so spreadsheet programs read Indonesian text right. Citizens' words never become formulas: a text
// cell starting with =, +, -, @, a tab or a carriage return is prefixed with ' (OWASP "CSV injection").
import type { Cell, Column } from './columns.js';

export const BOM = '\uFEFF';

/** Text that a spreadsheet program would read as a formula gets a leading apostrophe. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One field, quoted when it must be. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A cell as CSV text: dates as "YYYY-MM-DD HH:MM" in the agency zone, percentages as "93%". */
export function csvCell(cell: Cell, localDate: (ms: number) => string): string {
  if (cell === null) return '';
  switch (cell.kind) {
    case 'text':
      return csvField(neutraliseFormula(cell.value));
    case 'number':
      return String(cell.value);
    case 'percent':
      return `${Math.round(cell.value * 100)}%`;
    case 'date':
      return localDate(cell.value);
  }
}

/** The header line (with the byte-order mark) of a table. */
export function csvHeader<T>(columns: ReadonlyArray<Column<T>>): string {
  return `${BOM}${columns.map((c) => csvField(neutraliseFormula(c.header))).join(',')}\r\n`;
}

/** One row as a CSV line. */
export function csvRow<T>(columns: ReadonlyArray<Column<T>>, row: T, localDate: (ms: number) => string): string {
  return `${columns.map((c) => csvCell(c.cell(row), localDate)).join(',')}\r\n`;
}
