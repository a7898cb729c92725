using System.Text;
using System.Text.Json.Nodes;

namespace Analysis.Kernel.Protocol;

/// <summary>One Jupyter message: the routing identities that came before the delimiter, the four JSON parts and any buffers.</summary>
public sealed record Message(
    IReadOnlyList<byte[]> Identities,
    JsonObject Header,
    JsonObject ParentHeader,
    JsonObject Metadata,
    JsonObject Content,
    IReadOnlyList<byte[]> Buffers)
{
    /// <summary>The protocol version this kernel speaks.</summary>
    public const string ProtocolVersion = "5.3";

    private static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    public string Type => Header["msg_type"]?.GetValue<string>() ?? "";

    public string Id => Header["msg_id"]?.GetValue<string>() ?? "";

    /// <summary>A new message whose parent is <paramref name="parent"/> (or none), sent by the kernel session <paramref name="session"/>.</summary>
    public static Message Create(string session, string type, JsonObject content, Message? parent, IReadOnlyList<byte[]>? identities = null) =>
        new(identities ?? parent?.Identities ?? [],
            new JsonObject
            {
                ["msg_id"] = Guid.NewGuid().ToString("N"),
                ["session"] = session,
                ["username"] = "kernel",
                ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffzzz"),
                ["msg_type"] = type,
                ["version"] = ProtocolVersion,
            },
            (JsonObject?)parent?.Header.DeepClone() ?? [],
            [],
            content,
            []);

    /// <summary>The wire frames: identities, delimiter, signature, the four JSON parts, buffers.</summary>
    public List<byte[]> ToFrames(MessageSigner signer)
    {
        byte[][] parts = [Utf8(Header), Utf8(ParentHeader), Utf8(Metadata), Utf8(Content)];
        var frames = new List<byte[]>(Identities.Count + 6 + Buffers.Count);
        frames.AddRange(Identities);
        frames.Add(Delimiter);
        frames.Add(Encoding.ASCII.GetBytes(signer.Sign(parts)));
        frames.AddRange(parts);
        frames.AddRange(Buffers);
        return frames;
    }

    /// <summary>
    /// Parses wire frames. Returns null with a reason when the frames are malformed or the signature does not
    /// match: such a message must be dropped, never acted on.
    /// </summary>
    public static Message? FromFrames(IReadOnlyList<byte[]> frames, MessageSigner signer, out string? rejection)
    {
        var delimiter = -1;
        for (var i = 0; i < frames.Count; i++)
            if (frames[i].AsSpan().SequenceEqual(Delimiter)) { delimiter = i; break; }
        if (delimiter < 0 || frames.Count < delimiter + 6)
        {
            rejection = $"malformed message ({frames.Count} frames, delimiter at {delimiter})";
            return null;
        }
        var signature = Encoding.ASCII.GetString(frames[delimiter + 1]);
        byte[][] parts = [frames[delimiter + 2], frames[delimiter + 3], frames[delimiter + 4], frames[delimiter + 5]];
        if (!signer.Verify(signature, parts))
        {
            rejection = "invalid signature";
            return null;
        }
        try
        {
            var header = ParseObject(parts[0]);
            rejection = null;
            return new Message(frames.Take(delimiter).ToList(), header, ParseObject(parts[1]), ParseObject(parts[2]),
                ParseObject(parts[3]), frames.Skip(delimiter + 6).ToList());
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            rejection = $"malformed JSON part: {e.Message}";
            return null;
        }
    }

    private static JsonObject ParseObject(byte[] utf8) => JsonNode.Parse(utf8) as JsonObject ?? [];

    private static byte[] Utf8(JsonObject node) => Encoding.UTF8.GetBytes(node.ToJsonString());
}
