using Samverka.Features.Partnerships.Agreement;

namespace Samverka.Tests.Partnerships;

/// The download's name is made from the title: cut, if at all, between words.
public sealed class AgreementFileNameTests
{
    [Theory]
    [InlineData("Skolutbildning om psykisk hälsa – Tjejjouren Dalia", 1, "agreement-skolutbildning-om-psykisk-halsa-tjejjouren-dalia-v1")]
    [InlineData("Kompisar i Borlänge – IOP om inkludering", 2, "agreement-kompisar-i-borlange-iop-om-inkludering-v2")]
    [InlineData("Läxhjälp, spelkvällar och sommarjobb för unga i Tjärna Ängar och Jakobsgårdarna tillsammans med föreningarna", 1,
        "agreement-laxhjalp-spelkvallar-och-sommarjobb-for-unga-i-tjarna-angar-v1")]
    [InlineData("Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft Wien", 1,
        "agreement-donaudampfschifffahrtselektrizitatenhauptbetriebswerkbauunterbeamtengesellschaft-v1")]
    [InlineData("???", 3, "agreement-v3")]
    public void Names_are_cut_between_words(string title, int version, string name) =>
        Assert.Equal(name, AgreementFileName.Of(title, version));
}
