using System.Reflection;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Samverka.Platform.Documents;

/// The fonts documents are set in, shipped in the repository (Fonts/, DejaVu Sans with its licence) and embedded in
/// the assembly, so a PDF looks the same and keeps every letter (å ä ö, ā č ē ģ ķ ļ ņ š ū ž, ą ė į ų, ã õ ç, Greek)
/// whatever fonts the server has. Every family name resolves to DejaVu Sans, regular or bold.
public sealed class DocumentFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans", Bold = "DejaVuSans-Bold";

    private static readonly object Gate = new();
    private static readonly DocumentFonts Instance = new();
    private static readonly Dictionary<string, byte[]> Faces = new()
    {
        [Regular] = Load("DejaVuSans.ttf"),
        [Bold] = Load("DejaVuSans-Bold.ttf"),
    };

    /// PDFsharp takes one resolver per process, set before any font is used, and refuses another one later; every
    /// writer calls this first, so whichever runs first installs it and the rest find it there.
    public static void Register()
    {
        if (GlobalFontSettings.FontResolver is DocumentFonts) return;
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = Instance;
            else if (GlobalFontSettings.FontResolver is not DocumentFonts)
                throw new InvalidOperationException("Another PDFsharp font resolver is installed; documents need DocumentFonts.");
        }
    }

    /// A font of the document family; Unicode encoding gives the PDF a ToUnicode map, so its text can be copied,
    /// searched and read aloud.
    public static XFont Font(double size, bool bold = false)
    {
        Register();
        return new XFont(Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
    }

    /// Measures text in points at the given size, regular or bold, with the document font: the writers size table
    /// columns with it (the .docx names Calibri, which is narrower, but the proportions between columns hold).
    public static Func<string, bool, double> Measure(double size)
    {
        var regular = Font(size);
        var bold = Font(size, bold: true);
        var gfx = XGraphics.CreateMeasureContext(new XSize(10000, 10000), XGraphicsUnit.Point, XPageDirection.Downwards);
        return (text, strong) => text.Length == 0 ? 0 : gfx.MeasureString(text, strong ? bold : regular).Width;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => Faces.GetValueOrDefault(faceName);

    private static byte[] Load(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Documents.Fonts." + file)
            ?? throw new InvalidOperationException($"The font {file} is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
