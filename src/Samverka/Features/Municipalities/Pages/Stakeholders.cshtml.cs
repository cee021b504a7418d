using Samverka.Features.Municipalities.Stakeholders;

namespace Samverka.Features.Municipalities.Pages;

/// The municipality's stakeholder map: an influence × interest grid drawn as SVG, and the same as a table.
/// For the municipality's own staff only.
[Authorize(Policy = Policies.TenantStaff)]
public sealed class StakeholdersModel(AppDbContext db) : MunicipalityPageModel
{
    public IReadOnlyList<Stakeholder> Stakeholders { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Stakeholders = await db.Stakeholders().AsNoTracking().Where(s => s.PartnershipId == null)
            .OrderByDescending(s => s.Influence).ThenByDescending(s => s.Interest).ThenBy(s => s.Name).Take(200).ToListAsync(ct);
        return Page();
    }

    /// Where a stakeholder's dot sits in the SVG: cells of 100 × 100 units per scale step (interest along x after the
    /// left margin, influence up from the bottom), several in one cell
    /// spread along a small circle so none hides another.
    public static IReadOnlyList<(Stakeholder Stakeholder, double X, double Y, int Number)> Layout(IReadOnlyList<Stakeholder> stakeholders)
    {
        var placed = new List<(Stakeholder, double, double, int)>();
        var number = 0;
        foreach (var cell in stakeholders.GroupBy(s => (s.Interest, s.Influence)))
        {
            var items = cell.ToList();
            for (var i = 0; i < items.Count; i++)
            {
                var cx = Margin + (cell.Key.Interest - 0.5) * Step;
                var cy = (5 - cell.Key.Influence + 0.5) * Step;
                if (items.Count > 1)
                {
                    var angle = 2 * Math.PI * i / items.Count;
                    cx += Math.Cos(angle) * 26;
                    cy += Math.Sin(angle) * 26;
                }
                placed.Add((items[i], cx, cy, ++number));
            }
        }
        return placed;
    }

    public const double Step = 100, Margin = 60;
}
