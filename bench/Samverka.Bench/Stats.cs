/// Percentiles of measured times, nearest-rank, the same in every benchmark.
internal static class Stats
{
    public static double P(IReadOnlyCollection<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
