using System.Collections.Concurrent;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using Samverka.Platform.Jobs;

namespace Samverka.BrowserTests.Infrastructure;

/// The real app on a real port (embedded SQLite with demo data, as a newcomer runs it) and Debian's Chromium.
/// One per test class (see BrowserTest): each class has its own database, mail folder and search index, so no test
/// sees what another class left behind, and classes run side by side. Chromium is shared (SharedChromium).
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

    static BrowserApp()
    {
        // A loaded CI machine can take more than Playwright's default 5 s to render a page; a longer limit costs a
        // passing test nothing, and the assertions still wait on the page itself, never on a clock.
        Assertions.SetDefaultExpectTimeout(20_000);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "samverka-browser", Guid.NewGuid().ToString("N"));
    public string MailFolder => Path.Combine(Folder, "mail");
    public string BaseUrl { get; private set; } = "";
    public static string ScreenshotFolder { get; } = Path.Combine(FindRoot(), "TestResults", "screenshots");

    private Factory _factory = default!;
    private IBrowser _browser = default!;
    private readonly List<IBrowserContext> _testContexts = [];
    private readonly Dictionary<string, IPage> _shared = [];

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
        await SettleRecurringJobsAsync();
        _browser = await SharedChromium.AcquireAsync();
    }

    /// The recurring jobs (freshness sweep, reminders, digest) first run minutes after start, which would change the
    /// pages in the middle of a class that runs longer than that. Run them now, and wait until the queue has done
    /// them and the mail they sent, so every class starts from the state a running instance settles into.
    private async Task SettleRecurringJobsAsync()
    {
        var recurring = _factory.Services.GetServices<RecurringSchedule>().Select(s => s.Type).ToList();
        var clock = _factory.Services.GetRequiredService<TimeProvider>();
        await WithDbAsync(db => db.Jobs.Where(j => recurring.Contains(j.Type) && j.Status == JobStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.RunAfter, clock.GetUtcNow().UtcDateTime)));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var busy = await WithDbAsync(db => db.Jobs.AnyAsync(j => j.Status == JobStatus.Running
                || (j.Status == JobStatus.Pending && j.RunAfter <= now)));
            if (!busy) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The recurring jobs did not finish within 60 s of start.");
            await Task.Delay(100);
        }
    }

    /// A fresh browser context and page for this test; closed when the test ends (BrowserTest).
    public async Task<IPage> NewPageAsync(string locale = "sv-SE", int width = 1280)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = locale, ViewportSize = new ViewportSize { Width = width, Height = 900 },
            JavaScriptEnabled = true,
        });
        ConsoleErrors.Watch(context);
        lock (_testContexts) _testContexts.Add(context);
        return await context.NewPageAsync();
    }

    /// A browser context with scripts off: every flow must work without JavaScript.
    public async Task<IPage> NewPageWithoutJavaScriptAsync()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "sv-SE", JavaScriptEnabled = false });
        ConsoleErrors.Watch(context);
        WithoutScripts.TryAdd(context, 0);
        lock (_testContexts) _testContexts.Add(context);
        return await context.NewPageAsync();
    }

    /// One page per person (null: not signed in) for the whole class, signed in once: for tests that only look at
    /// pages. Tests in a class run one at a time, so they take turns with it; each sets the address it wants.
    public async Task<IPage> SharedPageAsync(string? email = null)
    {
        var key = email ?? "";
        if (_shared.TryGetValue(key, out var page)) return page;
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = "sv-SE", ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        ConsoleErrors.Watch(context);
        page = await context.NewPageAsync();
        if (email is not null) await page.SignInAsync(email);
        _shared[key] = page;
        return page;
    }

    /// Closes the contexts the finished test opened; shared pages stay for the class. Then fails the test if any
    /// page it reached, in its own contexts or the shared ones, logged a console error or threw a script error.
    public async Task CloseTestContextsAsync()
    {
        List<IBrowserContext> contexts;
        lock (_testContexts) { contexts = [.. _testContexts]; _testContexts.Clear(); }
        foreach (var context in contexts) await context.CloseAsync();
        ConsoleErrors.AssertNone([.. contexts, .. _shared.Values.Select(p => p.Context)]);
    }

    private static readonly ConcurrentDictionary<string, byte> Screenshots = new();

    /// A full-page screenshot for people to look at, once per name (a page in a language, or a journey's step).
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (!Screenshots.TryAdd(name, 0)) return;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, Safe(name) + ".png"), FullPage = true });
    }

    /// Contexts with scripts off (NewPageWithoutJavaScriptAsync): axe cannot run in them (see ScanAsync).
    private static readonly ConcurrentDictionary<IBrowserContext, byte> WithoutScripts = new();

    /// Scans the page with axe-core for WCAG 2.1 A/AA and fails with a readable list of violations; saves a screenshot.
    public static async Task AssertAccessibleAsync(IPage page, string name)
    {
        // A scan that starts while a navigation is still loading would look at half a page.
        await page.WaitForLoadStateAsync(LoadState.Load);
        ConsoleErrors.AssertNone([page.Context]);
        await ScreenshotAsync(page, name);
        var options = new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        };
        var result = WithoutScripts.ContainsKey(page.Context) ? await ScanWithoutScriptsAsync(page, options) : await page.RunAxe(options);
        if (result.Violations.Length == 0) return;
        var report = new StringBuilder($"{name} ({page.Url}) has {result.Violations.Length} accessibility violation(s):\n");
        foreach (var v in result.Violations)
        {
            report.AppendLine($"- {v.Id} ({v.Impact}): {v.Help}");
            foreach (var node in v.Nodes.Take(5)) report.AppendLine($"    {node.Html}");
        }
        Assert.Fail(report.ToString());
    }

    /// axe-core waits on timers, and a page with scripts off runs none: its scan never returns. So the page as the
    /// person without scripts sees it (its DOM, with the content of noscript elements and without script elements)
    /// is served at the same address to a fresh context where axe can run, with the same viewport and the app's own
    /// stylesheets. Nothing of the page's own script runs there, so the scan sees exactly the no-JavaScript page.
    private static async Task<AxeResult> ScanWithoutScriptsAsync(IPage page, AxeRunOptions options)
    {
        var html = await page.ContentAsync();
        html = System.Text.RegularExpressions.Regex.Replace(html, @"<script\b[^>]*>[\s\S]*?</script>", "", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        html = System.Text.RegularExpressions.Regex.Replace(html, @"</?noscript\b[^>]*>", "", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        var viewport = page.ViewportSize ?? new PageViewportSizeResult { Width = 1280, Height = 720 };
        var scan = await page.Context.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height }, JavaScriptEnabled = true,
        });
        try
        {
            var copy = await scan.NewPageAsync();
            var address = page.Url;
            await copy.RouteAsync(url => url == address, route => route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200, ContentType = "text/html; charset=utf-8", Body = html,
            }));
            await copy.GotoAsync(address);
            return await copy.RunAxe(options);
        }
        finally
        {
            await scan.CloseAsync();
        }
    }

    /// WCAG 2.1 reflow (1.4.10): at 320 CSS pixels wide the page itself must not scroll sideways. Wide tables may
    /// scroll inside their own container. The loaded page is narrowed (layout is CSS only; no script reacts to the
    /// width) and widened again afterwards. Returns the elements that stick out, with a screenshot of them, or null.
    public static async Task<string?> ReflowProblemAsync(IPage page, string name)
    {
        var (width, height) = (page.ViewportSize?.Width ?? 1280, page.ViewportSize?.Height ?? 900);
        await page.SetViewportSizeAsync(320, height);
        try
        {
            var problem = await page.EvaluateAsync<string?>(@"() => {
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
            if (problem is not null) await ScreenshotAsync(page, name + "-320px");
            return problem;
        }
        finally
        {
            await page.SetViewportSizeAsync(width, height);
        }
    }

    /// Arranges data directly, for journeys that start from a state the UI would take many steps to reach.
    public async Task<T> WithDbAsync<T>(Func<Samverka.Platform.Data.AppDbContext, Task<T>> use)
    {
        using var scope = _factory.Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<Samverka.Platform.Data.AppDbContext>());
    }

    /// Waits for the job runner to deliver a message to the pickup folder (polls the folder itself, with a deadline).
    public async Task<MimeMessage> WaitForMailAsync(string to, int seconds = 30)
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
        await CloseTestContextsAsync();
        foreach (var page in _shared.Values) await page.Context.CloseAsync();
        await SharedChromium.ReleaseAsync();
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

