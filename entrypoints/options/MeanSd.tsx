import { formatDecimal } from '@/components/format';

/** "0.845 ± 0.012" with the spread de-emphasised; in a narrow tile the spread moves to its own line. */
export function MeanSd({ mean, sd, locale }: { mean: number; sd: number; locale: string }) {
  return (
    <span className="flex flex-wrap items-baseline gap-x-1.5">
      <span>{formatDecimal(mean, locale)}</span>
      {Number.isFinite(sd) && <span className="text-sm font-normal whitespace-nowrap text-slate-500">± {formatDecimal(sd, locale)}</span>}
    </span>
  );
}
