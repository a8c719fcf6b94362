import { Skeleton } from '@/components/ui/skeleton';

type Props = { rows?: number; form?: boolean };

/** What a tenant page looks like while it loads (its loading.tsx): a title, then rows; announced once. */
export function PageSkeleton({ rows = 4, form }: Props) {
  return (
    <main className="mx-auto w-full max-w-4xl space-y-8 px-4 py-6 sm:px-6 sm:py-8" aria-busy="true">
      <p className="sr-only" role="status">
        Loading…
      </p>
      <div className="space-y-2">
        <Skeleton className="h-8 w-56 max-w-full" />
        <Skeleton className="h-4 w-80 max-w-full" />
      </div>
      {form ? (
        <div className="space-y-3 rounded-xl border border-border p-6">
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-9 w-full" />
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-9 w-full" />
        </div>
      ) : null}
      <div className="space-y-3">
        {Array.from({ length: rows }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <Skeleton key={i} className="h-12 w-full" />
        ))}
      </div>
    </main>
  );
}
