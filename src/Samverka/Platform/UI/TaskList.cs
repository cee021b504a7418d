namespace Samverka.Platform.UI;

/// One step of multi-step work, shown with the task-list pattern: its name links to where it is done, its status
/// says whether it is.
public sealed record TaskListItem(string Title, string Href, bool Done, string? Hint = null);
