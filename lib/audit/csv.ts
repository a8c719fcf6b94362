/**
 * CSV for audit exports (RFC 4180: quoted fields, doubled quotes, CRLF). A cell that a spreadsheet
 * would run as a formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe, so an
 * attacker-chosen value (an item name in the audit data) cannot become a formula in an owner's sheet.
 * Tests: tests/platform/audit.test.ts.
 */
export function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined
      ? ''
      : value instanceof Date
        ? value.toISOString()
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** A CSV body streamed from pages of rows: header first, then each page as it arrives. */
export function csvStream<T>(
  header: readonly string[],
  pages: AsyncIterable<T[]>,
  toRow: (row: T) => readonly unknown[],
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvLine(header)));
        return;
      }
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value.map((row) => csvLine(toRow(row))).join('')));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
