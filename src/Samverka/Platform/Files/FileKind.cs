using System.IO.Compression;
using System.Text;

namespace Samverka.Platform.Files;

/// The kinds of file Samverka accepts, each recognised by its content.
public enum FileKind { Pdf, Png, Jpeg, Docx, Xlsx, Odt, Ods, Text }

public static class FileKinds
{
    public static string ContentType(FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Png => "image/png",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileKind.Odt => "application/vnd.oasis.opendocument.text",
        FileKind.Ods => "application/vnd.oasis.opendocument.spreadsheet",
        _ => "text/plain; charset=utf-8",
    };

    /// What the bytes are, or null for anything else (an executable renamed .pdf, a Word file renamed .csv, text
    /// that is not UTF-8). Office formats are zip archives: told apart by the parts inside.
    public static FileKind? Detect(byte[] bytes)
    {
        ReadOnlySpan<byte> b = bytes;
        if (b.StartsWith("%PDF-"u8)) return FileKind.Pdf;
        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return FileKind.Png;
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return FileKind.Jpeg;
        if (b.StartsWith("PK\x03\x04"u8)) return Zipped(bytes);
        return IsText(b) ? FileKind.Text : null;
    }

    private static FileKind? Zipped(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            if (zip.GetEntry("mimetype") is { } mime)
            {
                using var reader = new StreamReader(mime.Open(), Encoding.ASCII);
                return reader.ReadToEnd().Trim() switch
                {
                    "application/vnd.oasis.opendocument.text" => FileKind.Odt,
                    "application/vnd.oasis.opendocument.spreadsheet" => FileKind.Ods,
                    _ => null,
                };
            }
            if (zip.GetEntry("[Content_Types].xml") is null) return null;
            if (zip.GetEntry("word/document.xml") is not null) return FileKind.Docx;
            if (zip.GetEntry("xl/workbook.xml") is not null) return FileKind.Xlsx;
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// UTF-8 (with or without a byte-order mark) and no control characters but tab and line breaks.
    private static bool IsText(ReadOnlySpan<byte> b)
    {
        if (b.IsEmpty) return false;
        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) b = b[3..];
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(b);
            return !text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'));
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
