using Analysis.Notebooks.Engine;

namespace Analysis.Notebooks.Tests.Engine;

public sealed class InterruptTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("interrupt-tests").FullName;
    private readonly NotebookSession session;

    public InterruptTests() => session = new NotebookSession(new SessionOptions
    {
        WorkingDirectory = folder,
        InterruptGracePeriod = TimeSpan.FromMilliseconds(300),
    });

    public void Dispose()
    {
        session.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Runs a cell and interrupts it once it prints "started", so compile time never races the interrupt.</summary>
    private async Task<CellResult> RunInterrupted(string code)
    {
        using var interrupt = new CancellationTokenSource();
        return await session.ExecuteAsync(code, new InterruptingOutput(interrupt), interrupt.Token);
    }

    [Fact]
    public async Task CellThatObservesTheTokenStopsWithItsError()
    {
        var result = await RunInterrupted("Console.WriteLine(\"started\");\nawait Task.Delay(TimeSpan.FromMinutes(5), CancellationToken);");
        Assert.False(result.Success);
        Assert.Equal("TaskCanceledException", result.Error!.Name);
        Assert.True(result.Duration < TimeSpan.FromMinutes(1), $"took {result.Duration}");
    }

    [Fact]
    public async Task CellThatIgnoresTheTokenIsAbandonedAndTheSessionGoesOn()
    {
        await session.ExecuteAsync("var before = 1;", new RecordingOutput(), TestContext.Current.CancellationToken);
        var result = await RunInterrupted("var during = 2;\nConsole.WriteLine(\"started\");\nSystem.Threading.Thread.Sleep(4000);");
        Assert.Equal("CellAbandoned", result.Error!.Name);
        var next = await session.ExecuteAsync("before", new RecordingOutput(), TestContext.Current.CancellationToken);
        Assert.True(next.Success, next.Error?.Message);
        Assert.Equal("1", next.Value!.Data["text/plain"]);
        var lost = await session.ExecuteAsync("during", new RecordingOutput(), TestContext.Current.CancellationToken);
        Assert.Equal("CompilationError", lost.Error!.Name);
    }

    private sealed class InterruptingOutput(CancellationTokenSource interrupt) : ICellOutput
    {
        public void Stream(string name, string text)
        {
            if (text.Contains("started")) interrupt.Cancel();
        }

        public void Display(DisplayData data, string? displayId = null, bool update = false) { }
    }
}
