"use client";

type Column = { id: string; label: string; visible: boolean };

/** Which columns show; the choice lives in the URL (`cols`) like the rest of the view. */
export function ColumnPicker({ columns, onChange }: { columns: Column[]; onChange: (visibleIds: string[]) => void }) {
  const toggle = (id: string) => {
    const next = columns.filter((c) => (c.id === id ? !c.visible : c.visible)).map((c) => c.id);
    if (next.length > 0) onChange(next);
  };
  return (
    <details className="relative">
      <summary className="cursor-pointer rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50">
        Columns
      </summary>
      {/* Uncontrolled so a click shows at once; re-keyed so the URL's state wins once navigation lands. */}
      <fieldset
        key={columns.map((c) => (c.visible ? "1" : "0")).join("")}
        className="absolute right-0 z-10 mt-1 w-48 space-y-1 rounded-md border border-slate-200 bg-white p-2 shadow-lg"
      >
        <legend className="sr-only">Visible columns</legend>
        {columns.map((c) => (
          <label key={c.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" defaultChecked={c.visible} onChange={() => toggle(c.id)} />
            {c.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
