namespace Samverka.Platform;

/// Finds Samverka's own command (`migrate`, `seed`) among the arguments the host also reads. The host's command line
/// takes `--key value`, `/key value`, `--key=value` and `key=value` (e.g. `--urls http://127.0.0.1:5201`); read the
/// same way here, so an option's value is never taken for a command.
public static class HostCommand
{
    public static string? Find(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith('-') || arg.StartsWith('/'))
            {
                if (!arg.Contains('=')) i++; // the option's value follows it
                continue;
            }
            if (arg.Contains('=')) continue;
            return arg;
        }
        return null;
    }
}
