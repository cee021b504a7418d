using System.Diagnostics;
using Samverka.Features.Funding.ActivityGrant;

/// An attendance file of n rows (default 100 000; one row in a hundred bad), generated to disk, then read streamed and
/// computed: time, every bad row reported by line, and the process's peak working set.
internal static class ActivityBench
{
    public static void Run(int n)
    {
        var path = Path.Combine(BenchApp.NewFolder(), "attendance.csv");
        var badLines = new List<int>();
        using (var w = new StreamWriter(path))
        {
            w.WriteLine(string.Join(',', AttendanceCsv.Columns));
            var random = new Random(17);
            for (var i = 0; i < n; i++)
            {
                var org = $"8020{i / 12 % 200:000}-0001";
                var session = $"s{i / 12}";
                var date = new DateOnly(2026, 1, 1).AddDays(i / 12 % 180);
                var bad = i % 100 == 99;
                if (bad) badLines.Add(i + 2);
                w.WriteLine($"{org},{session},{(bad ? "2026-13-01" : date.ToString("yyyy-MM-dd"))},17:30,{(i / 12 % 9 == 0 ? 45 : 90)},P-{random.Next(5000):0000},{2000 + random.Next(20)},{(i % 12 == 0 ? "leader" : "participant")}");
            }
        }
        var rules = new ActivityGrantRules { PeriodFrom = new(2026, 1, 1), PeriodTo = new(2026, 6, 30), MaxParticipants = 10, RatePerSession = 100, RatePerParticipantSession = 12.5m };
        var sw = Stopwatch.StartNew();
        var problems = new List<AttendanceProblem>();
        using var file = File.OpenRead(path);
        var result = ActivityGrantCalculator.Compute(rules, AttendanceCsv.Read(file, problems.Add));
        sw.Stop();
        var allReported = problems.Select(p => p.Line).SequenceEqual(badLines);
        Console.WriteLine();
        Console.WriteLine($"activity grant: {n} rows ({new FileInfo(path).Length / 1024} KiB) read and computed in {sw.Elapsed.TotalMilliseconds:F0} ms");
        Console.WriteLine($"  bad rows reported: {problems.Count} (all by line: {allReported}); organisations {result.Organisations.Count}, counted sessions {result.Organisations.Sum(o => o.CountedSessions)}, participant-sessions {result.Organisations.Sum(o => o.CountedParticipantSessions)}, total {result.Total}");
        Console.WriteLine($"  peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB, allocated {GC.GetTotalAllocatedBytes() / 1048576} MiB");
    }
}
