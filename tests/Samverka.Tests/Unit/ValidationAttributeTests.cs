using Samverka.Platform.UI;

namespace Samverka.Tests.Unit;

public sealed class ValidationAttributeTests
{
    [Theory]
    [InlineData("Tjejjouren Dalia", true)]
    [InlineData("Barn 3 < 5 år och > 2 år", true)]
    [InlineData("a <= b", true)]
    [InlineData("<script>alert(1)</script>", false)]
    [InlineData("hej <b>fet</b>", false)]
    [InlineData("< img src=x onerror=alert(1)>", false)]
    [InlineData("</p>", false)]
    [InlineData("<!-- comment -->", false)]
    [InlineData("&#60;script", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(null, true)]
    public void NoMarkup(string? value, bool valid) => Assert.Equal(valid, new NoMarkupAttribute().IsValid(value));

    /// Free text checked outside an Input class (the needs dialogue) follows the same markup rule as [NoMarkup].
    [Theory]
    [InlineData("  Gäller det barn 3 < 5 år?  ", 10, 100, TextProblem.None, "Gäller det barn 3 < 5 år?")]
    [InlineData("Hej?", 10, 100, TextProblem.Length, "Hej?")]
    [InlineData(null, 2, 100, TextProblem.Length, "")]
    [InlineData("   ", 2, 100, TextProblem.Length, "")]
    [InlineData("0123456789x", 2, 10, TextProblem.Length, "0123456789x")]
    [InlineData("Läs <b>detta</b> nu", 2, 100, TextProblem.Markup, "Läs <b>detta</b> nu")]
    [InlineData("javascript:alert(1)", 2, 100, TextProblem.Markup, "javascript:alert(1)")]
    public void Text_check(string? raw, int min, int max, TextProblem problem, string text)
    {
        Assert.Equal(problem, Text.Check(raw, min, max, out var trimmed));
        Assert.Equal(text, trimmed);
    }

    [Theory]
    [InlineData("https://www.borlange.se", true)]
    [InlineData("http://example.org/path?q=1", true)]
    [InlineData("", true)]
    [InlineData("www.borlange.se", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("ftp://example.org", false)]
    [InlineData("https://localhost", false)]
    [InlineData("not a url", false)]
    public void HttpUrl(string value, bool valid) => Assert.Equal(valid, new HttpUrlAttribute().IsValid(value));
}
