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

    /// <summary>The header's msg_type (parsing guarantees it is a string).</summary>
    public string Type => String(Header, "msg_type") ?? "";

    /// <summary>The header's msg_id, or "" when it is absent or not a string.</summary>
    public string Id => String(Header, "msg_id") ?? "";

    /// <summary>A string field of <paramref name="json"/>, or null when it is absent, of another JSON type or not valid UTF-16 (a lone surrogate escape).</summary>
    public static string? String(JsonObject json, string field) => TryGet(json, field, out string? text) ? text : null;

    /// <summary>A boolean field, or null when it is absent or of another JSON type.</summary>
    public static bool? Bool(JsonObject json, string field) => TryGet(json, field, out bool flag) ? flag : null;

    /// <summary>An integer field, or null when it is absent, not a number or not a whole number in range.</summary>
    public static int? Int(JsonObject json, string field) => TryGet(json, field, out int number) ? number : null;

    private static bool TryGet<T>(JsonObject json, string field, out T? value)
    {
        value = default;
        // TryGetValue throws rather than fails on an escaped lone surrogate: such text is no valid field either.
        try { return json[field] is JsonValue node && node.TryGetValue(out value); }
        catch (InvalidOperationException) { return false; }
    }

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
    /// <remarks>
    /// With a <paramref name="history"/>, a validly signed message whose signature was accepted before is rejected
    /// as a replay. A header whose msg_type is missing or not a string is rejected too: nothing could answer it.
    /// </remarks>
    public static Message? FromFrames(IReadOnlyList<byte[]> frames, MessageSigner signer, out string? rejection, SignatureHistory? history = null)
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
        Message message;
        try
        {
            message = new Message(frames.Take(delimiter).ToList(), ParseObject(parts[0]), ParseObject(parts[1]), ParseObject(parts[2]),
                ParseObject(parts[3]), frames.Skip(delimiter + 6).ToList());
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or ArgumentException)
        {
            rejection = $"malformed JSON part: {e.Message}";
            return null;
        }
        if (String(message.Header, "msg_type") is not { Length: > 0 })
        {
            rejection = "header without a string msg_type";
            return null;
        }
        // Checked last, so that a rejected message does not take a place in the history.
        if (signer.Enabled && history is not null && !history.TryAdd(signature.ToLowerInvariant()))
        {
            rejection = "duplicate signature (a replayed message)";
            return null;
        }
        rejection = null;
        return message;
    }

    /// <summary>Duplicate keys fail here rather than later, wherever a handler first touches that object.</summary>
    private static readonly System.Text.Json.JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    /// <summary>A JSON part; one that is valid JSON but not an object counts as empty, as jupyter_client reads it.</summary>
    private static JsonObject ParseObject(byte[] utf8) => JsonNode.Parse(utf8, documentOptions: StrictJson) as JsonObject ?? [];

    private static byte[] Utf8(JsonObject node) => Encoding.UTF8.GetBytes(node.ToJsonString());
}
