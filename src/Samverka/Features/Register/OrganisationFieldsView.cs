namespace Samverka.Features.Register;

/// A page that shows the shared organisation fields (registration and editing): the partial binds to its Input.
public interface IOrganisationFormPage
{
    OrganisationInput Input { get; }
    OrganisationForm Form { get; }
}
