/**
 * The one row shape every bench reports in, and the `--json` / `--quick` conventions:
 * with `--json` a bench's LAST stdout line is `{"rows":[...]}` (bench/all.ts parses it); its
 * progress goes to stderr. Ratios are the result; absolute numbers are context only.
 */
export type BenchRow = {
  section: string;
  measurement: string;
  ratio: number | null;
  /** e.g. '≥ 0.85'; '' when the row is context for another row. */
  target: string;
  /** Absolute figures from the same run, for scale only. */
  context: string;
  /** Whether `ratio` meets `target`; null without a target. */
  ok: boolean | null;
};

export const flags = { json: process.argv.includes('--json'), quick: process.argv.includes('--quick') };

/** Progress output: stderr, so stdout stays one JSON line in --json mode. */
export const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

export function atLeast(ratio: number | null, min: number): boolean | null {
  return ratio === null || Number.isNaN(ratio) ? null : ratio >= min;
}

export function formatTable(rows: BenchRow[]): string {
  const cells = rows.map((r) => [
    r.section,
    r.measurement,
    r.ratio === null ? '' : `${r.ratio.toFixed(2)}x`,
    r.target ? `${r.target}${r.ok === null ? '' : r.ok ? ' ok' : ' MISS'}` : '',
    r.context,
  ]);
  const head = ['section', 'measurement', 'ratio', 'target', 'context'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => (i === 2 ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** Prints the bench's rows: a table for people, plus the JSON line with --json. */
export function emit(rows: BenchRow[]): void {
  if (flags.json) {
    log(formatTable(rows));
    process.stdout.write(`${JSON.stringify({ rows })}\n`);
  } else console.log(formatTable(rows));
}
