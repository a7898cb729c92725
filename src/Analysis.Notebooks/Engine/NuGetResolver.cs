using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Analysis.Notebooks.Engine;

/// <summary>
/// What a restore gave: the runtime assemblies to reference, every package with its resolved version, and the
/// folder each package was extracted to (where a notebook host finds its <c>interactive-extensions</c>), and the
/// native libraries the packages carry for this platform.
/// </summary>
internal sealed record NuGetResolution(
    IReadOnlyList<string> Assemblies, IReadOnlyList<PackageRequest> Packages, IReadOnlyList<string> PackageFolders, IReadOnlyList<string> NativeLibraries);

/// <summary>A <c>#r "nuget:"</c> restore that failed; the message carries the dotnet CLI's errors.</summary>
public sealed class NuGetRestoreException(string message) : Exception(message);

/// <summary>Package sources and the packages folder that NuGet.Config files set for a folder.</summary>
internal sealed record NuGetSettings(IReadOnlyList<string> Sources, string? PackagesFolder);

/// <summary>
/// Resolves <c>#r "nuget:"</c> packages the way the .NET Interactive kernel does: a temporary project outside any
/// repository (so no Directory.Build.props or central versions leak in), <c>dotnet restore</c>, then the runtime
/// assemblies listed in <c>obj/project.assets.json</c>. Restores are cached on disk by package set and sources, and
/// by the packages a local folder source holds, so a rebuilt local package is restored again.
/// </summary>
internal sealed class NuGetResolver(string cacheDirectory)
{
    private static readonly string TargetFramework = $"net{Environment.Version.Major}.0";

    /// <summary>Full paths of the runtime assemblies of <paramref name="packages"/> and their dependencies.</summary>
    public async Task<NuGetResolution> ResolveAsync(
        IReadOnlyCollection<PackageRequest> packages, IReadOnlyCollection<string> sources, string? packagesFolder, CancellationToken cancellationToken)
    {
        var project = Path.Combine(cacheDirectory, Key(packages, sources, packagesFolder));
        var assets = Path.Combine(project, "obj", "project.assets.json");
        var done = Path.Combine(project, "restored");
        if (Restored(done, assets) is { } cached) return cached;
        // Kernels, runners and test hosts may restore the same package set at once: one restores, the others wait for it.
        Directory.CreateDirectory(cacheDirectory);
        using var gate = await LockAsync(project + ".lock", cancellationToken);
        if (Restored(done, assets) is { } restoredMeanwhile) return restoredMeanwhile;
        // Not restored yet, or an extracted package was removed since (a rebuild of a local package removes its old copy).
        WriteProject(project, packages, sources, packagesFolder);
        await RestoreAsync(project, packages, cancellationToken);
        await File.WriteAllTextAsync(done, DateTime.UtcNow.ToString("O"), cancellationToken);
        return Read(assets);
    }

