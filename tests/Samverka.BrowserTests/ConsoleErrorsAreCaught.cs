using Microsoft.Playwright;
using Samverka.BrowserTests.Infrastructure;
using Xunit.Sdk;

namespace Samverka.BrowserTests;

/// The test of the test: the watch that fails every browser test on a console error (or a script error) does see them, and does not
/// count the status of a page a test asked for on purpose.
public sealed class ConsoleErrorsAreCaught(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_console_error_and_a_script_error_are_caught_but_a_refused_page_is_not()
    {
        var page = await App.NewPageAsync();
        await page.GotoOkAsync("/");
        ConsoleErrors.AssertNone([page.Context]);

        // A missing page asked for on purpose is the test's own check, not an error of the page.
        await page.GotoOkAsync("/no-such-page", 404);
        await page.WaitForLoadStateAsync(LoadState.Load);
        ConsoleErrors.AssertNone([page.Context]);

        await page.GotoOkAsync("/");
        await page.RunAndWaitForConsoleMessageAsync(() => page.EvaluateAsync("() => console.error('planted console error')"));
        var thrown = new TaskCompletionSource();
        page.Context.WebError += (_, _) => thrown.TrySetResult();
        await page.EvaluateAsync("() => { setTimeout(() => { throw new Error('planted script error'); }, 0); }");
        await thrown.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var failure = Assert.Throws<FailException>(() => ConsoleErrors.AssertNone([page.Context]));
        Assert.Contains("planted console error", failure.Message);
        Assert.Contains("planted script error", failure.Message);
        // Reported once: the next check starts clean.
        ConsoleErrors.AssertNone([page.Context]);
    }
}
