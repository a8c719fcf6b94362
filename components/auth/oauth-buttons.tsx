import { signInWithProvider } from './actions';

type Props = { next?: string; github: boolean; google: boolean };

/** One button per configured OAuth provider (server component: plain forms, no client JS). */
export function OAuthButtons({ next, github, google }: Props) {
  const providers = [
    github ? { id: 'github', label: 'GitHub' } : null,
    google ? { id: 'google', label: 'Google' } : null,
  ].filter((p): p is { id: string; label: string } => p !== null);
  if (providers.length === 0) return null;
  return (
    <div className="space-y-2 border-t pt-6">
      {providers.map((p) => (
        <form key={p.id} action={signInWithProvider}>
          <input type="hidden" name="provider" value={p.id} />
          {next ? <input type="hidden" name="next" value={next} /> : null}
          <button type="submit" className="w-full rounded border px-4 py-2">
            Continue with {p.label}
          </button>
        </form>
      ))}
    </div>
  );
}
