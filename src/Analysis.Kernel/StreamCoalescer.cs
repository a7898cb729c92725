using System.Text;

namespace Analysis.Kernel;

/// <summary>
/// Gathers a cell's console text into few stream messages, as ipykernel does: text is sent when
/// <see cref="Interval"/> has passed since the first unsent character, when <see cref="MaxChunk"/> characters are
/// waiting, when the other stream (stdout/stderr) writes, and on <see cref="Flush"/> (before a display and at the end
/// of the cell). A cell printing a line at a time then costs a message per chunk, not per line, and ordering between
/// stdout, stderr and displays is kept. Thread-safe: cells may print from several threads.
/// </summary>
public sealed class StreamCoalescer : IDisposable
{
    /// <summary>How long text may wait before it is sent (ipykernel flushes every 200 ms; a shorter wait feels live).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>The most characters in one stream message; more waiting text is sent in several.</summary>
    public const int MaxChunk = 64 * 1024;

    private readonly Action<string, string> send;
    private readonly StringBuilder pending = new();
    private readonly Lock gate = new();
    private readonly Timer timer;
    private string? pendingName;
    private bool timerArmed, closed;

    /// <summary><paramref name="send"/> receives (stream name, text) for every chunk, in order.</summary>
    public StreamCoalescer(Action<string, string> send)
    {
        this.send = send;
        timer = new Timer(_ => Flush());
    }

    /// <summary>Queues text of stream <paramref name="name"/>; after <see cref="Dispose"/>, text is sent at once.</summary>
    public void Write(string name, string text)
    {
        if (text.Length == 0) return;
        lock (gate)
        {
            if (pendingName != name) SendPending();
            pendingName = name;
            pending.Append(text);
            if (closed || pending.Length >= MaxChunk) SendPending();
            else if (!timerArmed)
            {
                timerArmed = true;
                timer.Change(Interval, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Sends whatever is waiting.</summary>
    public void Flush()
    {
        lock (gate) SendPending();
    }

    /// <summary>Sends what is waiting and stops the timer; later text (from an abandoned cell) is sent as it comes.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            SendPending();
            closed = true;
        }
        timer.Dispose();
    }

    /// <summary>Called under the lock, so chunks leave in the order they were written.</summary>
    private void SendPending()
    {
        timerArmed = false;
        if (pendingName is null || pending.Length == 0) return;
        for (var start = 0; start < pending.Length;)
        {
            var length = Math.Min(MaxChunk, pending.Length - start);
            if (start + length < pending.Length && char.IsHighSurrogate(pending[start + length - 1])) length--; // keep a pair whole
            send(pendingName, pending.ToString(start, length));
            start += length;
        }
        pending.Clear();
    }
}
