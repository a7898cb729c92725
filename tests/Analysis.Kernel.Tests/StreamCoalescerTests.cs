namespace Analysis.Kernel.Tests;

/// <summary>Console text gathered into few messages without losing, reordering or splitting any of it.</summary>
public sealed class StreamCoalescerTests
{
    private readonly List<(string Name, string Text)> sent = [];

    private StreamCoalescer Coalescer() => new((name, text) => { lock (sent) sent.Add((name, text)); });

    [Fact]
    public void LinesWrittenTogetherLeaveAsOneMessageOnFlush()
    {
        using var streams = Coalescer();
        for (var i = 0; i < 1000; i++) streams.Write("stdout", $"{i}\n");
        streams.Flush();
        var message = Assert.Single(sent);
        Assert.Equal(string.Concat(Enumerable.Range(0, 1000).Select(i => $"{i}\n")), message.Text);
    }

    [Fact]
    public void SwitchingStreamsKeepsTheOrder()
    {
        using var streams = Coalescer();
        streams.Write("stdout", "a\n");
        streams.Write("stdout", "b\n");
        streams.Write("stderr", "oops\n");
        streams.Write("stdout", "c\n");
        streams.Flush();
        Assert.Equal([("stdout", "a\nb\n"), ("stderr", "oops\n"), ("stdout", "c\n")], sent);
    }

    [Fact]
    public void LongTextIsSentInChunksThatKeepSurrogatePairsWhole()
    {
        using var streams = Coalescer();
        var text = new string('x', StreamCoalescer.MaxChunk - 1) + "😀" + new string('y', 10);
        streams.Write("stdout", text);
        streams.Flush();
        Assert.Equal(text, string.Concat(sent.Select(s => s.Text)));
        Assert.All(sent, s => Assert.InRange(s.Text.Length, 1, StreamCoalescer.MaxChunk));
        Assert.Equal(2, sent.Count);
        Assert.False(char.IsHighSurrogate(sent[0].Text[^1]));
    }

    [Fact]
    public void WaitingTextIsSentAfterTheIntervalWithoutAFlush()
    {
        using var streams = Coalescer();
        streams.Write("stdout", "progress\n");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && sent.Count == 0) Thread.Sleep(10);
        Assert.Equal([("stdout", "progress\n")], sent);
    }

    [Fact]
    public void TextAfterDisposeIsSentAtOnce()
    {
        var streams = Coalescer();
        streams.Write("stdout", "last\n");
        streams.Dispose();
        Assert.Equal([("stdout", "last\n")], sent);
        streams.Write("stdout", "from an abandoned cell\n");
        Assert.Equal(2, sent.Count);
    }
}
