using Microsoft.AspNetCore.Mvc.Filters;

namespace Samverka.Platform.UI;

/// A form posted while the database cannot take the write (another process holds the lock, the disk is read-only)
/// comes back as the same page with what the person typed, a message at the top that nothing was saved, status
/// 503 and Retry-After — not a 500 that loses their input. Likewise a save that lost a race to someone else's
/// (409).
public sealed class DatabaseUnavailablePageFilter(IStringLocalizer<SharedResource> l, ILogger<DatabaseUnavailablePageFilter> log) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled) return;
        if (HttpMethods.IsGet(context.HttpContext.Request.Method) || context.HandlerInstance is not PageModel page) return;
        if (executed.Exception is Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            // A versioned record changed between this request's read and its write, on a form that does not
            // carry an edit stamp (those are told in detail by SaveEditAsync): nothing was written; say so.
            executed.ExceptionHandled = true;
            page.ModelState.AddModelError("", l["Edit.Conflict"]);
            executed.Result = new PageResult { StatusCode = StatusCodes.Status409Conflict };
            return;
        }
        if (!DatabaseUnavailable.Is(executed.Exception)) return;
        log.LogWarning(executed.Exception, "The database could not take a write; answered 503.");
        executed.ExceptionHandled = true;
        context.HttpContext.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString();
        page.ModelState.AddModelError("", l["Database.NotSaved"]);
        executed.Result = new PageResult { StatusCode = StatusCodes.Status503ServiceUnavailable };
    }
}

public static class DatabaseUnavailableMiddleware
{
    /// Everything else that meets an unavailable database (the API, a page read): 503 with Retry-After; the API
    /// gets problem details, a page the friendly status page.
    public static IApplicationBuilder UseDatabaseUnavailable(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (DatabaseUnavailable.Is(e) && !context.Response.HasStarted)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(nameof(DatabaseUnavailableMiddleware))
                .LogWarning(e, "The database is unavailable; answered 503.");
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString();
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: l["Database.UnavailableTitle"], detail: l["Database.NotSaved"])
                    .ExecuteAsync(context);
            }
        }
    });
}
