using System.Diagnostics;
using System.Text.Json;

namespace Samverka.Tests.Infrastructure;

/// Reads PDFs with tools that are not ours: pdftotext (poppler-utils) for the text, pdfinfo for what a viewer
/// reports, qpdf for the file's structure and objects. Each is required, not optional: test.sh installs them, and a
/// missing one fails the test saying so.
public static class PdfTools
{
    public static Task<string> TextAsync(byte[] pdf) => RunAsync("pdftotext", "poppler-utils", pdf, file => [file, "-"]);

    public static Task<string> InfoAsync(byte[] pdf) => RunAsync("pdfinfo", "poppler-utils", pdf, file => [file]);

    /// qpdf --check: the cross-reference table, every object and every content stream parse.
    public static Task<string> CheckAsync(byte[] pdf) => RunAsync("qpdf", "qpdf", pdf, file => ["--check", file]);

    /// Every object of the file as qpdf's JSON (version 2): what a PDF reader would find, not what our writer meant.
    public static async Task<JsonDocument> ObjectsAsync(byte[] pdf) =>
        JsonDocument.Parse(await RunAsync("qpdf", "qpdf", pdf, file => ["--json=2", "--json-key=qpdf", file]));

    private static async Task<string> RunAsync(string tool, string package, byte[] pdf, Func<string, string[]> arguments)
    {
        var binary = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"{tool} is not installed (not on PATH nor in /usr/bin). test.sh installs it (Debian package {package}); " +
                $"or run: apt-get install -y --no-install-recommends {package}");
        var folder = Directory.CreateTempSubdirectory("samverka-pdf").FullName;
        try
        {
            var file = Path.Combine(folder, "a.pdf");
            await File.WriteAllBytesAsync(file, pdf);
            using var process = Process.Start(new ProcessStartInfo(binary, arguments(file)) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var text = await stdout;
            // qpdf exits with 3 for warnings: a warning is a defect here too.
            if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {await stderr}\n{text}");
            return text;
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
