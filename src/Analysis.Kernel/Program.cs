using Analysis.Kernel;
using Analysis.Kernel.Installation;
using Analysis.Kernel.Protocol;

// The Jupyter kernel for C# notebooks. kernel.json starts it with the connection file; install/uninstall manage that spec.
const string Usage = """
    usage:
      Analysis.Kernel [-f] CONNECTION_FILE                     run the kernel (what Jupyter front ends start)
      Analysis.Kernel install   [--prefix DIR] [--name NAME] [--no-ready-to-run]
                                                               write the kernelspec (default name .net-csharp) and, unless
                                                               told not to, a ReadyToRun publish of the kernel beside it
      Analysis.Kernel uninstall [--prefix DIR] [--name NAME]   remove it
    """;

if (args.Length == 0 || args[0] is "-h" or "--help") { Console.Error.WriteLine(Usage); return args.Length == 0 ? 2 : 0; }
try
{
    if (args[0] is "install" or "uninstall") return ManageSpec(args[0], args[1..]);
    var connectionFile = args is ["-f" or "--connection-file", var file, ..] ? file : args[0];
    return KernelProcess.Run(ConnectionInfo.Load(connectionFile));
}
catch (Exception e) when (e is FileNotFoundException or InvalidDataException or ArgumentException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

static int ManageSpec(string command, string[] options)
{
    string? prefix = null, name = KernelSpec.DefaultName;
    var readyToRun = true;
    for (var i = 0; i < options.Length; i++)
    {
        if (options[i] == "--no-ready-to-run") { readyToRun = false; continue; }
        var value = i + 1 < options.Length ? options[i + 1] : throw new ArgumentException($"{options[i]} needs a value.\n{Usage}");
        switch (options[i])
        {
            case "--prefix": prefix = value; i++; break;
            case "--name": name = value; i++; break;
            default: throw new ArgumentException($"unknown option '{options[i]}'.\n{Usage}");
        }
    }
    var folder = KernelSpec.Folder(name, prefix);
    if (command == "uninstall")
    {
        Console.WriteLine(KernelSpec.Uninstall(folder) ? $"removed kernelspec {name} from {folder}" : $"no kernelspec {name} at {folder}");
        return 0;
    }
    var dll = Path.Combine(AppContext.BaseDirectory, "Analysis.Kernel.dll");
    // A plain build is published ReadyToRun beside the spec; a kernel that is precompiled already is used as it is.
    if (readyToRun && !ReadyToRunBuild.IsReadyToRun(dll) && ReadyToRunBuild.ProjectPath is { } project && File.Exists(project))
    {
        Console.WriteLine($"publishing a ReadyToRun build of the kernel into {folder} (once; it starts the kernel about twice as fast)...");
        if (ReadyToRunBuild.Publish(project, DotnetHost(), folder, out var failure) is { } published) dll = published;
        else Console.Error.WriteLine($"warning: the ReadyToRun publish failed, so the spec points at the build output ({dll}): {failure}");
    }
    var warning = KernelSpec.Install(folder, DotnetHost(), dll, Path.Combine(AppContext.BaseDirectory, KernelSpec.LogoFile));
    if (warning is not null) Console.Error.WriteLine(warning);
    Console.WriteLine($"installed kernelspec {name} ({KernelSpec.DisplayName}) in {folder}");
    return 0;
}

// The dotnet host running this command, so the spec works where PATH lacks dotnet (front ends started from a desktop).
static string DotnetHost()
{
    var self = Environment.ProcessPath;
    if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
    return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
