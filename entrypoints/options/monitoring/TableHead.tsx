import type { ReactNode } from 'react';

/** A column heading: text columns read from the left, figures from the right (aligned with their digits). */
export interface Column {
  label?: ReactNode;
  align?: 'left' | 'right';
}

/** The one heading row of the monitoring cards' tables. The first column defaults to the left, the others to the right. */
export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead className="text-xs text-slate-500">
      <tr className="border-b border-slate-200">
        {columns.map((column, i) => (
          <th key={i} className={`px-2 py-1.5 font-medium ${(column.align ?? (i === 0 ? 'left' : 'right')) === 'left' ? 'text-left' : 'text-right'}`}>
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
