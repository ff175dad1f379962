/**
 * Median wall time in ms of `fn`, after warm-up runs so the JIT has settled. Warm-up lasts at
 * least `warmup` runs and, when given, `warmupMs` milliseconds: code that runs once per call
 * (such as each lint rule's check) can take V8 a hundred calls or more to optimize.
 */
export function measure(
  fn: () => unknown,
  { warmup = 20, warmupMs = 0, runs = 60 }: { warmup?: number; warmupMs?: number; runs?: number } = {},
): number {
  const warmStart = performance.now();
  for (let i = 0; i < warmup || performance.now() - warmStart < warmupMs; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

export function printTable(title: string, rows: readonly (readonly [string, number])[]): void {
  console.log(title);
  const width = Math.max(...rows.map(([name]) => name.length));
  for (const [name, ms] of rows) console.log(`  ${name.padEnd(width)}  ${ms.toFixed(3).padStart(9)} ms`);
}
