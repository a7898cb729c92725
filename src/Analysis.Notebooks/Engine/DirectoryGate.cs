namespace Analysis.Notebooks.Engine;

/// <summary>
/// Lets cells of several sessions in one process run at the same time when they share a working directory, and one
/// folder at a time otherwise: the current directory is process-wide (the console is routed per cell, see
/// <see cref="CellContext"/>). The first cell in sets the current directory, the last one out restores it. While a cell
/// of another folder waits, no new cell of the current folder comes in, so that folder cannot starve the other.
/// </summary>
internal static class DirectoryGate
{
    private static readonly object Sync = new();
    private static string? current;
    private static string? restore;
    private static int inside;
    private static int waitingElsewhere;
    private static TaskCompletionSource emptied = NewSignal();

    /// <summary>Waits until a cell of <paramref name="folder"/> may run, with <paramref name="folder"/> as the current directory.</summary>
    public static async Task<IDisposable> EnterAsync(string folder, CancellationToken cancellationToken)
    {
        bool counted = false;
        try
        {
            while (true)
            {
                Task wait;
                lock (Sync)
                {
                    bool sameFolder = inside > 0 && current == folder && waitingElsewhere == 0;
                    if (inside == 0 || sameFolder)
                    {
                        if (counted) waitingElsewhere--;
                        counted = false;
                        if (inside++ == 0)
                        {
                            current = folder;
                            restore = Environment.CurrentDirectory;
                            Environment.CurrentDirectory = folder;
                        }
                        return new Lease();
                    }
                    if (!counted && current != folder)
                    {
                        waitingElsewhere++;
                        counted = true;
                    }
                    wait = emptied.Task;
                }
                await wait.WaitAsync(cancellationToken);
            }
        }
        finally
        {
            if (counted)
                lock (Sync) waitingElsewhere--;
        }
    }

    private static void Exit()
    {
        lock (Sync)
        {
            if (--inside > 0) return;
            Environment.CurrentDirectory = restore!;
            current = restore = null;
            var signal = emptied;
            emptied = NewSignal();
            signal.SetResult();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Lease : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) Exit();
        }
    }
}
