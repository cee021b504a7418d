namespace Samverka.Platform.Modules;

/// Every feature's manifest, in the order Program.cs adds the modules: the layout builds its menus from it, Home and
/// Admin read it. Built once; a manifest without a place in the dependency table stops the app at start-up rather than
/// showing a half-built menu (ArchitectureTests checks that each feature folder has exactly one module).
public sealed class FeatureCatalogue
{
    public FeatureCatalogue(IEnumerable<IModule> modules)
    {
        Manifests = modules.Select(m => m.Manifest).ToList();
        foreach (var manifest in Manifests) _ = manifest.Place;
    }

    public IReadOnlyList<ModuleManifest> Manifests { get; }

    /// The entries of one menu the person may see, in order.
    public IReadOnlyList<NavigationEntry> MenuFor(Menu menu, Access access) =>
        Manifests.SelectMany(m => m.Navigation)
            .Where(e => e.Menu == menu && e.Visibility switch
            {
                Visibility.Everyone => true,
                Visibility.SignedIn => access.IsSignedIn,
                Visibility.PlatformAdmin => access.IsPlatformAdmin,
                _ => false,
            })
            .OrderBy(e => e.Order).ToList();

    public IReadOnlyList<PublicDataset> Datasets => Manifests.SelectMany(m => m.Datasets).ToList();

    /// Features that keep register organisation ids and so must take part in merges.
    public IEnumerable<string> KeepingOrganisationIds => Manifests.Where(m => m.StoresOrganisationIds).Select(m => m.Feature);
}
