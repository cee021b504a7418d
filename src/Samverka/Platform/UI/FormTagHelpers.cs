using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Samverka.Platform.UI;

/// One form field, always the same shape: label, optional hint, the error next to the field, then the control,
/// tied together with aria-describedby. Usage: &lt;sv-field for="Input.Email" type="email" autocomplete="email" /&gt;
[HtmlTargetElement("sv-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(IStringLocalizer<SharedResource> l, HtmlEncoder enc) : TagHelper
{
    [HtmlAttributeName("for")] public ModelExpression For { get; set; } = default!;
    [HtmlAttributeName("type")] public string Type { get; set; } = "text";
    [HtmlAttributeName("hint")] public string? Hint { get; set; }
    [HtmlAttributeName("autocomplete")] public string? Autocomplete { get; set; }
    [HtmlAttributeName("items")] public IEnumerable<SelectListItem>? Items { get; set; }
    [HtmlAttributeName("rows")] public int Rows { get; set; } = 5;
    [HtmlAttributeName("readonly")] public bool ReadOnly { get; set; }
    [HtmlAttributeName("width")] public string? Width { get; set; }
    /// Overrides the property's display name where one input model serves several forms.
    [HtmlAttributeName("label")] public string? Label { get; set; }
    [HtmlAttributeName("required")] public bool? Required { get; set; }

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var label = Label ?? For.Metadata.DisplayName ?? For.Name;
        var isRequired = Required ?? For.Metadata.IsRequired;
        var errors = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry)
            ? entry.Errors.Select(e => e.ErrorMessage).Where(m => m.Length > 0).ToList()
            : [];
        var attempted = entry?.AttemptedValue;
        var value = attempted ?? For.Model switch
        {
            null => "",
            bool b => b ? "true" : "false",
            DateTime d => d.ToString("yyyy-MM-dd"),
            DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly t => t.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            // A decimal read back from the database keeps its stored scale ("250000.0"); a number field shows it
            // without trailing zeros, so that the value posts back as the number it is in every language.
            decimal m => m.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            var m => m.ToString() ?? "",
        };

        var html = new System.Text.StringBuilder();

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors.Count > 0 ? "field field--error" : "field");

        if (Type == "checkbox")
        {
            html.Append("<div class=\"checkbox\">");
            var isChecked = attempted is not null ? attempted.Split(',').Contains("true") : For.Model is true;
            html.Append($"<input type=\"checkbox\" id=\"{id}\" name=\"{enc.Encode(name)}\" value=\"true\"{(isChecked ? " checked" : "")}");
            if (errors.Count > 0) html.Append($" aria-invalid=\"true\" aria-describedby=\"{id}-error\"");
            html.Append($"><input type=\"hidden\" name=\"{enc.Encode(name)}\" value=\"false\">");
            html.Append($"<label for=\"{id}\">{enc.Encode(label)}</label></div>");
            AppendErrors(html, id, errors, enc);
            output.Content.SetHtmlContent(html.ToString());
            return;
        }

        html.Append($"<label class=\"label\" for=\"{id}\">{enc.Encode(label)}");
        if (!isRequired && Type != "password")
            html.Append($" <span class=\"optional\">{enc.Encode(l["Form.Optional"])}</span>");
        html.Append("</label>");
        if (!string.IsNullOrEmpty(Hint))
            html.Append($"<p class=\"hint\" id=\"{id}-hint\">{enc.Encode(Hint)}</p>");
        AppendErrors(html, id, errors, enc);

        var common = new System.Text.StringBuilder();
        common.Append($" id=\"{id}\" name=\"{enc.Encode(name)}\"");
        if (isRequired) common.Append(" required aria-required=\"true\"");
        if (ReadOnly) common.Append(" readonly");
        if (!string.IsNullOrEmpty(Autocomplete)) common.Append($" autocomplete=\"{enc.Encode(Autocomplete)}\"");
        var describedList = new List<string>();
        if (!string.IsNullOrEmpty(Hint)) describedList.Add(id + "-hint");
        if (errors.Count > 0) { describedList.Add(id + "-error"); common.Append(" aria-invalid=\"true\""); }
        if (describedList.Count > 0) common.Append($" aria-describedby=\"{string.Join(' ', describedList)}\"");
        var maxLength = MaxLength();
        if (maxLength is { } max && Type != "select") common.Append($" maxlength=\"{max}\"");
        var width = Width is null ? "" : $" input--{Width}";

        switch (Type)
        {
            case "textarea":
                html.Append($"<textarea class=\"input textarea{width}\" rows=\"{Rows}\"{common}>{enc.Encode(value)}</textarea>");
                break;
            case "select":
                html.Append($"<select class=\"input select{width}\"{common}>");
                foreach (var item in Items ?? [])
                {
                    var selected = item.Value == value ? " selected" : "";
                    html.Append($"<option value=\"{enc.Encode(item.Value)}\"{selected}>{enc.Encode(item.Text)}</option>");
                }
                html.Append("</select>");
                break;
            default:
                var shownValue = Type == "password" ? "" : value;
                html.Append($"<input class=\"input{width}\" type=\"{enc.Encode(Type)}\" value=\"{enc.Encode(shownValue)}\"{common}>");
                break;
        }
        output.Content.SetHtmlContent(html.ToString());
    }

    private int? MaxLength() =>
        For.Metadata.ValidatorMetadata.OfType<System.ComponentModel.DataAnnotations.StringLengthAttribute>().FirstOrDefault()?.MaximumLength
        ?? For.Metadata.ValidatorMetadata.OfType<System.ComponentModel.DataAnnotations.MaxLengthAttribute>().FirstOrDefault()?.Length;

    private void AppendErrors(System.Text.StringBuilder html, string id, List<string> errors, HtmlEncoder encoder)
    {
        if (errors.Count == 0) return;
        html.Append($"<p class=\"field-error\" id=\"{id}-error\">");
        html.Append($"<span class=\"visually-hidden\">{encoder.Encode(l["Form.ErrorPrefix"])}</span> ");
        html.Append(string.Join("<br>", errors.Select(e => encoder.Encode(e))));
        html.Append("</p>");
    }
}

