using Microsoft.AspNetCore.Localization;

namespace Samverka.Platform.Localization;

/// Marker for the UI strings every page reads (`L[...]`): the platform's own (SharedResource.resx in Swedish,
/// SharedResource.en.resx in English) and, through it, each feature's (see FeatureStrings).
public sealed class SharedResource;

public static class Cultures
{
    public const string Swedish = "sv";
    public const string English = "en";
    public static readonly string[] Supported = [Swedish, English];
}

public static class LocalizationModule
{
    public static IServiceCollection AddSamverkaLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        // Replaces the framework's factory: the shared localizer reads every feature's own resource files.
        services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizerFactory, SamverkaStringLocalizerFactory>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Cultures.Supported.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(Cultures.Swedish);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // Query string (?culture=en), then the remembered cookie, then Accept-Language: the framework's defaults.
        });
        return services;
    }

    public static string CookieValue(string culture) =>
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture));
}
