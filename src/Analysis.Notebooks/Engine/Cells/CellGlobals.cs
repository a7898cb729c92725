namespace Analysis.Notebooks.Engine.Cells;

/// <summary>Members every cell can call without qualification, as in the .NET Interactive C# kernel.</summary>
public class CellGlobals
{
    /// <summary>Shows <paramref name="value"/> in the cell's output now (optionally only as the given MIME types).</summary>
    public DisplayedValue display(object? value, params string[] mimeTypes) => DisplayedValue.Show(value, mimeTypes);

    /// <summary>Cancelled when the running cell is interrupted: long cells pass it on or check it to stop early.</summary>
    public CancellationToken CancellationToken => CellContext.Current?.CancellationToken ?? CancellationToken.None;
}

/// <summary><c>x.Display()</c> for any value, as in the .NET Interactive C# kernel.</summary>
public static class DisplayExtensions
{
    /// <summary>Shows <paramref name="value"/> in the cell's output now (optionally only as the given MIME types).</summary>
    public static DisplayedValue Display(this object? value, params string[] mimeTypes) => DisplayedValue.Show(value, mimeTypes);
}

/// <summary>An output already shown, which <see cref="Update"/> can replace in place.</summary>
public sealed class DisplayedValue
{
    private readonly string id;
    private readonly string[] mimeTypes;

    private DisplayedValue(string id, string[] mimeTypes) => (this.id, this.mimeTypes) = (id, mimeTypes);

    internal static DisplayedValue Show(object? value, string[] mimeTypes) =>
        new(Context().Display(value, mimeTypes, null, update: false), mimeTypes);

    /// <summary>Replaces the shown output with <paramref name="value"/>.</summary>
    public void Update(object? value) => Context().Display(value, mimeTypes, id, update: true);

    private static CellContext Context() => CellContext.Current
        ?? throw new InvalidOperationException("display() can only be called while a notebook cell runs.");
}
