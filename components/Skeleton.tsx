export interface SkeletonProps {
  /** Size it with fixed-height classes (e.g. "h-4 w-2/3") so the page does not jump when data arrives. */
  className?: string;
}

/** A grey placeholder block shown while loading; hidden from screen readers. */
export function Skeleton({ className = 'h-4 w-full' }: SkeletonProps) {
  return <div aria-hidden="true" className={`animate-pulse rounded bg-slate-200 motion-reduce:animate-none ${className}`} />;
}
