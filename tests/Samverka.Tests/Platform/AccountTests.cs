using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Platform.Identity;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Platform;

public abstract class AccountTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    private async Task<(HttpClient Client, string Email)> RegisterAsync(string password = "a long enough password")
    {
        var client = App.Browser();
        var email = Web.UniqueEmail("reg");
        var response = await client.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Test Person", ["Input.Email"] = email,
            ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/check-email", response.Headers.Location!.OriginalString);
        return (client, email);
    }

    [Fact]
    public async Task Register_confirm_by_email_then_sign_in()
    {
        var (client, email) = await RegisterAsync();

        // Not yet confirmed: sign-in is refused with a clear message.
        var early = await client.SubmitAsync("/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = "a long enough password",
        });
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("Bekräfta din e-postadress först", await early.Content.ReadAsStringAsync());

        var mail = await App.WaitForMailAsync(email, m => m.Subject.Contains("Bekräfta"));
        var confirm = await client.GetAsync(Web.LinkIn(mail, "/account/confirm-email"));
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("E-postadressen är bekräftad", await confirm.Content.ReadAsStringAsync());

        await client.SignInAsync(email, "a long enough password");
        var account = await client.HtmlAsync("/account");
        Assert.Contains(email, account);
        Assert.Contains("Du har inga roller ännu", account);
    }

    [Fact]
    public async Task Registering_a_taken_address_reveals_nothing_and_creates_no_second_account()
    {
        var (_, email) = await RegisterAsync();
        var second = App.Browser();
        var response = await second.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Someone Else", ["Input.Email"] = email,
            ["Input.Password"] = "another long password", ["Input.ConfirmPassword"] = "another long password",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await App.WaitForMailAsync(email, m => m.Subject.Contains("redan ett konto"));
        Assert.Equal(1, App.With(db => db.Users.Count(u => u.Email == email)));
    }

    [Fact]
    public async Task Bad_confirmation_link_is_refused()
    {
        var client = App.Browser();
        var response = await client.GetAsync("/account/confirm-email?userId=nobody&code=abc");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Länken fungerar inte", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account()
    {
        var email = Web.UniqueEmail("lock");
        using (var scope = App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var result = await users.CreateAsync(new AppUser { UserName = email, Email = email, DisplayName = "Lock", EmailConfirmed = true }, "the right password");
            Assert.True(result.Succeeded);
        }
        var client = App.Browser();
        string last = "";
        for (var i = 0; i < 5; i++)
        {
            var r = await client.SubmitAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "wrong password " + i });
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            last = await r.Content.ReadAsStringAsync();
        }
        // The answer names the lockout for everyone alike (it must not tell a real account from an unknown address).
        Assert.Contains("spärras inloggningen i 15 minuter", last);
        // Even the right password is refused while locked.
        var right = await client.SubmitAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "the right password" });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("spärras inloggningen i 15 minuter", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Forgotten_password_is_reset_through_the_emailed_link()
    {
        var email = Web.UniqueEmail("reset");
        using (var scope = App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.CreateAsync(new AppUser { UserName = email, Email = email, DisplayName = "Reset", EmailConfirmed = true }, "the old password")).Succeeded);
        }
        var client = App.Browser();
        var ask = await client.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, ask.StatusCode);
        var mail = await App.WaitForMailAsync(email, m => m.Subject.Contains("nytt lösenord"));
        var link = Web.LinkIn(mail, "/account/reset-password");
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query);
        var reset = await client.SubmitAsync(link, new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Code"] = query["code"]!,
            ["Input.Password"] = "the brand new password", ["Input.ConfirmPassword"] = "the brand new password",
        }, action: "/account/reset-password");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await client.SignInAsync(email, "the brand new password");
    }

    [Fact]
    public async Task Signed_in_user_changes_password_after_giving_the_current_one()
    {
        var email = Web.UniqueEmail("change");
        using (var scope = App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.CreateAsync(new AppUser { UserName = email, Email = email, DisplayName = "Change", EmailConfirmed = true }, "the first password")).Succeeded);
        }
        var client = App.Browser();
        await client.SignInAsync(email, "the first password");
        var wrong = await client.SubmitAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "not the password", ["Input.Password"] = "the second password", ["Input.ConfirmPassword"] = "the second password",
        });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("id=\"Input_CurrentPassword-error\"", await wrong.Content.ReadAsStringAsync());
        var right = await client.SubmitAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "the first password", ["Input.Password"] = "the second password", ["Input.ConfirmPassword"] = "the second password",
        });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        await App.Browser().SignInAsync(email, "the second password");
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var client = App.Browser();
        await client.SignInAsync("handlaggare@borlange.example");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode);
        var home = await client.HtmlAsync("/");
        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Web.Token(home) }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.OriginalString);
    }
}

[Collection(SqliteCollection.Name)] public sealed class AccountTestsOnSqlite(SqliteApp fx) : AccountTests(fx);
[Collection(PostgresCollection.Name)] public sealed class AccountTestsOnPostgres(PostgresApp fx) : AccountTests(fx);
