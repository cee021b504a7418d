using Microsoft.Playwright;
using Samverka.BrowserTests.Infrastructure;

namespace Samverka.BrowserTests;

/// A link in the error summary leads to the field with its label and hint in view, not scrolled off above it
/// (with JavaScript the field is also focused; without it the browser follows the link on its own).
public sealed class VisitorFollowsAnErrorLink(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task With_javascript_the_field_is_focused_with_its_label_and_hint_in_view() =>
        await FollowAsync(await App.NewPageAsync(), focused: true);

    [Fact]
    public async Task Without_javascript_the_label_and_hint_are_in_view() =>
        await FollowAsync(await App.NewPageWithoutJavaScriptAsync(), focused: false);

    private static async Task FollowAsync(IPage page, bool focused)
    {
        // A short window, so the form is taller than the view and following a link has to scroll.
        await page.SetViewportSizeAsync(1024, 420);
        await page.GotoOkAsync("/account/register");
        await page.Locator("form.form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        foreach (var field in new[] { "Input_Password", "Input_Email" })
        {
            await page.EvaluateAsync("window.scrollTo(0, 0)");
            await page.Locator($".error-summary a[href='#{field}']").ClickAsync();
            if (focused) await Assertions.Expect(page.Locator($"#{field}")).ToBeFocusedAsync();
            foreach (var selector in new[] { $"label[for={field}]", $"#{field}-hint", $"#{field}" })
            {
                var box = await page.Locator(selector).BoundingBoxAsync();
                Assert.NotNull(box);
                Assert.True(box.Y >= 0 && box.Y + box.Height <= 420, $"{selector} is out of view after following the link to {field} (top {box.Y}).");
            }
        }
    }
}
