// Human formats for the CLI: sizes in MB (10^6 bytes, as the store charges), durations, tables.

export function formatMb(bytes: number): string {
  const mb = bytes / 1_000_000;
  return `${mb >= 100 ? mb.toFixed(0) : mb.toFixed(1)} MB`;
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '--:--';
  return formatDuration(seconds * 1000);
}

export function formatRate(bytesPerSecond: number): string {
  if (bytesPerSecond < 1_000_000) return `${Math.round(bytesPerSecond / 1000)} kB/s`;
  return `${(bytesPerSecond / 1_000_000).toFixed(1)} MB/s`;
}

/** Left-aligned text columns, right-aligned numbers. */
export function table(rows: string[][], rightAligned: number[] = []): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, i) => (rightAligned.includes(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
