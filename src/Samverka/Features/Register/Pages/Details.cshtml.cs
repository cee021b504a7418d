using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Platform.Data;
using Samverka.Platform.Identity;

namespace Samverka.Features.Register.Pages;

[AllowAnonymous]
public sealed class DetailsModel(AppDbContext db, CurrentUser current) : PageModel
{
    public Organisation Organisation { get; private set; } = default!;
    public bool IsMember { get; private set; }
    public bool CanAdminister { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var o = await db.Organisations().AsNoTracking().Include(x => x.HomeMunicipality).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return NotFound();
        Organisation = o;
        var access = await current.GetAccessAsync(ct);
        IsMember = access.IsMemberOf(id);
        CanAdminister = access.CanAdministerOrganisation(id);
        return Page();
    }
}
