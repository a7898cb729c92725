using System.Text;
using System.Text.Json.Nodes;
using Analysis.Kernel.Protocol;

namespace Analysis.Kernel.Tests;

/// <summary>The wire format: signatures and envelopes, against values computed outside this code.</summary>
public class ProtocolTests
{
    [Fact]
    public void SignatureIsHmacSha256OverTheConcatenatedFrames()
    {
        // RFC 4231 test case 2, the data split over two frames.
        var signer = new MessageSigner("Jefe");
        var signature = signer.Sign(Encoding.ASCII.GetBytes("what do ya want "), Encoding.ASCII.GetBytes("for nothing?"));
        Assert.Equal("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", signature);
    }

    [Fact]
    public void EmptyKeyDisablesSigning() => Assert.Equal("", new MessageSigner("").Sign("x"u8.ToArray()));

    [Fact]
    public void FramesRoundTripWithIdentities()
    {
        var signer = new MessageSigner("secret");
        var request = new Message([[1, 2, 3], "client"u8.ToArray()], new JsonObject { ["msg_id"] = "m1", ["msg_type"] = "execute_request" },
            [], [], new JsonObject { ["code"] = "1+1" }, []);
        var reply = Message.Create("kernel-session", "execute_reply", new JsonObject { ["status"] = "ok" }, request);
        var parsed = Message.FromFrames(reply.ToFrames(signer), signer, out var rejection);
        Assert.Null(rejection);
        Assert.NotNull(parsed);
        Assert.Equal([[1, 2, 3], "client"u8.ToArray()], parsed.Identities);
        Assert.Equal("execute_reply", parsed.Type);
        Assert.Equal("m1", parsed.ParentHeader["msg_id"]!.GetValue<string>());
        Assert.Equal("5.3", parsed.Header["version"]!.GetValue<string>());
        Assert.Equal("kernel-session", parsed.Header["session"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("other key", 6)]   // signed with another key
    [InlineData("secret", 6)]      // content changed after signing
    public void TamperedMessagesAreRejected(string key, int contentFrame)
    {
        var message = Message.Create("s", "execute_request", new JsonObject { ["code"] = "1" }, null, ["id"u8.ToArray()]);
        var frames = message.ToFrames(new MessageSigner(key));
        if (key == "secret") frames[contentFrame] = Encoding.UTF8.GetBytes("""{"code":"File.Delete(\"x\")"}""");
        Assert.Null(Message.FromFrames(frames, new MessageSigner("secret"), out var rejection));
        Assert.Equal("invalid signature", rejection);
    }

    [Fact]
    public void FramesWithoutDelimiterAreRejected()
    {
        Assert.Null(Message.FromFrames([[1], [2]], new MessageSigner(""), out var rejection));
        Assert.StartsWith("malformed message", rejection);
    }

    [Fact]
    public void ConnectionFileGivesAddressesAndKey()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """{"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004, "hb_port": 5005, "ip": "127.0.0.1", "key": "k", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "x"}""");
        var info = ConnectionInfo.Load(path);
        File.Delete(path);
        Assert.Equal("tcp://127.0.0.1:5004", info.Address(info.ControlPort));
        Assert.Equal("tcp://127.0.0.1:5005", info.Address(info.HeartbeatPort));
        Assert.Equal("k", info.Key);
    }

    [Fact]
    public void MissingConnectionFileIsAClearError()
    {
        var e = Assert.Throws<FileNotFoundException>(() => ConnectionInfo.Load("/nonexistent/kernel-1.json"));
        Assert.Contains("/nonexistent/kernel-1.json", e.Message);
    }
}
