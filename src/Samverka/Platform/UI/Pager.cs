namespace Samverka.Platform.UI;

/// Page numbers for a list, clamped to the pages that exist.
public sealed class Pager(int page, int pageSize, int total, Func<int, string> urlFor)
{
    public int PageCount { get; } = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
    public int Page { get; } = Math.Clamp(page, 1, Math.Max(1, (int)Math.Ceiling(total / (double)pageSize)));
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
    public string UrlFor(int p) => urlFor(p);
}