/// Zero console errors on every page the suite reaches: each context the suite opens is watched for console
/// messages of type error and for uncaught script errors, and a test fails with them (AssertAccessibleAsync checks
/// on every page it scans, the end of each test checks everything the test reached). A 4xx/5xx answer to the
/// document itself is not counted: Chromium logs it, but a test that asks for a refused or missing page checks
/// that status on purpose (GotoOkAsync). Every other failed load (an icon, a stylesheet, a script) counts.
public static class ConsoleErrors
{
    private static readonly ConcurrentDictionary<IBrowserContext, ConcurrentQueue<string>> Seen = new();

    public static void Watch(IBrowserContext context)
    {
        var errors = Seen.GetOrAdd(context, _ => new ConcurrentQueue<string>());
        context.Console += (_, message) =>
        {
            if (message.Type != "error" || IsTheDocumentsOwnStatus(message)) return;
            errors.Enqueue($"console error on {message.Page?.Url}: {message.Text} ({message.Location})");
        };
        context.WebError += (_, error) => errors.Enqueue($"script error on {error.Page?.Url}: {error.Error}");
    }

    /// Chromium's "Failed to load resource" names the resource it failed to load as the message's location.
    private static bool IsTheDocumentsOwnStatus(IConsoleMessage message) =>
        message.Text.StartsWith("Failed to load resource: the server responded with a status of", StringComparison.Ordinal)
        && message.Page is { } page && Strip(message.Location) == Strip(page.Url);

