using QRCoder;

namespace SaaSMdm.Portal.Settings;

/// <summary>QR codes as PNG data URIs: the portal's CSP allows <c>data:</c> images, and an image needs no script.</summary>
public static class QrCodes
{
    private const int PixelsPerModule = 6;

    public static string PngDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(PixelsPerModule);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
