using System.Text.Json;
using System.Text.Json.Nodes;

namespace Analysis.Kernel.Installation;

/// <summary>
/// Writes and removes the kernelspec (kernel.json and logo) that Jupyter front ends look up by name,
/// in the user's Jupyter data folder or under <c>PREFIX/share/jupyter/kernels</c> as
/// <c>jupyter kernelspec install --prefix</c> does.
/// </summary>
public static class KernelSpec
{
    /// <summary>The name the notebooks' metadata carries (and the one papermill maps to its C# translator).</summary>
    public const string DefaultName = ".net-csharp";

    public const string DisplayName = ".NET (C#)";

    public const string LogoFile = "logo-64x64.png";

    /// <summary>The folder of kernelspec <paramref name="name"/>: under <paramref name="prefix"/> when given, else the user's data folder.</summary>
    public static string Folder(string name, string? prefix) =>
        Path.Combine(prefix is null ? UserDataFolder() : Path.Combine(Path.GetFullPath(prefix), "share", "jupyter"), "kernels", name);

    /// <summary>Jupyter's user data folder: <c>JUPYTER_DATA_DIR</c>, else the platform's default (as <c>jupyter --data-dir</c> prints).</summary>
    public static string UserDataFolder()
    {
        var configured = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        if (!string.IsNullOrEmpty(configured)) return configured;
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows()) return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
        if (OperatingSystem.IsMacOS()) return Path.Combine(home, "Library", "Jupyter");
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        return Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(home, ".local", "share") : xdg, "jupyter");
    }

    /// <summary>The kernel.json that starts <paramref name="kernelDll"/> with <paramref name="dotnet"/>.</summary>
    public static JsonObject Json(string dotnet, string kernelDll) => new()
    {
        ["argv"] = new JsonArray(dotnet, kernelDll, "{connection_file}"),
        ["display_name"] = DisplayName,
        ["language"] = "C#",
        // A signal would kill the .NET process; a message lets the kernel cancel the running cell.
        ["interrupt_mode"] = "message",
        ["env"] = new JsonObject(),
        ["metadata"] = new JsonObject { ["debugger"] = false },
    };

    /// <summary>
    /// Installs the spec into <paramref name="folder"/>, replacing what is there; returns a warning when an
    /// existing spec of another kernel (e.g. .NET Interactive) is replaced, else null.
    /// </summary>
    public static string? Install(string folder, string dotnet, string kernelDll, string logo)
    {
        var warning = DescribeReplaced(folder, kernelDll);
        Directory.CreateDirectory(folder);
        var json = Json(dotnet, kernelDll).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        File.WriteAllText(Path.Combine(folder, "kernel.json"), json + "\n");
        File.Copy(logo, Path.Combine(folder, LogoFile), overwrite: true);
        return warning;
    }

    /// <summary>Removes the spec folder; false when there was none.</summary>
    public static bool Uninstall(string folder)
    {
        if (!Directory.Exists(folder)) return false;
        Directory.Delete(folder, recursive: true);
        return true;
    }

    private static string? DescribeReplaced(string folder, string kernelDll)
    {
        var existing = Path.Combine(folder, "kernel.json");
        if (!File.Exists(existing)) return null;
        string command;
        try
        {
            var argv = JsonNode.Parse(File.ReadAllText(existing))?["argv"]?.AsArray().Select(a => a?.ToString() ?? "") ?? [];
            command = string.Join(' ', argv);
        }
        catch (JsonException) { command = "(unreadable kernel.json)"; }
        if (command.Contains(Path.GetFileName(kernelDll), StringComparison.OrdinalIgnoreCase)) return null;
        var what = command.Contains("interactive", StringComparison.OrdinalIgnoreCase) ? "a .NET Interactive kernelspec" : "another kernelspec";
        return $"warning: replacing {what} at {folder} (it ran: {command}). Use --name to install beside it instead.";
    }
}
