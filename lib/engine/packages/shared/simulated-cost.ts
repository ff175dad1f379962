import type { CommandContext } from '@/lib/shell';

/**
 * The simulated clock every package command charges (DESIGN.md §1.2): downloads cost their bytes
 * over a bandwidth, unpacking and compiling cost seconds from the catalog. Nothing waits; the
 * seconds are added to the RUN step through `ctx.addSimulatedSeconds`.
 */

/** Bytes per second when nothing says otherwise: the build clock's own default (execute-stage.ts). */
export const DEFAULT_BANDWIDTH = 20e6;

/**
 * A RUN can set its own bandwidth (`ENV LAYERLAB_BANDWIDTH=5000000`), so a lesson can show how a
 * slow network changes which step dominates; it wins over the build's configured bandwidth.
 */
export const BANDWIDTH_ENV = 'LAYERLAB_BANDWIDTH';

export interface SimulatedCost {
  readonly bandwidth: number;
  /** Charges `bytes` over the bandwidth; returns the seconds charged. */
  download(bytes: number): number;
  /** Charges install, unpack or compile work measured in seconds. */
  work(seconds: number): number;
  /** Everything charged through this object so far. */
  readonly total: number;
}

export function bandwidthFor(env: Readonly<Record<string, string>>, fallback = DEFAULT_BANDWIDTH): number {
  const raw = env[BANDWIDTH_ENV];
  const value = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export function simulatedCost(ctx: Pick<CommandContext, 'env' | 'addSimulatedSeconds'>, fallbackBandwidth = DEFAULT_BANDWIDTH): SimulatedCost {
  const bandwidth = bandwidthFor(ctx.env, fallbackBandwidth);
  let total = 0;
  const charge = (seconds: number): number => {
    const s = Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
    total += s;
    if (s > 0) ctx.addSimulatedSeconds(s);
    return s;
  };
  return {
    bandwidth,
    download: (bytes) => charge(bytes / bandwidth),
    work: (seconds) => charge(seconds),
    get total() {
      return total;
    },
  };
}
