using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Platform.Data;
using Samverka.Platform.UI;

namespace Samverka.Features.Register.Pages;

[AllowAnonymous]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 20;
    public string? Q { get; private set; }
    public int Total { get; private set; }
    public List<Organisation> Items { get; private set; } = [];
    public Pager Pager { get; private set; } = default!;

    public async Task OnGetAsync(string? q, int? page, CancellationToken ct)
    {
        Q = q?.Length > 200 ? q[..200] : q;
        var query = OrganisationQueries.Filter(db.Organisations().AsNoTracking(), Q);
        Total = await query.CountAsync(ct);
        Pager = new Pager(page ?? 1, PageSize, Total, p => $"/organisations?{(string.IsNullOrEmpty(Q) ? "" : "q=" + Uri.EscapeDataString(Q) + "&")}page={p}");
        Items = await query.Include(o => o.HomeMunicipality).OrderBy(o => o.Name)
            .Skip((Pager.Page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }
}
