using Passbind.Cli;

// The only place that touches the process's console: everything else writes through CliConsole,
// so tests run the same commands with their own writers.
return await PassbindCli.RunAsync(args, CliConsole.FromSystemConsole()).ConfigureAwait(false);
