using System.Text;

namespace Analysis.Notebooks.Engine;

/// <summary>
/// The cell running on the current async flow: where its console text and displayed values go. Console.SetOut is
/// process-wide, so the console is routed once through <see cref="RoutingWriter"/>, which asks this context.
/// </summary>
internal sealed class CellContext
{
    private static readonly AsyncLocal<CellContext?> CurrentContext = new();
    private static int consoleRouted;

    private readonly ICellOutput output;
    private readonly StreamBuffer stdout;
    private readonly StreamBuffer stderr;
    private int displayCount;

    private CellContext(ICellOutput output, CancellationToken cancellationToken)
    {
        this.output = output;
        CancellationToken = cancellationToken;
        stdout = new StreamBuffer(output, "stdout");
        stderr = new StreamBuffer(output, "stderr");
    }

    /// <summary>The running cell, or null outside cells.</summary>
    public static CellContext? Current => CurrentContext.Value;

    /// <summary>Cancelled when the cell is interrupted; cells observe it as <c>CancellationToken</c>.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Makes <paramref name="output"/> the current cell's output for this async flow.</summary>
    public static CellContext Enter(ICellOutput output, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref consoleRouted, 1) == 0)
        {
            Console.SetOut(new RoutingWriter(Console.Out, c => c.stdout));
            Console.SetError(new RoutingWriter(Console.Error, c => c.stderr));
        }
        var context = new CellContext(output, cancellationToken);
        CurrentContext.Value = context;
        return context;
    }

    /// <summary>Sends buffered console text (a cell's last line may not end in a newline).</summary>
    public void Flush()
    {
        stdout.Flush(all: true);
        stderr.Flush(all: true);
    }

    /// <summary>Shows a value, after the console text written before it.</summary>
    public string Display(object? value, string[] mimeTypes, string? displayId, bool update)
    {
        Flush();
        displayId ??= $"{Guid.NewGuid():N}-{Interlocked.Increment(ref displayCount)}";
        output.Display(ValueFormatter.Format(value, mimeTypes), displayId, update);
        return displayId;
    }

    /// <summary>Line-buffered console text: one output message per line or more, not per character.</summary>
    private sealed class StreamBuffer(ICellOutput output, string name)
    {
        private readonly StringBuilder pending = new();

        public void Write(ReadOnlySpan<char> text)
        {
            lock (pending)
            {
                pending.Append(text);
                if (text.Contains('\n')) Flush(all: false);
            }
        }

        public void Flush(bool all)
        {
            string chunk;
            lock (pending)
            {
                var end = all ? pending.Length : pending.ToString().LastIndexOf('\n') + 1;
                if (end == 0) return;
                chunk = pending.ToString(0, end);
                pending.Remove(0, end);
            }
            output.Stream(name, chunk);
        }
    }

    /// <summary>Console writer that sends text to the current cell, or to the original console outside cells.</summary>
    private sealed class RoutingWriter(TextWriter original, Func<CellContext, StreamBuffer> stream) : TextWriter
    {
        public override Encoding Encoding => original.Encoding;

        public override void Write(char value) => Write([value]);

        public override void Write(string? value) => Write(value.AsSpan());

        public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

        public override void Write(ReadOnlySpan<char> buffer)
        {
            if (Current is { } cell) stream(cell).Write(buffer);
            else original.Write(buffer);
        }

        public override void WriteLine(string? value) => Write((value + new string(CoreNewLine)).AsSpan());

        public override void Flush()
        {
            if (Current is null) original.Flush();
        }
    }
}
