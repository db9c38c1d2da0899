import type { RawRow } from '@/lib/model/types';

/** The first rows of an import, every column, scrolling sideways; long cells are cut with their full text in the title. */
export function PreviewTable({ columns, rows, caption }: { columns: readonly string[]; rows: readonly RawRow[]; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200" tabIndex={0} role="region" aria-label={caption}>
      <table className="min-w-full text-left text-xs" data-testid="preview-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col" className="border-b border-slate-200 px-2.5 py-1.5 font-semibold whitespace-nowrap text-slate-700">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} className="odd:bg-white even:bg-slate-50/60">
              {columns.map((c) => {
                const text = row[c] === null || row[c] === undefined ? '' : String(row[c]);
                return (
                  <td
                    key={c}
                    title={text.length > 24 ? text : undefined}
                    className="max-w-[12rem] truncate px-2.5 py-1 whitespace-nowrap text-slate-700 tabular-nums"
                  >
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