    private static string Strip(string location)
    {
        // Location reads "url:line:column"; compare the address alone, without a fragment.
        var address = System.Text.RegularExpressions.Regex.Replace(location, @":\d+:\d+$", "");
        var hash = address.IndexOf('#');
        return hash >= 0 ? address[..hash] : address;
    }

    /// Fails with every error seen so far in these contexts, and forgets them (so one error fails one test).
    public static void AssertNone(IEnumerable<IBrowserContext> contexts)
    {
        var found = new List<string>();
        foreach (var context in contexts.Distinct())
            if (Seen.TryGetValue(context, out var errors))
                while (errors.TryDequeue(out var error)) found.Add(error);
        if (found.Count > 0) Assert.Fail($"{found.Count} console error(s):\n" + string.Join("\n", found));
    }
}

/// One Chromium for the whole run: launching one costs a second or more, a context a few milliseconds. Counted, so
/// the last class to finish closes it.
internal static class SharedChromium
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;
    private static int _users;

    public static async Task<IBrowser> AcquireAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_browser is null)
            {
                var executable = Environment.GetEnvironmentVariable("SAMVERKA_CHROMIUM") ?? "/usr/bin/chromium";
                if (!File.Exists(executable))
                    throw new InvalidOperationException($"Chromium not found at {executable}. Run ./test.sh (it installs Debian's chromium) or set SAMVERKA_CHROMIUM.");
                _playwright = await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = executable,
                    Headless = true,
                    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--disable-quic"],
                });
            }
            _users++;
            return _browser;
        }
        finally { Gate.Release(); }
    }

    public static async Task ReleaseAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (--_users > 0 || _browser is null) return;
            await _browser.DisposeAsync();
            _playwright?.Dispose();
            _browser = null;
            _playwright = null;
        }
        finally { Gate.Release(); }
    }
}

/// The base of every browser test class: its own app (a class fixture), and the contexts a test opened closed when
/// it ends, so pages do not pile up in Chromium over the run.
public abstract class BrowserTest(BrowserApp app) : IClassFixture<BrowserApp>, IAsyncLifetime
{
    protected BrowserApp App { get; } = app;
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => App.CloseTestContextsAsync();
}

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

    /// Goes to an address and checks the answer's status, so an error page cannot pass a check meant for the page.
    public static async Task<IResponse> GotoOkAsync(this IPage page, string url, int status = 200)
    {
        var response = await page.GotoAsync(url) ?? throw new InvalidOperationException($"No response for {url}.");
        Assert.True(response.Status == status, $"{url} answered {response.Status}, expected {status}.");
        return response;
    }
}
