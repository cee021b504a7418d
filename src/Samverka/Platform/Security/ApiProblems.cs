using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Samverka.Platform.Security;

/// Bad values in an API request's query string answer 400 with field-level, localised problem details
/// (`errors: { page: ["Enter a whole number…"] }`), never the framework's own text ("Failed to bind parameter
/// \"Nullable&lt;int&gt; page\"") nor an HTML error page.
public static partial class ApiProblems
{
    public static IServiceCollection AddSamverkaApiProblems(this IServiceCollection services)
    {
        // Outside Development a binding failure would otherwise be a bare 400 that the status-code pages turn into
        // HTML; thrown, it reaches the middleware below, which answers for it.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    /// After routing and authorisation, so the endpoint is known, the culture is set and a 401/403 comes first.
    public static IApplicationBuilder UseSamverkaApiProblems(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var method = context.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>();
        if (method is not null && Check(context, method) is { Count: > 0 } errors)
        {
            await WriteAsync(context, errors);
            return;
        }
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            // What the check above does not foresee (a body, a header): the parameter's name if the framework gave
            // it, never the framework's sentence.
            var name = ParameterName().Match(e.Message) is { Success: true } m ? m.Groups["name"].Value : "request";
            var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            await WriteAsync(context, new() { [name] = [l["Api.Invalid.Value"]] });
        }
    });

    [GeneratedRegex("parameter \"[^\" ]+ (?<name>[^\"]+)\"")]
    private static partial Regex ParameterName();

    private static Task WriteAsync(HttpContext context, Dictionary<string, string[]> errors)
    {
        var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        context.Response.Clear();
        return Results.ValidationProblem(errors, title: l["Api.Invalid.Title"]).ExecuteAsync(context);
    }

    /// The query values the handler binds by name that its parameter type cannot hold, parsed as the framework
    /// parses them (invariant culture, enums by name or number, case-insensitive).
    private static Dictionary<string, string[]> Check(HttpContext context, MethodInfo method)
    {
        var errors = new Dictionary<string, string[]>();
        IStringLocalizer? l = null;
        foreach (var p in method.GetParameters())
        {
            if (p.GetCustomAttribute<FromServicesAttribute>() is not null || p.GetCustomAttribute<FromBodyAttribute>() is not null
                || p.GetCustomAttribute<FromHeaderAttribute>() is not null || p.GetCustomAttribute<FromRouteAttribute>() is not null) continue;
            var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
            var key = MessageKey(type);
            if (key is null) continue;
            var name = p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name!;
            if (context.Request.RouteValues.ContainsKey(name)) continue;
            var values = context.Request.Query[name];
            var bad = values.Any(v => !string.IsNullOrEmpty(v) && !Parses(type, v!));
            if (!bad) continue;
            l ??= context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            errors[name] = [type.IsEnum ? l[key, string.Join(", ", Enum.GetNames(type))] : l[key]];
        }
        return errors;
    }

    private static string? MessageKey(Type t) =>
        t == typeof(int) || t == typeof(long) || t == typeof(short) ? "Api.Invalid.Number"
        : t == typeof(decimal) || t == typeof(double) || t == typeof(float) ? "Api.Invalid.Decimal"
        : t == typeof(Guid) ? "Api.Invalid.Id"
        : t == typeof(bool) ? "Api.Invalid.Boolean"
        : t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) ? "Api.Invalid.Date"
        : t.IsEnum ? "Api.Invalid.Choice"
        : null;

    private static bool Parses(Type t, string v)
    {
        if (t.IsEnum) return Enum.TryParse(t, v, ignoreCase: true, out _);
        if (t == typeof(bool)) return bool.TryParse(v, out _);
        var tryParse = t.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static,
            [typeof(string), typeof(IFormatProvider), t.MakeByRefType()]);
        if (tryParse is null) return true;
        var args = new object?[] { v, CultureInfo.InvariantCulture, null };
        return (bool)tryParse.Invoke(null, args)!;
    }
}