/// The error summary at the top of a form: every problem, each a link to its field.
[HtmlTargetElement("sv-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper(IStringLocalizer<SharedResource> l, HtmlEncoder enc) : TagHelper
{
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var state = ViewContext.ViewData.ModelState;
        var problems = state.Where(kv => kv.Value is { Errors.Count: > 0 })
            .SelectMany(kv => kv.Value!.Errors.Select(e => (Key: kv.Key, e.ErrorMessage)))
            .Where(p => p.ErrorMessage.Length > 0)
            .OrderBy(p => FormOrder(ViewContext.ViewData.Model?.GetType(), p.Key))
            .ToList();
        if (problems.Count == 0)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("aria-labelledby", "error-summary-title");
        var html = new System.Text.StringBuilder();
        html.Append($"<h2 class=\"error-summary__title\" id=\"error-summary-title\">{enc.Encode(l["Form.ErrorSummaryTitle"])}</h2><ul class=\"error-summary__list\">");
        foreach (var (key, message) in problems)
        {
            if (key.Length == 0) html.Append($"<li>{enc.Encode(message)}</li>");
            else html.Append($"<li><a href=\"#{TagBuilder.CreateSanitizedId(key, "_")}\">{enc.Encode(message)}</a></li>");
        }
        html.Append("</ul>");
        output.Content.SetHtmlContent(html.ToString());
    }

    /// Problems are listed in the order the fields appear: property declaration order of the bound input
    /// (derived class first, then its base), model-level problems first.
    private static int FormOrder(Type? pageModel, string key)
    {
        if (key.Length == 0) return -1;
        var type = pageModel;
        var order = 0;
        foreach (var segment in key.Split('.'))
        {
            var properties = type?.GetProperties();
            var index = properties is null ? -1 : Array.FindIndex(properties, p => p.Name == segment);
            if (index < 0) return int.MaxValue;
            order = order * 100 + index;
            type = properties![index].PropertyType;
        }
        return order;
    }
}

/// A group of checkboxes for a list property, in a fieldset with its legend, hint and error.
/// Usage: &lt;sv-checkboxes for="Input.Areas" items="@Model.AreaChoices" /&gt;
[HtmlTargetElement("sv-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CheckboxesTagHelper(HtmlEncoder enc, IStringLocalizer<SharedResource> l) : TagHelper
{
    [HtmlAttributeName("for")] public ModelExpression For { get; set; } = default!;
    [HtmlAttributeName("items")] public IEnumerable<SelectListItem> Items { get; set; } = [];
    [HtmlAttributeName("hint")] public string? Hint { get; set; }
    [HtmlAttributeName("columns")] public bool Columns { get; set; }
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var errors = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry)
            ? entry.Errors.Select(e => e.ErrorMessage).Where(m => m.Length > 0).ToList() : [];
        var selected = entry?.AttemptedValue is { } attempted
            ? attempted.Split(',').ToHashSet()
            : (For.Model as IEnumerable<string> ?? []).ToHashSet();
        var html = new System.Text.StringBuilder();
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors.Count > 0 ? "field field--error" : "field");
        var describedBy = string.Join(' ', new[] { Hint is null ? null : id + "-hint", errors.Count > 0 ? id + "-error" : null }.Where(x => x is not null));
        html.Append($"<fieldset id=\"{id}\"{(describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : "")}>");
        html.Append($"<legend>{enc.Encode(For.Metadata.DisplayName ?? For.Name)}</legend>");
        if (Hint is not null) html.Append($"<p class=\"hint\" id=\"{id}-hint\">{enc.Encode(Hint)}</p>");
        if (errors.Count > 0)
            html.Append($"<p class=\"field-error\" id=\"{id}-error\"><span class=\"visually-hidden\">{enc.Encode(l["Form.ErrorPrefix"])}</span> {string.Join("<br>", errors.Select(e => enc.Encode(e)))}</p>");
        html.Append(Columns ? "<div class=\"checkboxes checkboxes--columns\">" : "<div class=\"checkboxes\">");
        var i = 0;
        foreach (var item in Items)
        {
            var itemId = $"{id}_{i++}";
            html.Append($"<div class=\"checkbox\"><input type=\"checkbox\" id=\"{itemId}\" name=\"{enc.Encode(name)}\" value=\"{enc.Encode(item.Value)}\"{(selected.Contains(item.Value) ? " checked" : "")}>");
            html.Append($"<label for=\"{itemId}\">{enc.Encode(item.Text)}</label></div>");
        }
        html.Append("</div></fieldset>");
        output.Content.SetHtmlContent(html.ToString());
    }
}
