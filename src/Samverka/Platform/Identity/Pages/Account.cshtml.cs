using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Platform.Data;

namespace Samverka.Platform.Identity.Pages;

public sealed class AccountModel(UserManager<AppUser> users, AppDbContext db) : PageModel
{
    public AppUser Me { get; private set; } = default!;
    public List<RoleAssignment> Roles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = await users.GetUserAsync(User);
        if (me is null) return Challenge();
        Me = me;
        Roles = await db.RoleAssignments.AsNoTracking().Include(r => r.Tenant).Include(r => r.Organisation)
            .Where(r => r.UserId == me.Id).OrderBy(r => r.Role).ToListAsync(ct);
        return Page();
    }
}
