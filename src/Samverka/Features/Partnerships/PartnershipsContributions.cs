using Samverka.Features.Advisor;
using Samverka.Features.Municipalities;
using Samverka.Features.Needs;
using Samverka.Features.Register;
using Samverka.Platform.Modules;

namespace Samverka.Features.Partnerships;

/// "Start a partnership" where a partnership can begin — on an organisation, a municipality, a saved advice — and a
/// municipality's partnerships, each shown by WhoMayStart.
internal sealed class PartnershipsContributions(IStringLocalizer<SharedResource> l)
    : IPageContribution<OrganisationPage>, IPageContribution<MunicipalityPage>, IPageContribution<SavedAdvicePage>, IPageContribution<NeedPage>
{
    public Task<IReadOnlyList<PageLink>> ContributeAsync(OrganisationPage page, CancellationToken ct) =>
        Links(WhoMayStart.WithOrganisation(page.Viewer, page.IsVerified)
            ? [new(OrganisationPage.Actions, 10, $"/partnerships/new?organisation={page.Id}", l["Partnerships.StartWith", page.Name])]
            : []);

    public Task<IReadOnlyList<PageLink>> ContributeAsync(MunicipalityPage page, CancellationToken ct)
    {
        var m = page.Municipality;
        List<PageLink> links = [new(MunicipalityPage.WorkWith, 20, $"/partnerships?municipality={m.Code}", l["Partnerships.InMunicipality", m.Name])];
        if (WhoMayStart.WithMunicipality(page.Viewer, m.Id))
            links.Add(new(MunicipalityPage.WorkWith, 21, $"/partnerships/new?municipality={m.Code}", l["Partnerships.StartWith", m.Name]));
        return Links(links);
    }

    public Task<IReadOnlyList<PageLink>> ContributeAsync(NeedPage page, CancellationToken ct)
    {
        var links = new List<PageLink>();
        if (WhoMayStart.WithMunicipality(page.Viewer, page.Municipality.Id))
            links.Add(new(NeedPage.WithMunicipality, 10, $"/partnerships/new?need={page.NeedId}", l["Partnerships.StartWith", page.Municipality.Name]));
        if (WhoMayStart.AboutNeedWithOrganisation(page.Viewer, page.Municipality.Id))
            links.AddRange(page.Organisations.Select(o => new PageLink(NeedPage.WithOrganisation(o.Key), 10,
                $"/partnerships/new?need={page.NeedId}&organisation={o.Key}", l["Partnerships.StartWith", o.Value])));
        return Links(links);
    }

    // Anyone may follow the link: the new-partnership page asks a visitor to sign in and keeps the advice.
    public Task<IReadOnlyList<PageLink>> ContributeAsync(SavedAdvicePage page, CancellationToken ct) =>
        Links([new(SavedAdvicePage.Next, 10, $"/partnerships/new?advice={page.Token}", l["Partnerships.StartFromAdvice"], IsButton: true)]);

    private static Task<IReadOnlyList<PageLink>> Links(IReadOnlyList<PageLink> links) => Task.FromResult(links);
}
