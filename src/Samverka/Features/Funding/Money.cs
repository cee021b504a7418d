namespace Samverka.Features.Funding;

/// Amounts as people read them in the page's language: whole units with the language's grouping, then the unit.
public static class Money
{
    public static string Format(decimal amount, string currency, IFormatProvider? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var number = amount == decimal.Truncate(amount) ? amount.ToString("N0", culture) : amount.ToString("N2", culture);
        return currency switch
        {
            "SEK" => number + " kr",
            "EUR" => number + " €",
            _ => number + " " + currency,
        };
    }
}
