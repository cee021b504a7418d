using System.Globalization;
using System.Text.RegularExpressions;
using Samverka.Features.Advisor;
using Samverka.Features.Knowledge;

namespace Samverka.Tests.Knowledge;

/// The shipped articles: the same set in both languages, with the same anchors, every internal link resolving,
/// everything the domain requires present, and search that forgives Swedish inflection and typos.
public sealed partial class KnowledgeBankTests
{
    private static readonly KnowledgeBank Bank = new();
    private static readonly CultureInfo Sv = new("sv"), En = new("en");

    [Fact]
    public void Both_languages_have_the_same_articles_and_anchors()
    {
        var sv = Bank.All("sv").ToDictionary(a => a.Slug);
        var en = Bank.All("en").ToDictionary(a => a.Slug);
        Assert.True(sv.Count >= 30, $"only {sv.Count} Swedish articles");
        Assert.Equal(sv.Keys.Order(), en.Keys.Order());
        foreach (var (slug, article) in sv)
        {
            Assert.Equal(article.Anchors, en[slug].Anchors);
            Assert.Equal(article.Category, en[slug].Category);
            Assert.NotEqual(article.Title, en[slug].Title);
            Assert.Contains(article.Category, KnowledgeBank.Categories);
        }
    }

    [Fact]
    public void The_bank_covers_what_the_platform_links_to()
    {
        string[] required =
        [
            "prepare", "shared-goal", "shared-strategies", "roles-and-responsibilities", "policies-and-processes",
            "monitor-and-evaluate", "continue-or-scale", "six-principles", "six-pitfalls", "participation-ladder",
            "innovation-process", "grant-kinds", "iop", "collaboration-forms", "procurement", "dialogue-and-consultation",
            "municipal-support", "case-tjejjouren-dalia", "case-kompis-sverige", "case-fryshuset-malmo",
        ];
        foreach (var slug in required) Assert.True(Bank.Find(slug, Sv) is { Language: "sv" }, $"missing article {slug}");
        Assert.Equal(13, Bank.All("sv").Count(a => a.Category == "cases"));
        foreach (var anchor in new[] { "independence", "responsibility", "unclear-goals", "unfair-division", "fatigue", "no-conflict-route" })
            Assert.Contains(anchor, Bank.Find("six-pitfalls", Sv)!.Anchors);
        foreach (var anchor in new[] { "general-grant", "activity-grant", "project-grant" })
            Assert.Contains(anchor, Bank.Find("grant-kinds", Sv)!.Anchors);
        Assert.Contains("criteria", Bank.Find("iop", Sv)!.Anchors);
        Assert.Contains("headings", Bank.Find("iop", Sv)!.Anchors);
    }

    [GeneratedRegex("href=\"/knowledge/([a-z0-9-]+)(?:#([a-z0-9-]+))?\"")]
    private static partial Regex KnowledgeLink();

    [Fact]
    public void Every_link_between_articles_and_from_the_advisor_resolves()
    {
        foreach (var language in new[] { "sv", "en" })
            foreach (var article in Bank.All(language))
                foreach (Match m in KnowledgeLink().Matches(article.Html))
                    AssertResolves(m.Groups[1].Value, m.Groups[2].Success ? m.Groups[2].Value : null, $"{language}/{article.Slug}");
        foreach (var form in AdvisorBook.Load().Forms)
        {
            var parts = form.Knowledge.Split('#');
            AssertResolves(parts[0], parts.Length > 1 ? parts[1] : null, "advisor form " + form.Id);
        }
    }

    private static void AssertResolves(string slug, string? anchor, string from)
    {
        foreach (var culture in new[] { Sv, En })
        {
            var target = Bank.Find(slug, culture);
            Assert.True(target is not null && target.Language == culture.TwoLetterISOLanguageName, $"{from} links to missing {slug}");
            if (anchor is not null) Assert.True(target.Anchors.Contains(anchor), $"{from} links to missing #{anchor} in {slug}");
        }
    }

    [Fact]
    public void No_raw_html_from_the_sources_reaches_the_page()
    {
        foreach (var article in Bank.All("sv").Concat(Bank.All("en")))
        {
            Assert.DoesNotContain("<script", article.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("{#", article.Html);
        }
    }

    [Theory]
    [InlineData("sv", "partnerskap", "iop")]
    [InlineData("sv", "partnerskapet", "iop")]
    [InlineData("sv", "direktupphandlingsgräns", "procurement")]
    [InlineData("sv", "fallgropar", "six-pitfalls")]
    [InlineData("sv", "tjejjouren", "case-tjejjouren-dalia")]
    [InlineData("sv", "stakeholder intressentkarta", "prepare")]
    [InlineData("sv", "förenigsbidrag", "grant-kinds")]
    [InlineData("en", "pitfalls", "six-pitfalls")]
    [InlineData("en", "reserved contracts", "procurement")]
    [InlineData("en", "participation ladder", "participation-ladder")]
    public void Search_finds_the_article(string language, string query, string slug)
    {
        var hits = Bank.Search(query, new CultureInfo(language));
        Assert.True(hits.Take(3).Any(h => h.Article.Slug == slug),
            $"'{query}' → {string.Join(", ", hits.Take(5).Select(h => h.Article.Slug))}");
    }

    [Fact]
    public void A_search_for_nothing_known_finds_nothing() => Assert.Empty(Bank.Search("xyzzyqwerty", Sv));
}
