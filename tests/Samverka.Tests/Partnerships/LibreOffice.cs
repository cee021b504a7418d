using System.Diagnostics;

namespace Samverka.Tests.Partnerships;

/// Converts a .docx to PDF with headless LibreOffice: an independent reader of the file, so a document that only
/// our own code can open does not pass. LibreOffice is required, not optional: test.sh installs it.
internal static class LibreOffice
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static async Task<byte[]> ConvertToPdfAsync(byte[] docx)
    {
        var binary = Find() ?? throw new InvalidOperationException(
            "LibreOffice is not installed (neither 'libreoffice' nor 'soffice' on PATH or in /usr/bin). " +
            "test.sh installs it (Debian package libreoffice-writer-nogui); or run: apt-get install -y --no-install-recommends libreoffice-writer-nogui");
        var folder = Directory.CreateTempSubdirectory("samverka-lo").FullName;
        try
        {
            var input = Path.Combine(folder, "document.docx");
            var output = Path.Combine(folder, "out");
            await File.WriteAllBytesAsync(input, docx);
            // A profile of its own per run: LibreOffice locks its user profile, so parallel conversions sharing
            // one would fail or hand the document to the other instance.
            var profile = new Uri(Path.Combine(folder, "profile")).AbsoluteUri;
            var start = new ProcessStartInfo(binary,
                [$"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", output, input])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder,
            };
            start.Environment["HOME"] = folder;
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"LibreOffice did not convert within {Timeout.TotalSeconds} s");
            }
            var log = await stdout + await stderr;
            if (process.ExitCode != 0) throw new InvalidOperationException($"LibreOffice exited with {process.ExitCode}: {log}");
            var pdf = Path.Combine(output, "document.pdf");
            if (!File.Exists(pdf)) throw new InvalidOperationException($"LibreOffice wrote no PDF: {log}");
            return await File.ReadAllBytesAsync(pdf);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } // a leftover temp folder is harmless
        }
    }

    private static string? Find()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return new[] { "libreoffice", "soffice" }
            .SelectMany(name => path.Append("/usr/bin").Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }
}
