using System.Security.Cryptography;
using System.Text;

namespace Analysis.Kernel.Protocol;

/// <summary>
/// HMAC-SHA256 over the four JSON frames (header, parent header, metadata, content), hex encoded,
/// as the messaging protocol specifies. An empty key means signing is disabled.
/// </summary>
public sealed class MessageSigner(string key)
{
    private readonly byte[] key = Encoding.UTF8.GetBytes(key);

    /// <summary>False when the key is empty: messages are neither signed nor checked.</summary>
    public bool Enabled => key.Length > 0;

    /// <summary>The signature of the given frames ("" when signing is disabled).</summary>
    public string Sign(params ReadOnlySpan<byte[]> frames)
    {
        if (key.Length == 0) return "";
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        foreach (var frame in frames) hmac.AppendData(frame);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>True when <paramref name="signature"/> matches the frames, compared in constant time.</summary>
    public bool Verify(string signature, params ReadOnlySpan<byte[]> frames)
    {
        if (key.Length == 0) return true;
        var expected = Encoding.ASCII.GetBytes(Sign(frames));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));
    }
}
