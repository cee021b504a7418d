using Microsoft.Extensions.Configuration;
using Samverka.Platform;

namespace Samverka.Tests.Unit;

/// `dotnet run -- …` hands every argument to both the host (its standard options) and Samverka's own commands; the
/// command must be found without mistaking an option's value for it.
public sealed class HostCommandTests
{
    [Theory]
    [InlineData("", null)]
    [InlineData("migrate", "migrate")]
    [InlineData("seed", "seed")]
    [InlineData("--urls http://127.0.0.1:5201", null)]
    [InlineData("--urls=http://127.0.0.1:5201", null)]
    [InlineData("--urls http://127.0.0.1:5201 seed", "seed")]
    [InlineData("seed --urls http://127.0.0.1:5201", "seed")]
    [InlineData("--environment Production migrate", "migrate")]
    [InlineData("/urls http://127.0.0.1:5201", null)]
    [InlineData("Database:Provider=Sqlite", null)]
    [InlineData("serve-something", "serve-something")]
    public void Finds_the_command_among_host_options(string line, string? command) =>
        Assert.Equal(command, HostCommand.Find(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
}

public sealed class DevelopmentBaseTests
{
    [Theory]
    [InlineData(null, "http://localhost:5000")]
    [InlineData("http://127.0.0.1:5201", "http://127.0.0.1:5201")]
    [InlineData("http://*:5201;https://*:5202", "http://localhost:5201")]
    [InlineData("http://0.0.0.0:8080/", "http://localhost:8080")]
    [InlineData("not an address", "http://localhost:5000")]
    public void Links_in_development_follow_the_address_listened_on(string? urls, string expected)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls }).Build();
        Assert.Equal(expected, Samverka.Platform.Email.PublicSiteOptions.DevelopmentBase(config));
    }
}
