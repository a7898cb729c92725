using System.Text;
using System.Text.Json.Nodes;
using Analysis.Kernel.Protocol;
using CsCheck;
using NetMQ;

namespace Analysis.Kernel.Tests;

/// <summary>
/// Hostile clients on the wire, against a kernel server in this process with the real handlers: replays, wrong JSON
/// types, over-large messages and random frames never crash it, never run anything twice and never go unlogged.
/// </summary>
public sealed class WireProtocolTests
{
    private static readonly TimeSpan NoReply = TimeSpan.FromSeconds(1);

    private static JsonObject ExecuteContent(string code) => new()
    {
        ["code"] = code, ["silent"] = false, ["store_history"] = true, ["user_expressions"] = new JsonObject(),
        ["allow_stdin"] = false, ["stop_on_error"] = true,
    };

    [Fact]
    public void ReplayedSignedMessageIsExecutedOnce()
    {
        using var kernel = new InProcessKernel();
        var frames = kernel.Frames("execute_request", ExecuteContent("1 + 1"));
        var id = Message.FromFrames(frames, kernel.Signer, out _)!.Id;
        kernel.Shell.SendMultipartBytes(frames);
        Assert.Equal("ok", Message.String(kernel.Reply(id, TimeSpan.FromSeconds(60))!.Content, "status"));
        kernel.Shell.SendMultipartBytes(frames);
        Assert.Null(kernel.Reply(id, NoReply));
        Assert.Equal(1, kernel.Executed);
        Assert.Contains("dropped a message on shell: duplicate signature", kernel.Log);
    }

    [Fact]
    public void ReplayCheckIsBoundedAndForgetsTheOldest()
    {
        var history = new SignatureHistory(capacity: 3);
        Assert.True(history.TryAdd("a"));
        Assert.False(history.TryAdd("a"));
        foreach (var s in new[] { "b", "c", "d" }) Assert.True(history.TryAdd(s));
        Assert.True(history.TryAdd("a")); // forgotten after three newer ones
        Assert.False(history.TryAdd("d"));
    }

    [Theory]
    [InlineData("""{"msg_id": "m1", "msg_type": 42, "session": "s", "username": "u", "version": "5.3"}""")]
    [InlineData("""{"msg_id": "m1", "msg_type": null, "session": "s"}""")]
    [InlineData("""{"msg_id": "m1", "msg_type": {"a": 1}, "session": "s"}""")]
    [InlineData("""{"msg_id": "m1", "session": "s"}""")]
    [InlineData("""["execute_request"]""")]
    [InlineData("""{"msg_id": "m1", "msg_type": "execute_request", "msg_type": "kernel_info_request"}""")]
    public void SignedHeaderWithoutAStringMsgTypeIsDroppedAndTheKernelServes(string header)
    {
        using var kernel = new InProcessKernel();
        kernel.Shell.SendMultipartBytes(Signed(kernel.Signer, header, "{}", "{}", """{"code": "1"}"""));
        Assert.True(kernel.Answers(), "the kernel stopped answering");
        Assert.Contains("dropped a message on shell:", kernel.Log);
        Assert.Equal(0, kernel.Executed);
    }

    [Theory]
    [InlineData("execute_request", """{"code": 5}""")]
    [InlineData("execute_request", """{"code": "1", "silent": "no"}""")]
    [InlineData("execute_request", """{"code": ["1"], "stop_on_error": 3}""")]
    [InlineData("complete_request", """{"code": "Con", "cursor_pos": "3"}""")]
    [InlineData("complete_request", """{"code": "Con", "cursor_pos": -1}""")]
    [InlineData("complete_request", """{"code": "Con", "cursor_pos": 1.5}""")]
    [InlineData("inspect_request", """{"code": {"x": 1}, "cursor_pos": 0}""")]
    [InlineData("is_complete_request", """{"code": true}""")]
    public void WrongJsonTypesGetAnErrorReply(string type, string content)
    {
        using var kernel = new InProcessKernel();
        var reply = kernel.Request(type, JsonNode.Parse(content)!.AsObject());
        Assert.NotNull(reply);
        Assert.Equal("error", Message.String(reply.Content, "status"));
        Assert.Contains("must be", Message.String(reply.Content, "evalue"));
        Assert.True(kernel.Answers());
    }

