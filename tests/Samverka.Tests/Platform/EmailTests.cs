using System.Net;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Platform;

public sealed class EmailTests
{
    [Fact]
    public async Task With_an_smtp_host_configured_mail_goes_over_smtp_and_not_to_the_pickup_folder()
    {
        await using var smtp = new TinySmtpServer();
        using var app = new SamverkaFactory(Provider.Sqlite, settings: new()
        {
            ["Email:SmtpHost"] = "127.0.0.1",
            ["Email:SmtpPort"] = smtp.Port.ToString(),
            ["Email:SmtpSecurity"] = "None",
        });
        await app.InitializeAsync();
        var client = app.Browser();
        var email = Web.UniqueEmail("smtp");
        var response = await client.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Smtp Person", ["Input.Email"] = email,
            ["Input.Password"] = "a long enough password", ["Input.ConfirmPassword"] = "a long enough password",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        string? message = null;
        while (message is null && DateTime.UtcNow < deadline)
        {
            message = smtp.Messages.FirstOrDefault(m => m.Contains(email));
            if (message is null) await Task.Delay(100);
        }
        Assert.NotNull(message);
        Assert.Contains("Subject:", message);
        Assert.Contains("/account/confirm-email?userId=", message.Replace("=\r\n", "").Replace("=3D", "="));
        Assert.False(Directory.Exists(app.PickupFolder) && Directory.EnumerateFiles(app.PickupFolder).Any());
    }
}
