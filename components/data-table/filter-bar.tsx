import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

export type FilterField =
  | { key: string; label: string; type: "text"; placeholder?: string; suggestions?: string[] }
  | { key: string; label: string; type: "select"; options: { value: string; label: string }[] }
  | { key: string; label: string; type: "datetime" }
  | { key: string; label: string; type: "date" };

type Props = {
  fields: FilterField[];
  /** The current filters, written by the table's serializer (`formValues(serialize…(filters))`). */
  values: Record<string, string | undefined>;
  /** URL keys kept when filters change (sort, size, visible columns), written the same way. Page always resets. */
  keep: Record<string, string | undefined>;
  resetHref: string;
};

/**
 * Filters as a plain GET form: the URL is the state, it works without JavaScript, and Back/Forward behave. The
 * browser writes the query and the page's loader parses it, so the form needs no script of its own; an empty
 * field arrives as `key=` and parses to "no filter".
 */
export function FilterBar({ fields, values, keep, resetHref }: Props) {
  return (
    <form method="get" role="search" aria-label="Filters" className="mb-4 flex flex-wrap items-end gap-3">
      {Object.entries(keep).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      {fields.map((f) => (
        <div key={f.key} className="flex min-w-40 flex-col gap-1 text-xs font-medium text-slate-700">
          <label htmlFor={`filter-${f.key}`}>{f.label}</label>
          {f.type === "select" ? (
            <select id={`filter-${f.key}`} name={f.key} defaultValue={values[f.key] ?? ""} className={inputClass}>
              <option value="">Any</option>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : f.type === "datetime" || f.type === "date" ? (
            <input
              id={`filter-${f.key}`}
              type={f.type === "date" ? "date" : "datetime-local"}
              name={f.key}
              defaultValue={values[f.key] ?? ""}
              className={inputClass}
            />
          ) : (
            <>
              <input
                id={`filter-${f.key}`}
                type="text"
                name={f.key}
                defaultValue={values[f.key] ?? ""}
                placeholder={f.placeholder}
                list={f.suggestions ? `${f.key}-suggestions` : undefined}
                className={inputClass}
              />
              {f.suggestions ? (
                <datalist id={`${f.key}-suggestions`}>
                  {f.suggestions.map((s) => (
                    <option key={s} value={s} />
                  ))}
                </datalist>
              ) : null}
            </>
          )}
        </div>
      ))}
      <button type="submit" className={buttonClass("primary")}>
        Apply filters
      </button>
      <Link href={resetHref} className={buttonClass("ghost")}>
        Reset
      </Link>
    </form>
  );
}