    [Fact]
    public void OverLargeFrameDisconnectsItsSenderAndTheKernelServesOthers()
    {
        using var kernel = new InProcessKernel(new KernelLimits { MaxMessageBytes = 1 << 20 });
        var frames = kernel.Frames("execute_request", ExecuteContent("1"));
        frames.Add(new byte[4 << 20]); // one 4 MiB buffer frame: past the limit before it is stored
        kernel.Shell.SendMultipartBytes(frames);
        Assert.True(kernel.Answers(reconnect: true), "the kernel stopped answering");
        Assert.Equal(0, kernel.Executed);
    }

    [Fact]
    public void MessageOfManySmallFramesPastTheLimitIsDropped()
    {
        using var kernel = new InProcessKernel(new KernelLimits { MaxMessageBytes = 1 << 20, MaxFrames = 64 });
        var large = kernel.Frames("execute_request", ExecuteContent("1"));
        large.AddRange(Enumerable.Range(0, 3).Select(_ => new byte[600 << 10])); // 3 × 600 KiB, each under the limit
        kernel.Shell.SendMultipartBytes(large);
        var many = kernel.Frames("execute_request", ExecuteContent("2"));
        many.AddRange(Enumerable.Range(0, 100).Select(_ => new byte[1]));
        kernel.Shell.SendMultipartBytes(many);
        Assert.Equal("ok", Message.String(kernel.Request("kernel_info_request", [])!.Content, "status"));
        Assert.Equal(2, kernel.Log.Split("message too large").Length - 1);
        Assert.Equal(0, kernel.Executed);
    }

    [Fact]
    public void ParsingArbitraryFramesNeverThrows()
    {
        var signer = new MessageSigner(InProcessKernel.Key);
        var history = new SignatureHistory();
        HostileFrames(signer).Sample(frames =>
        {
            var message = Message.FromFrames(frames, signer, out var rejection, history);
            // Either a message with a string type, or a reason: never both, never neither.
            Assert.True(message is null != rejection is null);
            if (message is not null) Assert.NotEqual("", message.Type);
        }, iter: 5000);
    }

    /// <summary>
    /// Random and adversarial frames over the socket, most of them validly signed so they reach the handlers; after
    /// every one the kernel must still answer. Bounded: 300 messages (about 20 s here).
    /// </summary>
    [Fact]
    public void HostileFramesNeverStopTheKernel()
    {
        using var kernel = new InProcessKernel();
        var sent = 0;
        HostileFrames(kernel.Signer).Sample(frames =>
        {
            kernel.Shell.SendMultipartBytes(frames);
            sent++;
            Assert.True(kernel.Running, "the kernel's thread ended");
            Assert.True(kernel.Answers(), $"the kernel stopped answering after message {sent}:\n{Describe(frames)}\n{kernel.Log}");
        }, iter: 300, threads: 1);
        Assert.DoesNotContain("Unhandled", kernel.Log);
    }

    private static string Describe(List<byte[]> frames) =>
        string.Join("\n", frames.Select(f => f.Length > 200 ? $"({f.Length} bytes)" : Encoding.UTF8.GetString(f)));

    private static List<byte[]> Signed(MessageSigner signer, string header, string parent, string metadata, string content)
    {
        byte[][] parts = [Encoding.UTF8.GetBytes(header), Encoding.UTF8.GetBytes(parent), Encoding.UTF8.GetBytes(metadata), Encoding.UTF8.GetBytes(content)];
        return ["<IDS|MSG>"u8.ToArray(), Encoding.ASCII.GetBytes(signer.Sign(parts)), .. parts];
    }

    // Request types the handlers answer (never shutdown: it would end the kernel under test), plus unknown ones.
    private static readonly string[] Types =
        ["execute_request", "complete_request", "inspect_request", "is_complete_request", "kernel_info_request",
         "comm_info_request", "history_request", "interrupt_request", "comm_open", "input_reply", ""];

