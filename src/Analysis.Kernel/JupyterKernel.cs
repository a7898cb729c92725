using System.Reflection;
using System.Text.Json.Nodes;
using Analysis.Kernel.Protocol;
using Microsoft.CodeAnalysis.CSharp;

namespace Analysis.Kernel;

/// <summary>The requests every kernel answers the same way whatever runs the cells: info, history, comms, shutdown.</summary>
public static class JupyterKernel
{
    /// <summary>The kernel_info reply content.</summary>
    public static JsonObject Info() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = Message.ProtocolVersion,
        ["implementation"] = "analysis-csharp",
        ["implementation_version"] = typeof(JupyterKernel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0",
        ["language_info"] = new JsonObject
        {
            ["name"] = "C#",
            ["version"] = LanguageVersion.Latest.MapSpecifiedToEffectiveVersion().ToDisplayString(),
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = $"C# notebook kernel on .NET {Environment.Version} (Roslyn scripting, the engine of the headless runner)",
        ["help_links"] = new JsonArray(),
        ["debugger"] = false,
    };

    /// <summary>Registers kernel_info, comm_info, history and shutdown (on shell and control alike).</summary>
    public static void RegisterCommon(KernelServer server)
    {
        server.On("kernel_info_request", _ => Info());
        server.On("comm_info_request", _ => new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
        server.On("history_request", _ => new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() });
        server.On("shutdown_request", request =>
        {
            var restart = request.Content["restart"]?.GetValue<bool>() ?? false;
            // A restart is the front end starting a fresh process after this one exits: state goes with the process.
            server.Stop(restart ? "restart requested" : "shutdown requested");
            return new JsonObject { ["status"] = "ok", ["restart"] = restart };
        });
    }
}
