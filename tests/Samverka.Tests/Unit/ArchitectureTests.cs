using NetArchTest.Rules;

namespace Samverka.Tests.Unit;

/// Dependencies point one way: features stand on the platform; the platform never reaches into a feature.
public sealed class ArchitectureTests
{
    private static readonly System.Reflection.Assembly App = typeof(Samverka.Platform.PlatformModule).Assembly;

    [Fact]
    public void Platform_does_not_depend_on_features()
    {
        var result = Types.InAssembly(App).That().ResideInNamespace("Samverka.Platform")
            .ShouldNot().HaveDependencyOn("Samverka.Features").GetResult();
        Assert.True(result.IsSuccessful, "Platform types using features: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_register_does_not_depend_on_later_features()
    {
        var result = Types.InAssembly(App).That().ResideInNamespace("Samverka.Features.Register")
            .ShouldNot().HaveDependencyOnAny("Samverka.Features.Municipalities", "Samverka.Features.Admin", "Samverka.Features.Home")
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Features_do_not_use_each_others_pages()
    {
        var result = Types.InAssembly(App).That().ResideInNamespace("Samverka.Features")
            .ShouldNot().HaveDependencyOnAny("Samverka.Features.Register.Pages", "Samverka.Features.Municipalities.Pages", "Samverka.Features.Admin.Pages")
            .GetResult();
        var offenders = (result.FailingTypeNames ?? []).Where(t => !SameFeature(t)).ToList();
        Assert.Empty(offenders);
    }

    /// Deny by default: a route group marked anonymous would make every endpoint added to it later public too. Each
    /// public endpoint says .AllowAnonymous() on its own line instead.
    [Fact]
    public void No_endpoint_group_is_anonymous()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Samverka.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var offenders = Directory.EnumerateFiles(Path.Combine(dir.FullName, "src"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), @"MapGroup\([^;]*;")
                .Where(m => m.Value.Contains("AllowAnonymous")).Select(m => $"{Path.GetFileName(file)}: {m.Value}"))
            .ToList();
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    private static bool SameFeature(string typeName)
    {
        // A page may use its own feature's pages; "Samverka.Features.X.Pages.Y" → feature X.
        var parts = typeName.Split('.');
        return parts.Length > 3 && parts[3] == "Pages";
    }
}
