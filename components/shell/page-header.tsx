import type { ReactNode } from 'react';

type Props = { title: ReactNode; description?: ReactNode; actions?: ReactNode };

/** A page's title (its one `h1`), an optional line under it, and page-level actions on the right. */
export function PageHeader({ title, description, actions }: Props) {
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
      <div className="min-w-0 space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-3xl">{title}</h1>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

/** The padded column every tenant page renders into. */
export function PageBody({ children, wide }: { children: ReactNode; wide?: boolean }) {
  return (
    <main className={`mx-auto w-full space-y-8 px-4 py-6 sm:px-6 sm:py-8 ${wide ? 'max-w-6xl' : 'max-w-4xl'}`}>
      {children}
    </main>
  );
}