    /// <summary>JSON text of any type, including the wrong ones for every field.</summary>
    private static readonly Gen<string> AnyJson = Gen.OneOf(
        Gen.Const("null"), Gen.Const("true"), Gen.Const("false"), Gen.Const("-1"), Gen.Const("1.5"), Gen.Const("1e400"),
        Gen.Const("99999999999999999999"), Gen.Const("\"\""), Gen.Const("[]"), Gen.Const("{}"), Gen.Const("\"\\ud800\""),
        Gen.Int.Select(i => i.ToString()),
        Gen.String[Gen.Char["ab.( \"\\{}\n"], 0, 12].Select(s => JsonValue.Create(s).ToJsonString()));

    /// <summary>Text that is not a JSON object: broken, too deep, invalid UTF-8 is added at the byte level.</summary>
    private static readonly Gen<string> BrokenJson = Gen.OneOf(
        Gen.Const("{"), Gen.Const(""), Gen.Const("{\"a\":1,\"a\":2}"), Gen.Const(new string('[', 10_000)), Gen.Const("{\"a\":" + new string('[', 70) + new string(']', 70) + "}"),
        Gen.String[0, 40]);

    private static Gen<string> Header(Gen<string> type) =>
        Gen.Select(type, Gen.Int[0, 3], (t, shape) => shape switch
        {
            0 => $$"""{"msg_id": "{{Guid.NewGuid():N}}", "msg_type": {{t}}, "session": "s", "username": "u", "version": "5.3"}""",
            1 => $$"""{"msg_type": {{t}}}""",
            2 => $$"""{"msg_id": {{t}}, "msg_type": "kernel_info_request", "date": {{t}}}""",
            _ => t,
        });

    private static readonly Gen<string> Content = Gen.Select(AnyJson, AnyJson, AnyJson, Gen.Int[0, 4], (a, b, c, shape) => shape switch
    {
        0 => $$"""{"code": {{a}}, "cursor_pos": {{b}}, "silent": {{c}}}""",
        1 => $$"""{"code": {{a}}, "stop_on_error": {{b}}, "user_expressions": {{c}}}""",
        2 => $$"""{"code": "Con", "cursor_pos": {{b}}, "detail_level": {{c}}}""",
        3 => $$"""{"restart": {{a}}, "target_name": {{b}}}""",
        _ => a,
    });

    /// <summary>Frames from fully random bytes to validly signed envelopes whose JSON has wrong types or is broken.</summary>
    private static Gen<List<byte[]>> HostileFrames(MessageSigner signer)
    {
        var type = Gen.OneOf(Gen.Int[0, Types.Length - 1].Select(i => JsonValue.Create(Types[i]).ToJsonString()), AnyJson);
        var part = Gen.Frequency((3, AnyJson), (1, BrokenJson));
        var envelope = Gen.Select(Header(type), part, part, Gen.Frequency((4, Content), (1, part)), Gen.Int[0, 9],
            (header, parent, metadata, content, mutation) =>
            {
                var frames = Signed(signer, header, parent, metadata, content);
                switch (mutation)
                {
                    case 0: frames[1] = "0000"u8.ToArray(); break;                          // wrong signature
                    case 1: frames.RemoveAt(frames.Count - 1); break;                        // a frame short
                    case 2: frames.RemoveAt(0); break;                                       // no delimiter
                    case 3: frames[^1] = [0xff, 0xfe, (byte)'{']; frames[1] = Encoding.ASCII.GetBytes(signer.Sign(frames[2], frames[3], frames[4], frames[5])); break; // invalid UTF-8, signed
                    case 4: frames.Add(new byte[70_000]); break;                             // a buffer
                    case 5: frames.Insert(0, [1, 2, 3]); break;                              // a routing identity
                }
                return frames;
            });
        var noise = Gen.Byte.Array[0, 64].List[0, 9];
        return Gen.Frequency((5, envelope), (1, noise.Where(f => f.Count > 0)));
    }
}
