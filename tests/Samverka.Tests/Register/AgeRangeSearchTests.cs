using System.Net;
using System.Text.Json;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Register;

/// A person looking for organisations for ages 10–15 says so (from and to, beside the fixed bands), combined with
/// the rest of the search, on the page and in the API; a wrong age gets a clear message; HSDS search still works.
public abstract class AgeRangeSearchTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    private static List<string> Names(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();

    [Fact]
    public async Task Ages_10_to_15_find_the_organisations_whose_ages_overlap_with_the_other_filters()
    {
        var api = JsonDocument.Parse(await App.Browser().GetStringAsync("/api/v1/organisations?municipality=2081&ageFrom=10&ageTo=15&pageSize=100")).RootElement;
        var names = Names(api);
        Assert.Contains("Tjejjouren Dalia", names);          // 10–30
        Assert.Contains("Borlänge Basket", names);           // 7–19
        Assert.DoesNotContain("Kvinnojouren Borlänge", names); // 18 and over
        Assert.DoesNotContain("Seniorernas Träffpunkt Borlänge", names);
        Assert.DoesNotContain("Kompis Sverige", names);        // 16 and over
        Assert.Equal(names.Count, api.GetProperty("total").GetInt32());

        // Combined with text: the ages narrow a word search too.
        var text = Names(JsonDocument.Parse(await App.Browser().GetStringAsync("/api/v1/organisations?q=v%C3%A5ld&ageFrom=10&ageTo=15")).RootElement);
        Assert.Contains("Tjejjouren Dalia", text);
        Assert.DoesNotContain("Kvinnojouren Borlänge", text);

        var html = WebUtility.HtmlDecode(await App.Browser().HtmlAsync("/organisations?q=tjejjouren&municipality=2081&ageFrom=10&ageTo=15"));
        Assert.Contains("Tjejjouren Dalia", html);
        Assert.DoesNotContain("Kvinnojouren Borlänge", WebUtility.HtmlDecode(await App.Browser().HtmlAsync("/organisations?q=v%C3%A5ld&ageFrom=10&ageTo=15")));
        Assert.Contains("name=\"ageFrom\" value=\"10\"", html);
        Assert.Contains("name=\"ageTo\" value=\"15\"", html);

        // Only one end: 65 and over.
        var seniors = Names(JsonDocument.Parse(await App.Browser().GetStringAsync("/api/v1/organisations?municipality=2081&ageFrom=70&pageSize=100")).RootElement);
        Assert.Contains("Seniorernas Träffpunkt Borlänge", seniors);
        Assert.DoesNotContain("Borlänge Basket", seniors);
    }

    [Fact]
    public async Task A_wrong_age_range_is_explained_on_the_page_and_answers_400_with_the_field_in_the_api()
    {
        var reversed = WebUtility.HtmlDecode(await App.Browser().HtmlAsync("/organisations?ageFrom=15&ageTo=10"));
        Assert.Contains("Ålder till måste vara samma som eller högre än ålder från.", reversed);
        Assert.Contains("aria-invalid=\"true\"", reversed);
        var tooOld = WebUtility.HtmlDecode(await App.Browser().HtmlAsync("/organisations?ageFrom=200"));
        Assert.Contains("Från: skriv en ålder i hela år, från 0 till 120.", tooOld);

        var response = await App.Browser().GetAsync("/api/v1/organisations?ageFrom=15&ageTo=10");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty("ageTo", out _));
        var old = await App.Browser().GetAsync("/api/v1/organisations?ageTo=500");
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        Assert.True(JsonDocument.Parse(await old.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("ageTo", out _));

        var hsds = JsonDocument.Parse(await App.Browser().GetStringAsync("/api/hsds/organizations?search=tjejjouren")).RootElement;
        Assert.Contains("Tjejjouren Dalia", hsds.GetRawText());
    }
}

[Collection(SqliteCollection.Name)] public sealed class AgeRangeSearchTestsOnSqlite(SqliteApp fx) : AgeRangeSearchTests(fx);
[Collection(PostgresCollection.Name)] public sealed class AgeRangeSearchTestsOnPostgres(PostgresApp fx) : AgeRangeSearchTests(fx);
