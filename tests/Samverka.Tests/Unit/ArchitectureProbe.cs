// A deliberate violation for ArchitectureTests' test of the test: a "register" type that uses Partnerships. It lives
// in the test assembly, which the real check does not scan.
namespace Samverka.Features.Register;

internal sealed class ArchitectureProbe
{
    public Samverka.Features.Partnerships.PartnershipStatus Status { get; init; }
}
