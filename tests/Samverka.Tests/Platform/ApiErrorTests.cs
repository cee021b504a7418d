using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Features.Needs;
using Samverka.Features.Partnerships;
using Samverka.Features.Register;
using Samverka.Platform.Modules;
using Samverka.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Samverka.Tests.Platform;

/// The API answers a bad query value with field-level, localised problem details, and nothing it answers carries
/// the framework's words or a stack trace.
public abstract class ApiErrorTests(AppFixture fx, ITestOutputHelper output)
{
    private SamverkaFactory App => fx.App;

    private static readonly string[] FrameworkText = ["Nullable", "Failed to bind", "BadHttpRequestException", "Microsoft.AspNetCore", "   at ", "System."];

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, string url)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url} answered {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        foreach (var text in FrameworkText) Assert.DoesNotContain(text, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string language)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData("/api/v1/organisations?page=abc", "page", "Ange ett heltal, till exempel 2.", "Enter a whole number, for example 2.")]
    [InlineData("/api/v1/needs?page=x", "page", "Ange ett heltal, till exempel 2.", "Enter a whole number, for example 2.")]
    [InlineData("/api/v1/partnerships?organisation=nope", "organisation", "Ange ett id i formatet 01234567-89ab-cdef-0123-456789abcdef.", "Enter an id in the form 01234567-89ab-cdef-0123-456789abcdef.")]
    [InlineData("/api/hsds/organizations?full=maybe", "full", "Ange true eller false.", "Enter true or false.")]
    public async Task A_bad_query_value_names_the_field_in_the_callers_language(string url, string field, string swedish, string english)
    {
        var client = App.Browser();
        var sv = await ProblemAsync(await GetAsync(client, url, "sv"), url);
        Assert.Equal(swedish, sv.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Equal("En eller flera parametrar har fel värde.", sv.GetProperty("title").GetString());
        var en = await ProblemAsync(await GetAsync(client, url, "en"), url);
        Assert.Equal(english, en.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Theory]
    [InlineData("/api/v1/partnerships?status=nonsense", "status", "exploring, agreeing, active, renewing, ended")]
    [InlineData("/api/v1/organisations?sort=cheapest", "sort", "relevance, name, confirmed")]
    public async Task An_unknown_choice_is_refused_with_the_choices(string url, string field, string choices)
    {
        var en = await ProblemAsync(await GetAsync(App.Browser(), url, "en"), url);
        Assert.Equal($"Unknown value. Choose one of: {choices}.", en.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    /// Every API GET endpoint the app maps, found from its endpoint data source, with a junk value in each query
    /// parameter its handler binds: typed parameters answer 400 with that field named; none answers 500 or with the
    /// framework's text.
    [Fact]
    public async Task Every_api_query_parameter_refuses_junk_with_problem_details()
    {
        var dalia = await App.WithAsync(db => db.Organisations().Where(o => o.Name == "Tjejjouren Dalia").Select(o => o.Id).SingleAsync());
        var service = await App.WithAsync(db => db.Set<OrganisationService>().Where(s => s.OrganisationId == dalia).Select(s => s.Id).FirstAsync());
        var need = await App.WithAsync(db => db.Needs().Where(n => n.Status == NeedStatus.Open).Select(n => n.Id).FirstAsync());
        var partnership = await App.WithAsync(db => db.Partnerships().Where(p => p.Form == PartnershipForm.Iop).OrderBy(p => p.CreatedAt).Select(p => p.Id).FirstAsync());
        string Fill(string raw, string name) => (name, raw) switch
        {
            ("code", _) => "2081",
            ("id", _) when raw.Contains("/needs/") => need.ToString(),
            ("id", _) when raw.Contains("/partnerships/") => partnership.ToString(),
            ("id", _) when raw.Contains("/services/") => service.ToString(),
            ("id", _) => dalia.ToString(),
            _ => throw new InvalidOperationException($"Teach the test what {{{name}}} in {raw} is."),
        };
        var endpoints = App.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/") == true
                && (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") ?? false))
            .ToList();
        var client = App.Browser();
        await client.SignInAsync("admin@samverka.example");
        var checkedParameters = 0;
        foreach (var endpoint in endpoints)
        {
            var raw = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var path = string.Concat(endpoint.RoutePattern.PathSegments.Select(s => "/" + string.Concat(s.Parts.Select(p => p switch
            {
                RoutePatternLiteralPart l => l.Content,
                RoutePatternParameterPart x => Fill(raw, x.Name),
                RoutePatternSeparatorPart x => x.Content,
                _ => "",
            }))));
            var method = endpoint.Metadata.GetMetadata<MethodInfo>()!;
            foreach (var p in method.GetParameters())
            {
                var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
                var simple = type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(Guid) || type == typeof(decimal) || type == typeof(DateOnly);
                if (!simple || p.GetCustomAttribute<FromServicesAttribute>() is not null || endpoint.RoutePattern.GetParameter(p.Name!) is not null) continue;
                var url = $"{path}?{p.Name}={Uri.EscapeDataString("junk!")}";
                checkedParameters++;
                var response = await GetAsync(client, url, "en");
                var body = await response.Content.ReadAsStringAsync();
                output.WriteLine($"{url} → {(int)response.StatusCode}");
                Assert.True((int)response.StatusCode < 500, $"{url} answered {(int)response.StatusCode}");
                foreach (var text in FrameworkText) Assert.DoesNotContain(text, body);
                if (type != typeof(string))
                {
                    var problem = await ProblemAsync(response, url);
                    Assert.True(problem.GetProperty("errors").TryGetProperty(p.Name!, out _), $"{url}: no error for {p.Name} in {body}");
                }
            }
        }
        output.WriteLine($"{endpoints.Count} API GET endpoints, {checkedParameters} query parameters");
        Assert.True(checkedParameters >= 15, $"only {checkedParameters} query parameters found");
    }

    /// Outside Development an error is the friendly page: no exception type, message or stack frame, on pages and API
    /// alike, whatever the environment is called.
    [Theory]
    [InlineData("Testing")]
    [InlineData("Production")]
    public async Task An_unexpected_error_never_shows_a_stack_trace_outside_development(string environment)
    {
        using var app = new SamverkaFactory(fx.Provider, services => services.AddSingleton<IModule, ThrowingModule>(),
            new() { ["environment"] = environment, ["Jobs:Enabled"] = "false" });
        await app.InitializeAsync();
        foreach (var url in new[] { "/test/throw", "/api/v1/test/throw" })
        {
            var response = await app.Browser().GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.DoesNotContain(ThrowingModule.Secret, body);
            Assert.DoesNotContain("InvalidOperationException", body);
            Assert.DoesNotContain("ThrowingModule", body);
            Assert.DoesNotContain("   at ", body);
        }
    }

    private sealed class ThrowingModule : IModule
    {
        // A test harness, not a feature: placed where everything may be used, and adds no menu entries.
        public Samverka.Platform.Modules.ModuleManifest Manifest { get; } = new(Samverka.Platform.Modules.FeatureTable.Home);
        public const string Secret = "walker-exception-detail";
        public void AddServices(IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration config) { }

        public void MapEndpoints(IEndpointRouteBuilder endpoints)
        {
            endpoints.MapGet("/test/throw", string () => throw new InvalidOperationException(Secret)).AllowAnonymous();
            endpoints.MapGet("/api/v1/test/throw", string () => throw new InvalidOperationException(Secret)).AllowAnonymous();
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ApiErrorTestsOnSqlite(SqliteApp fx, ITestOutputHelper output) : ApiErrorTests(fx, output);

[Collection(PostgresCollection.Name)]
public sealed class ApiErrorTestsOnPostgres(PostgresApp fx, ITestOutputHelper output) : ApiErrorTests(fx, output);

/// Development shows stack traces, so it must only ever listen on this machine: nothing in the launch profile or the
/// configuration files binds the app wider (Kestrel's own default, with no address configured, is localhost:5000).
public sealed class DevelopmentBindingTests
{
    private static string Source(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Samverka.slnx"))) dir = dir.Parent;
        return Path.Combine([dir!.FullName, "src", "Samverka", .. parts]);
    }

    [Fact]
    public void Development_listens_on_loopback_only()
    {
        using var launch = JsonDocument.Parse(File.ReadAllText(Source("Properties", "launchSettings.json")));
        foreach (var profile in launch.RootElement.GetProperty("profiles").EnumerateObject())
        {
            if (!profile.Value.TryGetProperty("applicationUrl", out var urls)) continue;
            foreach (var url in urls.GetString()!.Split(';'))
                Assert.True(new Uri(url).IsLoopback, $"launch profile {profile.Name} listens on {url}");
        }
        foreach (var file in new[] { "appsettings.json", "appsettings.Development.json" })
        {
            using var settings = JsonDocument.Parse(File.ReadAllText(Source(file)), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            foreach (var key in new[] { "Urls", "urls", "Kestrel", "HTTP_PORTS", "HTTPS_PORTS" })
                Assert.False(settings.RootElement.TryGetProperty(key, out _), $"{file} sets {key}");
        }
        var program = File.ReadAllText(Source("Program.cs"));
        Assert.DoesNotContain("UseUrls", program);
        Assert.DoesNotContain("ListenAnyIP", program);
    }
}
