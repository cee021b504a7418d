using Microsoft.EntityFrameworkCore.Metadata;

namespace Samverka.Platform.Merging;

/// A feature that stores organisation ids and must keep them right when two register entries are merged: the merged
/// entry (the source) is removed, so every row that pointed at it must point at the entry that stays (the target), or
/// be removed where the target already has the same link. Called inside the merge's transaction, before anything is
/// saved; changes go to the same context. Lives in Platform so that every feature's manifest can be held to it
/// (`MergeCoverage`), whatever feature owns the organisations.
public interface IMergeParticipant
{
    /// Every mapped property holding an organisation id that this participant answers for — moved in `MoveAsync`, or
    /// deliberately left (history that must keep pointing at the removed entry), with the reason in a comment.
    /// `MergeCoverage` fails for any organisation-id property that no participant lists.
    IReadOnlyCollection<(Type Entity, string Property)> Handles { get; }

    Task MoveAsync(Guid sourceId, Guid targetId, CancellationToken ct);
}

/// Finds the organisation-id properties of a model that no merge participant answers for. A property refers to an
/// organisation when it is part of a foreign key to the organisation entity, or when it is a Guid named
/// `OrganisationId` or ending in `OrganisationId` (ids kept without a foreign key count too: they are what a merge
/// leaves dangling).
public static class MergeCoverage
{
    public static IReadOnlyList<(Type Entity, string Property)> OrganisationReferences(IModel model, Type organisationEntity)
    {
        var found = new List<(Type, string)>();
        foreach (var entity in model.GetEntityTypes().Where(e => !e.IsOwned()))
        {
            foreach (var property in entity.GetProperties())
            {
                var byKey = property.GetContainingForeignKeys().Any(fk => fk.PrincipalEntityType.ClrType == organisationEntity);
                var byName = (property.ClrType == typeof(Guid) || property.ClrType == typeof(Guid?))
                    && property.Name.EndsWith("OrganisationId", StringComparison.Ordinal);
                if (byKey || byName) found.Add((entity.ClrType, property.Name));
            }
        }
        return found;
    }

    public static IReadOnlyList<(Type Entity, string Property)> Unhandled(IModel model, Type organisationEntity, IEnumerable<IMergeParticipant> participants)
    {
        var handled = participants.SelectMany(p => p.Handles).ToHashSet();
        return OrganisationReferences(model, organisationEntity).Where(r => !handled.Contains(r)).ToList();
    }
}
