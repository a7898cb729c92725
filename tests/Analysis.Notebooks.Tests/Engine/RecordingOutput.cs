using Analysis.Notebooks.Engine;

namespace Analysis.Notebooks.Tests.Engine;

/// <summary>Keeps everything a cell produced, for assertions.</summary>
internal sealed class RecordingOutput : ICellOutput
{
    public List<(string Name, string Text)> Streams { get; } = [];
    public List<(DisplayData Data, string? Id, bool Update)> Displays { get; } = [];

    public string Stdout => string.Concat(Streams.Where(s => s.Name == "stdout").Select(s => s.Text));

    public void Stream(string name, string text) => Streams.Add((name, text));

    public void Display(DisplayData data, string? displayId = null, bool update = false) => Displays.Add((data, displayId, update));
}
