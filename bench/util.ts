/** Timing helpers for benchmarks: median of repeated runs after a warm-up. */
export function medianMs(run: () => unknown, repeats = 15, warmup = 3): number {
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

export function fmt(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}

/** The process's CPU time (user and system) of one run of `run`, in ms. */
export function cpuMs(run: () => unknown): number {
  const c = process.cpuUsage();
  run();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
}

/** The median of `xs` (the upper of the two middle values when their number is even). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}
