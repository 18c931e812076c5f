namespace Passbind.Sdk.Storage;

/// <summary>
/// An exclusive lock between processes (and between stores in one process): a lock file opened with
/// <see cref="FileShare.None"/>, which .NET holds as an advisory lock on Unix. Disposing the stream releases it.
/// </summary>
internal static class FileLock
{
    /// <summary>Opens <paramref name="path"/> exclusively, waiting at most about five seconds for another holder.</summary>
    public static async Task<FileStream> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        var options = UnixFileModes.NewPrivateFile();
        options.Mode = FileMode.OpenOrCreate;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, options);
            }
            catch (IOException) when (attempt < 250 && File.Exists(path))
            {
                // Held by another process: what it does under the lock takes milliseconds.
                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
