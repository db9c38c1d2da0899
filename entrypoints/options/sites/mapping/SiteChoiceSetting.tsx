import { useEffect, useId, useState, type ReactNode } from 'react';
import type { PerSiteItem } from '@/lib/mapping/per-site';
import { withSiteValue } from '@/lib/mapping/per-site';
import { Select } from '@/entrypoints/options/ui';

/** A per-site item the options page also writes. */
export interface WritablePerSiteItem<T> extends PerSiteItem<T> {
  setValue(value: Record<string, T>): Promise<void>;
}

interface SiteChoiceSettingProps<T extends string> {
  site: string;
  item: WritablePerSiteItem<T>;
  label: string;
  /** The first option: nothing stored for the site (the product decides). */
  automatic: string;
  choices: readonly { value: T; label: string }[];
  /** Under the select; given the current choice ('' = automatic). */
  hint: (value: T | '') => ReactNode;
  testId?: string;
}

/**
 * One per-site choice of the mapping (join customers by, date order): a
 * select over the site's entry in its storage item, followed live (another
 * options tab, a policy, an import); open pages follow the item themselves
 * (lib/content/site-setting.ts).
 */
export function SiteChoiceSetting<T extends string>({ site, item, label, automatic, choices, hint, testId }: SiteChoiceSettingProps<T>) {
  const [value, setValue] = useState<T | ''>('');
  const id = useId();
  useEffect(() => {
    let live = true;
    void item.getValue().then((all) => live && setValue(all?.[site] ?? ''));
    const unwatch = item.watch((all) => setValue(all?.[site] ?? ''));
    return () => {
      live = false;
      unwatch();
    };
  }, [site, item]);

  const change = async (next: T | '') => {
    setValue(next);
    await item.setValue(withSiteValue(await item.getValue(), site, next === '' ? undefined : next));
  };

  return (
    <div className="flex flex-col gap-1" data-testid={testId}>
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      <Select id={id} value={value} onChange={(event) => void change(event.target.value as T | '')}>
        <option value="">{automatic}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </Select>
      <p className="max-w-xs text-xs text-slate-500">{hint(value)}</p>
    </div>
  );
}
