import { LocalTime } from '@/components/ui/local-time';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';

export type AuditRow = { id: string; at: string; who: string; what: string; ip: string };

/**
 * The log as a table from `md` up and as cards below it, so a phone never scrolls sideways.
 * Times are the reader's local time with the zone named (LocalTime).
 */
export function AuditEntries({ entries }: { entries: AuditRow[] }) {
  if (entries.length === 0) return <p className="text-sm text-muted-foreground">Nothing recorded yet.</p>;
  return (
    <>
      <ul className="grid gap-3 md:hidden" data-testid="audit-cards">
        {entries.map((entry) => (
          <li key={entry.id} className="space-y-1 rounded-lg border border-border p-3 text-sm">
            <p className="break-words">
              <span className="font-medium">{entry.who}</span> {entry.what}
            </p>
            <p className="text-xs text-muted-foreground">
              <LocalTime value={entry.at} /> · from {entry.ip}
            </p>
          </li>
        ))}
      </ul>
      <div className="hidden md:block">
        <Table data-testid="audit-log">
          <TableHeader>
            <TableRow>
              <TableHead>When</TableHead>
              <TableHead>Who</TableHead>
              <TableHead>What</TableHead>
              <TableHead>From</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {entries.map((entry) => (
              <TableRow key={entry.id} data-testid="audit-entry">
                <TableCell className="whitespace-nowrap text-muted-foreground">
                  <LocalTime value={entry.at} />
                </TableCell>
                <TableCell className="font-medium">{entry.who}</TableCell>
                <TableCell className="break-words">{entry.what}</TableCell>
                <TableCell className="text-muted-foreground">{entry.ip}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}
