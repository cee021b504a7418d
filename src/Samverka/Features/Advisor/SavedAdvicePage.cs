namespace Samverka.Features.Advisor;

/// A saved advice's page as other features see it when they contribute to it (IPageContribution): the saved
/// answers' token and who looks.
public sealed record SavedAdvicePage(string Token, Access Viewer)
{
    /// What to do with the advice: links at the end of the page, after "change the answers".
    public const string Next = "next";
}
