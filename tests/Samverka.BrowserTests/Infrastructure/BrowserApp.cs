using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;

namespace Samverka.BrowserTests.Infrastructure;

/// The real app on a real port (embedded SQLite with demo data, as a newcomer runs it) and Debian's Chromium.
public sealed class BrowserApp : IAsyncLifetime
{
    private sealed class Factory(string folder, string publicBaseUrl) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(folder, "samverka.db")}");
            builder.UseSetting("Email:PickupFolder", Path.Combine(folder, "mail"));
            builder.UseSetting("Register:IndexPath", Path.Combine(folder, "index"));
            builder.UseSetting("Jobs:PollInterval", "00:00:00.200");
            builder.UseSetting("Security:RequireHttps", "false");
            // Links in e-mail come from here only, so it must be the address the browser reaches the app at.
            builder.UseSetting("Samverka:PublicBaseUrl", publicBaseUrl);
            // Every journey comes from the same loopback address; the per-client limit on mail forms is not under test here.
            builder.UseSetting("RateLimits:PerClient", "100000");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "samverka-browser", Guid.NewGuid().ToString("N"));
    public string MailFolder => Path.Combine(Folder, "mail");
    public string BaseUrl { get; private set; } = "";
    public static string ScreenshotFolder { get; } = Path.Combine(FindRoot(), "TestResults", "screenshots");

    private Factory _factory = default!;
    private IPlaywright _playwright = default!;
    private IBrowser _browser = default!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        Directory.CreateDirectory(ScreenshotFolder);
        // A free port chosen before start, because the public base URL must be known when the app is configured.
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }
        BaseUrl = $"http://localhost:{port}";
        _factory = new Factory(Folder, BaseUrl);
        _factory.UseKestrel(port);
        _factory.StartServer();
        _playwright = await Playwright.CreateAsync();
        var executable = Environment.GetEnvironmentVariable("SAMVERKA_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
            throw new InvalidOperationException($"Chromium not found at {executable}. Run ./test.sh (it installs Debian's chromium) or set SAMVERKA_CHROMIUM.");
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync(string locale = "sv-SE", int width = 1280)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = locale, ViewportSize = new ViewportSize { Width = width, Height = 900 },
            JavaScriptEnabled = true,
        });
        return await context.NewPageAsync();
    }

    /// A browser context with scripts off: every flow must work without JavaScript.
    public async Task<IPage> NewPageWithoutJavaScriptAsync()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "sv-SE", JavaScriptEnabled = false });
        return await context.NewPageAsync();
    }

    /// Scans the page with axe-core for WCAG 2.1 A/AA and fails with a readable list of violations; saves a screenshot.
    public static async Task AssertAccessibleAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, Safe(name) + ".png"), FullPage = true });
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        if (result.Violations.Length == 0) return;
        var report = new StringBuilder($"{name} ({page.Url}) has {result.Violations.Length} accessibility violation(s):\n");
        foreach (var v in result.Violations)
        {
            report.AppendLine($"- {v.Id} ({v.Impact}): {v.Help}");
            foreach (var node in v.Nodes.Take(5)) report.AppendLine($"    {node.Html}");
        }
        Assert.Fail(report.ToString());
    }

    /// WCAG 2.1 reflow (1.4.10): at 320 CSS pixels wide the page itself must not scroll sideways. Wide tables may
    /// scroll inside their own container. Fails naming the elements that stick out; saves a screenshot.
    public static async Task<string?> ReflowProblemAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, Safe(name) + "-320px.png"), FullPage = true });
        return await page.EvaluateAsync<string?>(@"() => {
            const root = document.documentElement;
            if (root.scrollWidth <= root.clientWidth) return null;
            // The outermost elements that stick out, leaving out those a scroller or a clipped box holds (an
            // absolutely placed one may still escape them, and text may overflow its box; then none is named).
            const inScroller = el => { for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; } return false; };
            const wide = [...document.body.querySelectorAll('*')].filter(el => el.getBoundingClientRect().right > root.clientWidth + 1 && !inScroller(el))
                .filter((el, _, all) => !all.some(other => other !== el && other.contains(el)))
                .slice(0, 5).map(el => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '') + ' (' + Math.round(el.getBoundingClientRect().right) + 'px)');
            return 'page is ' + root.scrollWidth + 'px wide: ' + wide.join(', ');
        }");
    }

    /// Arranges data directly, for journeys that start from a state the UI would take many steps to reach.
    public async Task<T> WithDbAsync<T>(Func<Samverka.Platform.Data.AppDbContext, Task<T>> use)
    {
        using var scope = _factory.Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<Samverka.Platform.Data.AppDbContext>());
    }

    public async Task<MimeMessage> WaitForMailAsync(string to, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(MailFolder))
                foreach (var file in Directory.GetFiles(MailFolder, "*.eml").OrderBy(f => f))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address.Equals(to, StringComparison.OrdinalIgnoreCase))) return message;
                }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No e-mail to {to} within {seconds} s.");
    }

    public static string FirstLink(MimeMessage message, string containing) =>
        new Uri(System.Text.RegularExpressions.Regex.Matches(message.TextBody, @"https?://\S+").Select(m => m.Value).First(l => l.Contains(containing))).PathAndQuery;

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        _factory.Dispose();
        try { Directory.Delete(Folder, true); } catch (IOException) { }
    }

    /// A file name from a page name; long ones (addresses with many query values) are cut and told apart by a hash.
    private static string Safe(string name)
    {
        var safe = string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c == '-' ? c : '_'));
        if (safe.Length <= 120) return safe;
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)))[..10];
        return safe[..100] + "-" + hash + safe[^6..];
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Samverka.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? Path.GetTempPath();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp> { public const string Name = "browser"; }

public static class PageExtensions
{
    public const string DemoPassword = Samverka.Platform.Identity.DemoAccounts.Password;

    public static async Task SignInAsync(this IPage page, string email, string password = DemoPassword)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-postadress").FillAsync(email);
        await page.GetByLabel("Lösenord", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForURLAsync("**/account");
    }
}