    /// <summary>
    /// What NuGet.Config files at or above <paramref name="folder"/> say: the package sources they add (absolute paths
    /// or URLs) and the nearest <c>globalPackagesFolder</c>. The restore project lives elsewhere, so NuGet itself would
    /// not see them; .NET Interactive restores from the notebook's folder and honours them, and so must this engine.
    /// </summary>
    public static NuGetSettings ConfiguredSettings(string folder)
    {
        var sources = new List<string>();
        string? packagesFolder = null;
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            var config = dir.Exists ? dir.EnumerateFiles().FirstOrDefault(f => f.Name.Equals("nuget.config", StringComparison.OrdinalIgnoreCase)) : null;
            if (config is null) continue;
            try
            {
                var root = System.Xml.Linq.XDocument.Load(config.FullName).Root;
                var adds = root?.Element("packageSources")?.Elements("add") ?? [];
                sources.AddRange(adds.Select(a => (string?)a.Attribute("value")).OfType<string>().Select(v => Absolute(v, dir.FullName)));
                packagesFolder ??= root?.Element("config")?.Elements("add")
                    .Where(a => (string?)a.Attribute("key") == "globalPackagesFolder")
                    .Select(a => (string?)a.Attribute("value")).OfType<string>().Select(v => Path.GetFullPath(v, dir.FullName)).FirstOrDefault();
            }
            catch (System.Xml.XmlException)
            {
                // A malformed config is NuGet's to report when it restores.
            }
        }
        return new NuGetSettings(sources.Distinct().ToList(), packagesFolder);
    }

    /// <summary>A relative source is a folder relative to <paramref name="baseFolder"/>; URLs and absolute paths stay.</summary>
    public static string Absolute(string source, string baseFolder) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && !uri.IsFile ? source : Path.GetFullPath(source, baseFolder);

    /// <summary>The cached restore when it is complete and its packages are still extracted; null otherwise.</summary>
    private static NuGetResolution? Restored(string done, string assets)
    {
        if (!File.Exists(done)) return null;
        try
        {
            return Read(assets) is var cached && cached.Assemblies.All(File.Exists) ? cached : null;
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;  // another process is restoring it again right now
        }
    }

    /// <summary>An exclusive lock on <paramref name="path"/> across processes (FileShare.None is an advisory lock on Unix).</summary>
    private static async Task<FileStream> LockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    private static string Key(IEnumerable<PackageRequest> packages, IEnumerable<string> sources, string? packagesFolder)
    {
        var text = string.Join("\n", packages.Select(p => $"{p.Id.ToLowerInvariant()}/{p.Version}").Order()
            .Concat(sources.Order()).Concat(sources.SelectMany(LocalPackages).Order()).Append(TargetFramework).Append(packagesFolder ?? ""));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
    }

    /// <summary>The packages a local folder source holds, with size and time, so that a repacked one changes the key.</summary>
    private static IEnumerable<string> LocalPackages(string source) => Directory.Exists(source)
        ? new DirectoryInfo(source).EnumerateFiles("*.nupkg", SearchOption.AllDirectories)
            .Select(f => $"{f.FullName}|{f.Length}|{f.LastWriteTimeUtc.Ticks}")
        : [];

    private static void WriteProject(string folder, IEnumerable<PackageRequest> packages, IReadOnlyCollection<string> sources, string? packagesFolder)
    {
        Directory.CreateDirectory(folder);
        // Stop MSBuild's upward search for build files here.
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(folder, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"),
            "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>");
        var items = string.Join("\n", packages.Select(p =>
            $"    <PackageReference Include=\"{Escape(p.Id)}\" Version=\"{Escape(p.Version ?? "*")}\" />"));
        var extraSources = sources.Count == 0 ? "" :
            $"\n    <RestoreAdditionalProjectSources>{Escape(string.Join(";", sources))}</RestoreAdditionalProjectSources>";
        var packagesPath = packagesFolder is null ? "" : $"\n    <RestorePackagesPath>{Escape(packagesFolder)}</RestorePackagesPath>";
        File.WriteAllText(Path.Combine(folder, "packages.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>{TargetFramework}</TargetFramework>
                <NoWarn>$(NoWarn);NU1603;NU1701</NoWarn>{extraSources}{packagesPath}
              </PropertyGroup>
              <ItemGroup>
            {items}
              </ItemGroup>
            </Project>
            """);
    }

    private static string Escape(string value) => System.Security.SecurityElement.Escape(value);

    private static async Task RestoreAsync(string folder, IEnumerable<PackageRequest> packages, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet", ["restore", "packages.csproj", "--nologo", "-v", "q"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new NuGetRestoreException("could not start 'dotnet restore'");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode == 0) return;
        var errors = (await stdout + "\n" + await stderr).Split('\n')
            .Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Select(l => l.Trim()).Distinct();
        throw new NuGetRestoreException(
            $"restoring {string.Join("; ", packages)} failed:\n{string.Join("\n", errors)}");
    }

    private static NuGetResolution Read(string assetsFile)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(assetsFile));
        var root = doc.RootElement;
        var packageFolder = root.GetProperty("packageFolders").EnumerateObject().First().Name;
        var libraries = root.GetProperty("libraries");
        var target = root.GetProperty("targets").EnumerateObject().First(t => t.Name == TargetFramework).Value;
        var paths = new List<string>();
        var resolved = new List<PackageRequest>();
        var folders = new List<string>();
        var natives = new List<string>();
        foreach (var package in target.EnumerateObject())
        {
            var (id, version) = (package.Name.Split('/')[0], package.Name.Split('/')[1]);
            resolved.Add(new PackageRequest(id, version));
            if (package.Value.GetProperty("type").GetString() != "package") continue;
            var folder = Path.Combine(packageFolder, libraries.GetProperty(package.Name).GetProperty("path").GetString()!);
            folders.Add(Path.GetFullPath(folder));
            if (package.Value.TryGetProperty("runtimeTargets", out var targets))
                natives.AddRange(targets.EnumerateObject()
                    .Where(t => t.Value.TryGetProperty("assetType", out var type) && type.GetString() == "native"
                        && t.Value.TryGetProperty("rid", out var rid) && rid.GetString() == RuntimeInformation.RuntimeIdentifier)
                    .Select(t => Path.GetFullPath(Path.Combine(folder, t.Name))));
            if (!package.Value.TryGetProperty("runtime", out var runtime)) continue;
            paths.AddRange(runtime.EnumerateObject().Select(r => r.Name)
                .Where(r => !r.EndsWith("_._", StringComparison.Ordinal))
                .Select(r => Path.GetFullPath(Path.Combine(folder, r))));
        }
        return new NuGetResolution(paths, resolved, folders, natives);
    }
}
