using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Analysis.Notebooks.Engine;

/// <summary>
/// Hands every session the same reference object for the same file, so that a library's metadata (and the
/// dependencies found beside it) is read once per process rather than once per notebook.
/// </summary>
internal sealed class CachingMetadataResolver(MetadataReferenceResolver resolver) : MetadataReferenceResolver
{
    private readonly MetadataReferenceResolver inner = resolver;

    private static readonly ConcurrentDictionary<(string Path, DateTime Written, MetadataReferenceProperties Properties), PortableExecutableReference> Files = new();

    public override bool ResolveMissingAssemblies => inner.ResolveMissingAssemblies;

    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties) =>
        inner.ResolveReference(reference, baseFilePath, properties).Select(Shared).ToImmutableArray();

    public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity) =>
        inner.ResolveMissingAssembly(definition, referenceIdentity) is { } found ? Shared(found) : null;

    /// <summary>A file's shared reference; a rebuilt file (newer write time) gets a new one.</summary>
    public static PortableExecutableReference Shared(PortableExecutableReference reference) =>
        reference.FilePath is { } path
            ? Files.GetOrAdd((path, File.GetLastWriteTimeUtc(path), reference.Properties), _ => reference)
            : reference;

    public override bool Equals(object? other) => other is CachingMetadataResolver c && c.inner.Equals(inner);

    public override int GetHashCode() => inner.GetHashCode();
}
