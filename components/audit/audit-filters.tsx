import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { Select } from '@/components/ui/select';

type Props = {
  /** The audit page's own path: the filters are a GET form, so a filtered view is a link. */
  action: string;
  who: string;
  selectedAction: string;
  people: { id: string; label: string }[];
  actions: { value: string; label: string }[];
};

/** Filter the log by person and by action (query string `who`, `action`); works without JavaScript. */
export function AuditFilters({ action, who, selectedAction, people, actions }: Props) {
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3" data-testid="audit-filters">
      <div className="grid min-w-0 flex-1 gap-1.5 sm:max-w-64">
        <Label htmlFor="audit-who">Person</Label>
        <Select id="audit-who" name="who" defaultValue={who}>
          <option value="">Everyone</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </Select>
      </div>
      <div className="grid min-w-0 flex-1 gap-1.5 sm:max-w-64">
        <Label htmlFor="audit-action">Action</Label>
        <Select id="audit-action" name="action" defaultValue={selectedAction}>
          <option value="">All actions</option>
          {actions.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="outline">
          Filter
        </Button>
        {who || selectedAction ? (
          <Button asChild variant="ghost">
            <Link href={action}>Clear</Link>
          </Button>
        ) : null}
      </div>
    </form>
  );
}
