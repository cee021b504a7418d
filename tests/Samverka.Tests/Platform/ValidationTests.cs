using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Platform;

/// Bad input on every form: a clear message next to the field, the error summary, and nothing saved.
public abstract class ValidationTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;
    private const string Script = "<script>alert('x')</script>";

    private static void AssertFieldError(string html, string fieldId, string message)
    {
        Assert.Contains("class=\"error-summary\"", html);
        Assert.Contains($"href=\"#{fieldId}\"", html);
        Assert.Contains($"id=\"{fieldId}-error\"", html);
        Assert.Contains(message, html);
        Assert.Contains($"aria-describedby=\"{fieldId}-error\"", html.Replace($"{fieldId}-hint ", ""));
        Assert.DoesNotContain("<script>alert", html);
    }

    public static TheoryData<string, string, string> MunicipalityProfileCases => new()
    {
        { "Input_Description", Script, "får inte innehålla HTML-kod" },
        { "Input_Description", new string('x', 4001), "får vara högst 4000 tecken" },
        { "Input_Website", "not a url", "Skriv en hel webbadress" },
        { "Input_Website", "javascript:alert(1)", "Skriv en hel webbadress" },
        { "Input_ContactEmail", "nobody-at-example", "Skriv en e-postadress i rätt format" },
        { "Input_ContactEmail", new string('a', 250) + "@example.org", "får vara högst 256 tecken" },
    };

    [Theory]
    [MemberData(nameof(MunicipalityProfileCases))]
    public async Task Municipality_profile_rejects_bad_input_and_saves_nothing(string field, string value, string message)
    {
        var client = App.Browser();
        await client.SignInAsync("samordnare@borlange.example");
        var before = await App.WithAsync(db => db.Tenants.AsNoTracking().SingleAsync(t => t.Code == "2081"));
        var fields = new Dictionary<string, string>
        {
            ["Input.Description"] = "A fine description", ["Input.Website"] = "https://www.borlange.se", ["Input.ContactEmail"] = "kontakt@borlange.example",
        };
        fields[field.Replace('_', '.')] = value;
        var response = await client.SubmitAsync("/municipalities/2081/edit", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertFieldError(await response.Content.ReadAsStringAsync(), field, message);
        var after = await App.WithAsync(db => db.Tenants.AsNoTracking().SingleAsync(t => t.Code == "2081"));
        Assert.Equal(before.Description, after.Description);
        Assert.Equal(before.Website, after.Website);
        Assert.Equal(before.ContactEmail, after.ContactEmail);
    }

    [Fact]
    public async Task Organisation_form_rejects_empty_too_long_and_script_and_keeps_the_entry()
    {
        var client = App.Browser();
        await client.SignInAsync("admin@dalia.example");
        var dalia = await App.WithAsync(db => db.Set<Samverka.Features.Register.Organisation>().AsNoTracking().SingleAsync(o => o.Name == "Tjejjouren Dalia"));
        var url = $"/organisations/{dalia.Id}/edit";
        var cases = new (string Field, string Value, string Message)[]
        {
            ("Input_Name", "", "måste fyllas i"),
            ("Input_Name", new string('n', 201), "ska vara mellan 2 och 200 tecken"),
            ("Input_Name", Script, "får inte innehålla HTML-kod"),
            ("Input_Description", "", "måste fyllas i"),
            ("Input_LegalForm", "", "välj ett alternativ"),
            ("Input_LegalForm", "NotAForm", "är inte giltigt"),
        };
        foreach (var (field, value, message) in cases)
        {
            var fields = new Dictionary<string, string>
            {
                ["Input.Name"] = "Tjejjouren Dalia", ["Input.LegalForm"] = "NonProfitAssociation", ["Input.Description"] = "Stöd för tjejer.",
            };
            fields[field.Replace('_', '.')] = value;
            var response = await client.SubmitAsync(url, fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertFieldError(await response.Content.ReadAsStringAsync(), field, message);
        }
        var after = await App.WithAsync(db => db.Set<Samverka.Features.Register.Organisation>().AsNoTracking().SingleAsync(o => o.Id == dalia.Id));
        Assert.Equal(dalia.Name, after.Name);
        Assert.Equal(dalia.Description, after.Description);
    }

    [Fact]
    public async Task Registration_rejects_bad_input_and_creates_no_account()
    {
        var client = App.Browser();
        var email = Web.UniqueEmail("bad");
        var cases = new (string Field, string Value, string Message)[]
        {
            ("Input_DisplayName", "", "måste fyllas i"),
            ("Input_DisplayName", Script, "får inte innehålla HTML-kod"),
            ("Input_DisplayName", new string('d', 101), "får vara högst 100 tecken"),
            ("Input_Email", "not-an-email", "Skriv en e-postadress i rätt format"),
            ("Input_Password", "short", "Lösenordet ska vara mellan 10 och 128 tecken"),
            ("Input_ConfirmPassword", "something else entirely", "Lösenorden är inte lika"),
        };
        foreach (var (field, value, message) in cases)
        {
            var fields = new Dictionary<string, string>
            {
                ["Input.DisplayName"] = "Valid Name", ["Input.Email"] = email,
                ["Input.Password"] = "a valid password", ["Input.ConfirmPassword"] = "a valid password",
            };
            fields[field.Replace('_', '.')] = value;
            if (field == "Input_Password") fields["Input.ConfirmPassword"] = value;
            var response = await client.SubmitAsync("/account/register", fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertFieldError(await response.Content.ReadAsStringAsync(), field, message);
        }
        Assert.False(await App.WithAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task The_error_summary_lists_problems_in_the_order_of_the_form()
    {
        var response = await App.Browser().SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "", ["Input.Email"] = "", ["Input.Password"] = "", ["Input.ConfirmPassword"] = "",
        });
        var html = await response.Content.ReadAsStringAsync();
        var positions = new[] { "#Input_DisplayName", "#Input_Email", "#Input_Password\"", "#Input_ConfirmPassword" }
            .Select(anchor => html.IndexOf("href=\"" + anchor, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order().ToList(), positions);
    }

    [Fact]
    public async Task Password_forms_reject_bad_input()
    {
        var anonymous = App.Browser();
        var forgot = await anonymous.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "<script>x</script>" });
        Assert.Equal(HttpStatusCode.OK, forgot.StatusCode);
        AssertFieldError(await forgot.Content.ReadAsStringAsync(), "Input_Email", "Skriv en e-postadress i rätt format");

        var reset = await anonymous.SubmitAsync("/account/reset-password?email=x%40test.example&code=abc", new Dictionary<string, string>
        {
            ["Input.Email"] = "x@test.example", ["Input.Code"] = "abc", ["Input.Password"] = "short", ["Input.ConfirmPassword"] = "short",
        }, action: "/account/reset-password");
        AssertFieldError(await reset.Content.ReadAsStringAsync(), "Input_Password", "Lösenordet ska vara mellan 10 och 128 tecken");

        // A well-formed request with a forged code is refused next to the e-mail field, and changes nothing.
        var forged = await anonymous.SubmitAsync("/account/reset-password?email=handlaggare%40borlange.example&code=abc", new Dictionary<string, string>
        {
            ["Input.Email"] = "handlaggare@borlange.example", ["Input.Code"] = "Zm9yZ2Vk", ["Input.Password"] = "a brand new password", ["Input.ConfirmPassword"] = "a brand new password",
        }, action: "/account/reset-password");
        AssertFieldError(await forged.Content.ReadAsStringAsync(), "Input_Email", "Länken är ogiltig eller för gammal");
        await App.Browser().SignInAsync("handlaggare@borlange.example");

        var signedIn = App.Browser();
        await signedIn.SignInAsync("medlem@dalia.example");
        var change = await signedIn.SubmitAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "", ["Input.Password"] = "a new password", ["Input.ConfirmPassword"] = "another password",
        });
        var html = await change.Content.ReadAsStringAsync();
        AssertFieldError(html, "Input_CurrentPassword", "Nuvarande lösenord måste fyllas i.");
        AssertFieldError(html, "Input_ConfirmPassword", "Lösenorden är inte lika.");
    }

    [Fact]
    public async Task Invitation_and_sign_in_forms_validate_in_english_too()
    {
        var client = App.Browser();
        await client.SignInAsync("kommunadmin@borlange.example");
        var response = await client.SubmitAsync("/invitations/new?tenant=2081&culture=en", new Dictionary<string, string>
        {
            ["tenant"] = "2081", ["Input.Email"] = "<b>x</b>", ["Input.Role"] = "",
        });
        var html = await response.Content.ReadAsStringAsync();
        AssertFieldError(html, "Input_Email", "Enter an e-mail address in the correct format");
        AssertFieldError(html, "Input_Role", "Role: choose an option.");

        var anonymous = App.Browser();
        var login = await anonymous.SubmitAsync("/account/login?culture=en", new Dictionary<string, string> { ["Input.Email"] = "", ["Input.Password"] = "" });
        var loginHtml = await login.Content.ReadAsStringAsync();
        AssertFieldError(loginHtml, "Input_Email", "E-mail address is required.");
        AssertFieldError(loginHtml, "Input_Password", "Password is required.");
    }

    [Fact]
    public async Task Text_with_markup_from_elsewhere_is_shown_as_text()
    {
        // Data that reached the database some other way (an import, an old version) is still encoded on output.
        var dalia = await App.WithAsync(async db =>
        {
            var o = await db.Set<Samverka.Features.Register.Organisation>().SingleAsync(x => x.Name == "Tjejjouren Dalia");
            return o.Id;
        });
        var oldWebsite = await App.WithAsync(async db =>
        {
            var o = await db.Set<Samverka.Features.Register.Organisation>().SingleAsync(x => x.Id == dalia);
            var previous = o.ContactEmail;
            o.ContactEmail = Script;
            await db.SaveChangesAsync();
            return previous;
        });
        try
        {
            var html = await App.Browser().HtmlAsync($"/organisations/{dalia}");
            Assert.DoesNotContain("<script>alert", html);
            Assert.Contains("&lt;script&gt;", html);
        }
        finally
        {
            await App.WithAsync(async db =>
            {
                var o = await db.Set<Samverka.Features.Register.Organisation>().SingleAsync(x => x.Id == dalia);
                o.ContactEmail = oldWebsite;
                return await db.SaveChangesAsync();
            });
        }
    }
}

[Collection(SqliteCollection.Name)] public sealed class ValidationTestsOnSqlite(SqliteApp fx) : ValidationTests(fx);
[Collection(PostgresCollection.Name)] public sealed class ValidationTestsOnPostgres(PostgresApp fx) : ValidationTests(fx);
