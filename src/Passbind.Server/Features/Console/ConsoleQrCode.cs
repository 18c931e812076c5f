using QRCoder;

namespace Passbind.Server.Features.Console;

/// <summary>Draws a binding link as an SVG QR code on the server, so a phone's camera can open it; no script, no image request.</summary>
internal static class ConsoleQrCode
{
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data);
        return svg.GetGraphic(new System.Drawing.Size(256, 256), "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
