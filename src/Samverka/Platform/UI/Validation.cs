using System.Text.RegularExpressions;

namespace Samverka.Platform.UI;

/// A validation attribute of our own whose message key is looked up in SharedResource. MVC localizes only the
/// built-in attributes (those with adapters), so ours translate themselves through the validation context.
public abstract class LocalizedValidationAttribute(string messageKey) : ValidationAttribute(messageKey)
{
    protected override ValidationResult? IsValid(object? value, ValidationContext context)
    {
        if (IsValid(value)) return ValidationResult.Success;
        var factory = context.GetService(typeof(IStringLocalizerFactory)) as IStringLocalizerFactory;
        var message = factory is null
            ? FormatErrorMessage(context.DisplayName)
            : factory.Create(typeof(SharedResource))[ErrorMessageString, context.DisplayName].Value;
        return new ValidationResult(message, context.MemberName is null ? null : [context.MemberName]);
    }
}

/// Rejects text that looks like HTML markup. Razor encodes everything it prints anyway; this gives the user a clear
/// message instead of silently storing a tag they probably did not mean to type.
public sealed partial class NoMarkupAttribute() : LocalizedValidationAttribute("Validation.NoMarkup")
{
    public override bool IsValid(object? value) => value is not string s || !IsMarkup(s);

    /// The rule itself, for text checked outside model binding (Text.Check, the importer).
    public static bool IsMarkup(string s) => Markup().IsMatch(s);

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z!?]|&#|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex Markup();
}

public static class ValidationMessages
{
    /// Model-binding errors (a number that is not a number, a missing value) in the user's language. MVC asks for
    /// these through plain delegates outside DI, so they use a localizer of their own over the same resources.
    public static void Localize(MvcOptions o)
    {
        var p = o.ModelBindingMessageProvider;
        p.SetValueIsInvalidAccessor(v => L["Validation.ValueInvalid", v]);
        p.SetAttemptedValueIsInvalidAccessor((v, _) => L["Validation.ValueInvalid", v]);
        p.SetValueMustNotBeNullAccessor(_ => L["Validation.RequiredGeneric"]);
        p.SetMissingBindRequiredValueAccessor(_ => L["Validation.RequiredGeneric"]);
        p.SetMissingKeyOrValueAccessor(() => L["Validation.RequiredGeneric"]);
        p.SetMissingRequestBodyRequiredValueAccessor(() => L["Validation.RequiredGeneric"]);
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(v => L["Validation.ValueInvalid", v]);
        p.SetUnknownValueIsInvalidAccessor(v => L["Validation.ValueInvalid", v]);
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => L["Validation.RequiredGeneric"]);
        p.SetValueMustBeANumberAccessor(v => L["Validation.Number", v]);
        p.SetNonPropertyValueMustBeANumberAccessor(() => L["Validation.Number", ""]);
    }

    private static readonly Lazy<IStringLocalizer> Localizer = new(() =>
        new ResourceManagerStringLocalizerFactory(
                Microsoft.Extensions.Options.Options.Create(new LocalizationOptions()),
                Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance)
            .Create(typeof(SharedResource)));

    private static IStringLocalizer L => Localizer.Value;
}

/// An absolute http(s) address; other schemes (javascript:, data:) are refused.
public sealed class HttpUrlAttribute() : LocalizedValidationAttribute("Validation.Url")
{
    public override bool IsValid(object? value) =>
        value is not string s || string.IsNullOrWhiteSpace(s)
        || (Uri.TryCreate(s.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Contains('.'));
}
