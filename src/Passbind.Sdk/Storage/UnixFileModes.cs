namespace Passbind.Sdk.Storage;

/// <summary>The modes of the store's files and folders on Unix: readable by the user alone.</summary>
internal static class UnixFileModes
{
    /// <summary>0600.</summary>
    public const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>0700.</summary>
    public const UnixFileMode Directory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates a directory (and its parents) with mode 0700, and tightens it to 0700 if it exists.</summary>
    public static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(path);
            return;
        }

        System.IO.Directory.CreateDirectory(path, Directory);
        System.IO.File.SetUnixFileMode(path, Directory);
    }

    /// <summary>Options for a new file that only the user may read (0600 on Unix).</summary>
    public static FileStreamOptions NewPrivateFile()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = File;
        }

        return options;
    }

    /// <summary>Writes <paramref name="contents"/> to <paramref name="path"/> atomically: a 0600 temp file, flushed to disk, then renamed over it.</summary>
    public static async Task WriteAtomicallyAsync(
        string path, ReadOnlyMemory<byte> contents, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(path) ?? ".";
        var temp = Path.Combine(
            directory, $".{Path.GetFileName(path)}.{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8))}.tmp");
        try
        {
            var stream = new FileStream(temp, NewPrivateFile());
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(contents, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            System.IO.File.Move(temp, path, overwrite: true);
        }
        finally
        {
            System.IO.File.Delete(temp);
        }
    }
}
