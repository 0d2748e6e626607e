using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using SaaSMdm.Apple.Cms;

namespace SaaSMdm.Apple.Scep;

/// <summary>Writes and reads the SCEP authenticated attributes (RFC 8894 section 3.2.1) of a SignerInfo.</summary>
internal static class ScepAttributeCodec
{
    private const int MaxTransactionIdLength = 128;
    private const int MaxNonceLength = 64;

    public static void AddTo(CryptographicAttributeObjectCollection target, ScepMessageAttributes attributes)
    {
        target.Add(new AsnEncodedData(ScepOids.MessageType, PrintableNumber((int)attributes.MessageType)));
        target.Add(new AsnEncodedData(ScepOids.TransactionId, Printable(attributes.TransactionId)));
        target.Add(new AsnEncodedData(ScepOids.SenderNonce, Octets(attributes.SenderNonce)));
        if (attributes.RecipientNonce is { } recipientNonce)
        {
            target.Add(new AsnEncodedData(ScepOids.RecipientNonce, Octets(recipientNonce)));
        }

        if (attributes.PkiStatus is { } status)
        {
            target.Add(new AsnEncodedData(ScepOids.PkiStatus, PrintableNumber((int)status)));
        }

        if (attributes.FailInfo is { } failInfo)
        {
            target.Add(new AsnEncodedData(ScepOids.FailInfo, PrintableNumber((int)failInfo)));
        }

        if (attributes.SigningTime is { } signingTime)
        {
            target.Add(new Pkcs9SigningTime(signingTime.UtcDateTime));
        }
    }

    /// <exception cref="ScepException">A mandatory attribute is missing, repeated or badly encoded.</exception>
    public static ScepMessageAttributes Read(CryptographicAttributeObjectCollection attributes)
    {
        var messageType = ReadNumber(Required(attributes, ScepOids.MessageType, "messageType"), "messageType");
        var transactionId = ReadString(Required(attributes, ScepOids.TransactionId, "transactionID"), "transactionID");
        if (transactionId.Length is 0 or > MaxTransactionIdLength)
        {
            throw new ScepException($"The transactionID must have 1 to {MaxTransactionIdLength} characters, not {transactionId.Length}.");
        }

        var pkiStatus = Optional(attributes, ScepOids.PkiStatus, "pkiStatus");
        var failInfo = Optional(attributes, ScepOids.FailInfo, "failInfo");
        var recipientNonce = Optional(attributes, ScepOids.RecipientNonce, "recipientNonce");
        var signingTime = Optional(attributes, CmsOids.SigningTime, "signingTime");
        return new ScepMessageAttributes(
            (ScepMessageType)messageType,
            transactionId,
            ReadNonce(Required(attributes, ScepOids.SenderNonce, "senderNonce"), "senderNonce"))
        {
            RecipientNonce = recipientNonce is null ? null : ReadNonce(recipientNonce, "recipientNonce"),
            PkiStatus = pkiStatus is null ? null : (ScepPkiStatus)ReadNumber(pkiStatus, "pkiStatus"),
            FailInfo = failInfo is null ? null : (ScepFailInfo)ReadNumber(failInfo, "failInfo"),
            SigningTime = signingTime is null ? null : ReadSigningTime(signingTime),
        };
    }

    private static byte[] Required(CryptographicAttributeObjectCollection attributes, string oid, string name) =>
        Optional(attributes, oid, name) ?? throw new ScepException($"The {name} attribute is missing.");

    private static byte[]? Optional(CryptographicAttributeObjectCollection attributes, string oid, string name)
    {
        var values = attributes.Cast<CryptographicAttributeObject>()
            .Where(attribute => attribute.Oid.Value == oid)
            .SelectMany(attribute => attribute.Values.Cast<AsnEncodedData>())
            .ToList();
        return values.Count switch
        {
            0 => null,
            1 => values[0].RawData,
            _ => throw new ScepException($"The {name} attribute has {values.Count} values; exactly one is expected."),
        };
    }

    private static int ReadNumber(byte[] encoded, string name)
    {
        var text = ReadString(encoded, name);
        return text.Length <= 9 && text.All(char.IsAsciiDigit) && text.Length > 0
            ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)
            : throw new ScepException($"The {name} attribute is not a decimal number: '{text}'.");
    }

    private static string ReadString(byte[] encoded, string name) =>
        DirectoryStrings.TryRead(encoded, out var value, out var problem)
            ? value
            : throw new ScepException($"The {name} attribute is not a string: {problem}.");

    private static byte[] ReadNonce(byte[] encoded, string name)
    {
        try
        {
            var reader = new AsnReader(encoded, AsnEncodingRules.BER);
            var nonce = reader.ReadOctetString();
            reader.ThrowIfNotEmpty();
            return nonce.Length is > 0 and <= MaxNonceLength
                ? nonce
                : throw new ScepException($"The {name} must have 1 to {MaxNonceLength} bytes, not {nonce.Length}.");
        }
        catch (AsnContentException e)
        {
            throw new ScepException($"The {name} attribute is not an OCTET STRING: {e.Message}", e);
        }
    }

    private static DateTimeOffset ReadSigningTime(byte[] encoded)
    {
        try
        {
            return new DateTimeOffset(new Pkcs9SigningTime(encoded).SigningTime.ToUniversalTime(), TimeSpan.Zero);
        }
        catch (CryptographicException e)
        {
            throw new ScepException($"The signingTime attribute is badly encoded: {e.Message}", e);
        }
    }

    private static byte[] PrintableNumber(int value) => Printable(value.ToString(CultureInfo.InvariantCulture));

    private static byte[] Printable(string value)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteCharacterString(UniversalTagNumber.PrintableString, value);
        return writer.Encode();
    }

    private static byte[] Octets(byte[] value)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteOctetString(value);
        return writer.Encode();
    }
}
