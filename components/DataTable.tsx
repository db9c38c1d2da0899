import type { ReactNode } from 'react';

interface DataColumn {
  /** Stable React key; defaults to the label when it is a string. */
  key?: string;
  label: ReactNode;
  /** Numbers align right; text (the default) left. */
  align?: 'left' | 'right';
}

export interface DataTableProps {
  /** Screen-reader name of the table (a visually hidden caption). */
  caption: string;
  columns: readonly DataColumn[];
  /** The body rows (`<tr>`s), and an optional `<tfoot>` after them. */
  children: ReactNode;
  footer?: ReactNode;
  testId?: string;
  /** Extra classes on the <table>, e.g. tabular-nums for a numeric table. */
  className?: string;
}

/**
 * The console's data table: a horizontally scrollable table with a hidden
 * caption and a light header row. Rows style themselves with `dataRowClass`
 * and the cell classes below, so every table in the console reads the same.
 */
export function DataTable({ caption, columns, children, footer, testId, className = '' }: DataTableProps) {
  return (
    <div className="overflow-x-auto">
      <table className={`w-full text-sm ${className}`} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-xs text-slate-500">
            {columns.map((column, index) => (
              <th
                key={column.key ?? (typeof column.label === 'string' ? column.label : index)}
                scope="col"
                className={`py-2 font-medium ${index < columns.length - 1 ? 'pr-3' : ''} ${column.align === 'right' ? 'text-right' : 'text-left'}`}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {footer}
      </table>
    </div>
  );
}

/** A body row: a hairline between rows, none under the last. */
export const dataRowClass = 'border-b border-slate-100 last:border-b-0';
