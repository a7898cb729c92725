namespace Analysis.Kernel.Protocol;

/// <summary>
/// The signatures of the messages accepted so far, so that a captured, validly signed message sent again (a replay)
/// is rejected, as jupyter_client's Session does. Bounded: past <see cref="Capacity"/> the oldest signatures are
/// forgotten (a replay that old is no longer caught; every message carries a fresh msg_id and date, so a client never
/// legitimately repeats a signature). Safe to use from the shell and control threads at once.
/// </summary>
public sealed class SignatureHistory(int capacity = SignatureHistory.DefaultCapacity)
{
    /// <summary>jupyter_client's <c>digest_history_size</c>.</summary>
    public const int DefaultCapacity = 1 << 16;

    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();
    private readonly Lock gate = new();

    /// <summary>How many signatures are remembered.</summary>
    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    /// <summary>Records <paramref name="signature"/>; false when it was seen before (the message is a replay).</summary>
    public bool TryAdd(string signature)
    {
        lock (gate)
        {
            if (!seen.Add(signature)) return false;
            order.Enqueue(signature);
            if (order.Count > Capacity) seen.Remove(order.Dequeue());
            return true;
        }
    }
}
