import * as hdr from 'hdr-histogram-js';

/**
 * Latencies of one side of a benchmark, in an HdrHistogram (3 significant digits, microsecond
 * resolution): percentiles are exact to 0.1 % whatever the count, and histograms add up
 * across rounds without keeping every sample.
 */
export class Latencies {
  private readonly h = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 10 * 60 * 1e6, // ten minutes, in µs
    numberOfSignificantValueDigits: 3,
    autoResize: true,
  });

  record(ms: number): void {
    this.h.recordValue(Math.max(1, Math.round(ms * 1000)));
  }

  add(other: Latencies): void {
    this.h.add(other.h);
  }

  get count(): number {
    return this.h.totalCount;
  }

  /** The latency (ms) at or below which `p` % of the samples fall. */
  at(p: number): number {
    return this.count ? this.h.getValueAtPercentile(p) / 1000 : NaN;
  }

  get mean(): number {
    return this.count ? this.h.mean / 1000 : NaN;
  }

  get max(): number {
    return this.count ? this.h.maxValue / 1000 : NaN;
  }
}
