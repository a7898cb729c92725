using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analysis.Kernel.Protocol;

/// <summary>The connection file a Jupyter front end writes before starting the kernel: where to bind and how to sign.</summary>
public sealed record ConnectionInfo
{
    [JsonPropertyName("transport")] public string Transport { get; init; } = "tcp";
    [JsonPropertyName("ip")] public string Ip { get; init; } = "127.0.0.1";
    [JsonPropertyName("shell_port")] public int ShellPort { get; init; }
    [JsonPropertyName("control_port")] public int ControlPort { get; init; }
    [JsonPropertyName("iopub_port")] public int IopubPort { get; init; }
    [JsonPropertyName("stdin_port")] public int StdinPort { get; init; }
    [JsonPropertyName("hb_port")] public int HeartbeatPort { get; init; }
    [JsonPropertyName("key")] public string Key { get; init; } = "";
    [JsonPropertyName("signature_scheme")] public string SignatureScheme { get; init; } = "hmac-sha256";

    /// <summary>Reads a connection file; throws with the file name when it is missing, malformed or uses another scheme.</summary>
    public static ConnectionInfo Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Connection file '{path}' does not exist.", path);
        ConnectionInfo? info;
        try { info = JsonSerializer.Deserialize<ConnectionInfo>(File.ReadAllText(path)); }
        catch (JsonException e) { throw new InvalidDataException($"Connection file '{path}' is not valid JSON: {e.Message}", e); }
        if (info is null) throw new InvalidDataException($"Connection file '{path}' is empty.");
        if (info.Key.Length > 0 && info.SignatureScheme != "hmac-sha256")
            throw new InvalidDataException($"Connection file '{path}' asks for signature scheme '{info.SignatureScheme}'; only hmac-sha256 is supported.");
        return info;
    }

    /// <summary>The ZeroMQ address of one port, e.g. <c>tcp://127.0.0.1:5555</c> (ipc transport uses <c>ip-port</c> paths).</summary>
    public string Address(int port) => Transport == "ipc" ? $"ipc://{Ip}-{port}" : $"{Transport}://{Ip}:{port}";
}
