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
